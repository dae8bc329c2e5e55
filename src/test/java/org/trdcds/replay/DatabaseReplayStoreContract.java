package org.trdcds.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** What the database replay store must do on every database the service supports. */
abstract class DatabaseReplayStoreContract {

    static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    static final String ISSUER = "https://ehr.example.org";

    final org.trdcds.TestClock clock = new org.trdcds.TestClock(START);
    JdbcTemplate jdbc;

    abstract DataSource dataSource();

    @BeforeEach
    void migrate() {
        DataSource dataSource = dataSource();
        Flyway.configure().dataSource(dataSource).cleanDisabled(false).load().clean();
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    DatabaseReplayStore store() {
        return new DatabaseReplayStore(jdbc, Duration.ofSeconds(60), clock, Duration.ofMinutes(1));
    }

    @Test
    void aJtiUsedThroughOneStoreIsRefusedByAnotherOnTheSameDatabase() {
        DatabaseReplayStore replicaA = store();
        DatabaseReplayStore replicaB = store();
        Instant exp = START.plusSeconds(300);

        assertThat(replicaA.firstUse(ISSUER, "jti-1", exp)).isTrue();
        assertThat(replicaB.firstUse(ISSUER, "jti-1", exp)).isFalse();
        assertThat(replicaA.firstUse(ISSUER, "jti-1", exp)).isFalse();
        assertThat(replicaB.firstUse("https://other.example.org", "jti-1", exp)).isTrue();
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void storesACompactHashNeverTheJtiAndKeepsItUntilExpPlusSkew() {
        DatabaseReplayStore store = store();
        assertThat(store.firstUse(ISSUER, "secret-looking-jti", START.plusSeconds(300)))
                .isTrue();

        assertThat(jdbc.queryForObject("SELECT expires_at FROM jti_used", Long.class))
                .isEqualTo(START.plusSeconds(360).getEpochSecond());
        assertThat(jdbc.queryForObject("SELECT jti_hash FROM jti_used", Long.class))
                .isNotZero();
        clock.advance(Duration.ofSeconds(360));
        assertThat(store.firstUse(ISSUER, "secret-looking-jti", START.plusSeconds(300)))
                .isFalse();
    }

    @Test
    void anExpiredRowIsTakenOverOnceAndPurgedInTheBackground() throws Exception {
        DatabaseReplayStore store = store();
        store.firstUse(ISSUER, "old", START.plusSeconds(10));
        store.firstUse(ISSUER, "live", START.plusSeconds(600));
        clock.advance(Duration.ofSeconds(100));

        assertThat(store.firstUse(ISSUER, "old", START.plusSeconds(400))).isTrue(); // a new token, same jti
        assertThat(store.firstUse(ISSUER, "old", START.plusSeconds(400))).isFalse();
        store.firstUse(ISSUER, "short", START.plusSeconds(110));
        clock.advance(Duration.ofSeconds(100));

        DatabaseReplayStore purging =
                new DatabaseReplayStore(jdbc, Duration.ofSeconds(60), clock, Duration.ofMillis(20));
        purging.start();
        try {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (count() > 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            purging.stop();
        }
        assertThat(count()).isEqualTo(2);
        assertThat(store.firstUse(ISSUER, "live", START.plusSeconds(600))).isFalse();
    }

    @Test
    void concurrentUsesOfOneJtiHaveOneWinner() throws Exception {
        List<DatabaseReplayStore> replicas = List.of(store(), store(), store(), store());
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                String jti = "race-" + round;
                List<Callable<Boolean>> uses = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    DatabaseReplayStore replica = replicas.get(i % replicas.size());
                    uses.add(() -> replica.firstUse(ISSUER, jti, START.plusSeconds(300)));
                }
                int winners = 0;
                for (Future<Boolean> use : threads.invokeAll(uses)) {
                    winners += use.get() ? 1 : 0;
                }
                assertThat(winners).as(jti).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anUnreachableDatabaseRefusesTheCallInsteadOfLettingItThrough() {
        DatabaseReplayStore unreachable = new DatabaseReplayStore(
                new JdbcTemplate(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1")),
                Duration.ofSeconds(60),
                clock,
                Duration.ofMinutes(1));

        assertThatThrownBy(() -> unreachable.firstUse(ISSUER, "jti", START.plusSeconds(300)))
                .isInstanceOf(ReplayStore.Unavailable.class)
                .hasMessageContaining("database unavailable");
    }

    private int count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM jti_used", Integer.class);
    }
}
