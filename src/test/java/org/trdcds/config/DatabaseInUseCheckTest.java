package org.trdcds.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second instance on the same embedded database is told so in one line; a free or absent database is not. */
class DatabaseInUseCheckTest {

    @Test
    void anOpenH2DatabaseIsReportedInUseAndAClosedOneIsNot(@TempDir Path dir) throws Exception {
        String name = dir.resolve("trd-cds-hooks").toString();
        String url = "jdbc:h2:file:" + name + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE";
        try (Connection open = DriverManager.getConnection(url, "sa", "")) {
            open.createStatement().execute("CREATE TABLE t (x INT)");
            assertThat(DatabaseInUseCheck.inUse(url))
                    .hasValue("database " + name + " is in use by another process (stop it, or give this instance "
                            + "its own --spring.datasource.url)");
        }
        assertThat(DatabaseInUseCheck.inUse(url)).isEmpty();
    }

    @Test
    void otherDatabasesAndAbsentFilesAreNotChecked(@TempDir Path dir) {
        assertThat(DatabaseInUseCheck.inUse("jdbc:postgresql://localhost/x")).isEmpty();
        assertThat(DatabaseInUseCheck.inUse("jdbc:h2:mem:x")).isEmpty();
        assertThat(DatabaseInUseCheck.inUse("jdbc:h2:file:" + dir.resolve("absent")))
                .isEmpty();
        assertThat(DatabaseInUseCheck.inUse(null)).isEmpty();
    }
}
