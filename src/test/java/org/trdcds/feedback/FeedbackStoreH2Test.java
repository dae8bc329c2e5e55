package org.trdcds.feedback;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The store against H2, the default database. */
class FeedbackStoreH2Test extends FeedbackStoreContract {

    @Override
    DataSource dataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:feedback-store;DB_CLOSE_DELAY=-1");
        return dataSource;
    }
}
