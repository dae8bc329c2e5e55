package org.trdcds.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.jdbc.core.JdbcTemplate;
import org.trdcds.replay.DatabaseReplayStore;
import org.trdcds.replay.MemoryReplayStore;
import org.trdcds.replay.ReplayStore;

/**
 * The replay guard's cost per call: one new jti recorded, as every accepted call does. {@code store=memory} is the
 * in-process table; {@code store=database} the shared table on a real PostgreSQL (zonky's embedded binaries, on
 * loopback, through a Hikari pool of 10 as the service uses), with {@code fsync} and {@code synchronous_commit} on
 * (PostgreSQL's defaults: each insert's commit waits for its WAL to reach the disk; zonky turns both off unless
 * told) or off. The table is pre-filled with
 * {@code rows} live entries (3,000 calls/s for 5 minutes is 900,000), so the index is the size it has in service.
 * Run with {@code bench/jmh.sh ReplayStoreBenchmark} (add {@code -t 4} for concurrent calls).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReplayStoreBenchmark {

    static final String ISSUER = "https://ehr.example.org";

    @Param({"memory", "database"})
    public String store;

    @Param({"on", "off"})
    public String synchronousCommit;

    /** zonky starts PostgreSQL with fsync off; on is what a production server does (each commit reaches the disk). */
    @Param({"on"})
    public String fsync;

    @Param({"900000"})
    public int rows;

    private EmbeddedPostgres postgres;
    private HikariDataSource dataSource;
    private ReplayStore replay;
    private Instant expiresAt;

    @Setup
    public void setUp() throws Exception {
        expiresAt = Instant.now().plus(Duration.ofHours(2));
        if (store.equals("memory")) {
            replay = new MemoryReplayStore(rows + 10_000_000, Duration.ofSeconds(60), Clock.systemUTC());
            for (int i = 0; i < rows; i++) {
                replay.firstUse(ISSUER, "fill-" + i, expiresAt);
            }
            return;
        }
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("synchronous_commit", synchronousCommit)
                .setServerConfig("fsync", fsync)
                .start();
        HikariConfig config = new HikariConfig();
        config.setDataSource(postgres.getPostgresDatabase());
        config.setMaximumPoolSize(10);
        dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update(
                "INSERT INTO jti_used (jti_hash, expires_at) SELECT ('x' || substr(md5(g::text), 1, 16))::bit(64)"
                        + "::bigint, ? FROM generate_series(1, ?) g ON CONFLICT DO NOTHING",
                expiresAt.getEpochSecond(),
                rows);
        jdbc.execute("ANALYZE jti_used");
        replay = new DatabaseReplayStore(jdbc, Duration.ofSeconds(60), Clock.systemUTC(), Duration.ofMinutes(1));
        System.out.printf(
                "%njti_used rows: %d, synchronous_commit=%s, fsync=%s%n",
                jdbc.queryForObject("SELECT COUNT(*) FROM jti_used", Long.class),
                jdbc.queryForObject("SHOW synchronous_commit", String.class),
                jdbc.queryForObject("SHOW fsync", String.class));
    }

    @TearDown
    public void tearDown() throws Exception {
        if (dataSource != null) {
            dataSource.close();
            postgres.close();
        }
    }

    @Benchmark
    public boolean firstUseOfANewJti() {
        if (!replay.firstUse(ISSUER, UUID.randomUUID().toString(), expiresAt)) {
            throw new IllegalStateException("a new jti was refused");
        }
        return true;
    }
}
