package org.trdcds.replay;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.trdcds.TestPostgres;

/** The database replay store on a real PostgreSQL (embedded, shared by the test JVM; a database of its own). */
class DatabaseReplayStorePostgresTest extends DatabaseReplayStoreContract {

    static DataSource database;

    @BeforeAll
    static void createDatabase() {
        database = TestPostgres.freshDatabase();
    }

    @Override
    DataSource dataSource() {
        return database;
    }
}
