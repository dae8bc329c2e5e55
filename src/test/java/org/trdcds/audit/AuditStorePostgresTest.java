package org.trdcds.audit;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.trdcds.TestPostgres;

/** Audit purge and links on a real PostgreSQL (embedded, a database of its own). */
class AuditStorePostgresTest extends AuditStoreContract {

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
