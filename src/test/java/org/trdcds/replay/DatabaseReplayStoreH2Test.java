package org.trdcds.replay;

import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The database replay store on H2 (in memory, as the embedded default file database behaves). */
class DatabaseReplayStoreH2Test extends DatabaseReplayStoreContract {

    @Override
    DataSource dataSource() {
        return new DriverManagerDataSource("jdbc:h2:mem:replay;DB_CLOSE_DELAY=-1", "sa", "");
    }
}
