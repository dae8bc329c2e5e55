package org.trdcds.audit;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** Audit purge and links on H2, the default database. */
class AuditStoreH2Test extends AuditStoreContract {

    @Override
    DataSource dataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:audit-store;DB_CLOSE_DELAY=-1");
        return dataSource;
    }
}
