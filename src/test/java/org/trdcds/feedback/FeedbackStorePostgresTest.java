package org.trdcds.feedback;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.trdcds.TestPostgres;

/** The store against a real PostgreSQL (embedded, shared by the test JVM; a database of its own). */
class FeedbackStorePostgresTest extends FeedbackStoreContract {

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
