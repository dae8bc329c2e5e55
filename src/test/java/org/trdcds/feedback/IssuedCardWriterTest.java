package org.trdcds.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The background writer never loses an issued card: not when its queue is full, not at shutdown. */
class IssuedCardWriterTest {

    JdbcTemplate jdbc;
    FeedbackStore store;

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:writer-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource((DataSource) dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        store = new FeedbackStore(jdbc, new DataSourceTransactionManager(dataSource));
    }

    static List<IssuedCard> cards(int n) {
        List<IssuedCard> cards = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cards.add(new IssuedCard(
                    UUID.randomUUID(), "ketamine-tms-screening", "topic-" + (i % 3), UUID.randomUUID(), Instant.now()));
        }
        return cards;
    }

    long stored() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM card_issued", Long.class);
    }

    @Test
    void everyCardSubmittedConcurrentlyThroughATinyQueueIsStoredByShutdown() throws Exception {
        IssuedCardWriter writer = new IssuedCardWriter(store, 4, 3, Duration.ofMillis(1));
        writer.start();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 200; i++) {
            callers.submit(() -> writer.submit(cards(5)));
        }
        callers.shutdown();
        assertThat(callers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        writer.stop();
        assertThat(stored()).isEqualTo(1000);
    }

    @Test
    void cardsSubmittedAfterStopAreWrittenByTheCaller() {
        IssuedCardWriter writer = new IssuedCardWriter(store, 100, 10, Duration.ofMillis(10));
        writer.start();
        writer.stop();
        writer.submit(cards(3));
        assertThat(stored()).isEqualTo(3);
    }

    @Test
    void aCardAlreadyRecordedDoesNotBlockTheRestOfItsBatch() {
        List<IssuedCard> cards = cards(3);
        store.recordIssued(List.of(cards.get(1)));
        IssuedCardWriter writer = new IssuedCardWriter(store, 100, 10, Duration.ofMillis(10));
        writer.start();
        writer.submit(cards);
        writer.stop();
        assertThat(stored()).isEqualTo(3);
    }

    @Test
    void callsArrivingWithinTheLingerAreWrittenInOneBatch() throws Exception {
        List<Integer> batches = new java.util.concurrent.CopyOnWriteArrayList<>();
        FeedbackStore counting = new FeedbackStore(jdbc, new DataSourceTransactionManager(jdbc.getDataSource())) {
            @Override
            public void recordIssued(List<IssuedCard> cards) {
                batches.add(cards.size());
                super.recordIssued(cards);
            }
        };
        IssuedCardWriter writer =
                new IssuedCardWriter(counting, 100, 50, Duration.ofMillis(10), Duration.ofMillis(500));
        writer.start();
        batches.clear(); // the rolled-back rehearsal of start()
        for (int call = 0; call < 4; call++) {
            writer.submit(cards(2));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (stored() < 8 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        writer.stop();

        assertThat(stored()).isEqualTo(8);
        assertThat(batches).as("one write for the four calls").containsExactly(8);
    }
}
