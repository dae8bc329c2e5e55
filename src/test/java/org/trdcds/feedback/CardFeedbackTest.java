package org.trdcds.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** Feedback races the batching writer of its card, in this process and on another replica, and never loses. */
class CardFeedbackTest {

    static final String SERVICE = "ketamine-tms-screening";

    JdbcTemplate jdbc;
    FeedbackStore store;

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:card-feedback-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource((DataSource) dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        store = new FeedbackStore(jdbc, new DataSourceTransactionManager(dataSource));
    }

    static IssuedCard card() {
        return new IssuedCard(UUID.randomUUID(), SERVICE, "combination-candidate", UUID.randomUUID(), Instant.now());
    }

    static FeedbackEntry accepted(UUID card) {
        return new FeedbackEntry(card, FeedbackEntry.Outcome.ACCEPTED, Set.of(), null, Instant.now());
    }

    long rows(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    @Test
    void aCardStillLingeringInThisProcesssWriterIsWaitedForNotRefused() {
        IssuedCardWriter writer = new IssuedCardWriter(store, 100, 10, Duration.ofMillis(10), Duration.ofMillis(300));
        writer.start();
        try {
            CardFeedback feedback = new CardFeedback(store, writer, Duration.ofMillis(50));
            IssuedCard card = card();
            writer.submit(List.of(card));
            assertThat(writer.isPending(card.cardUuid())).isTrue();

            feedback.record(SERVICE, List.of(accepted(card.cardUuid())));

            assertThat(writer.isPending(card.cardUuid())).isFalse();
            assertThat(rows("card_issued")).isEqualTo(1);
            assertThat(rows("feedback")).isEqualTo(1);
        } finally {
            writer.stop();
        }
    }

    @Test
    void aCardAnotherReplicaWritesAMomentLaterIsWaitedForUpToTheBound() throws Exception {
        IssuedCardWriter idle = new IssuedCardWriter(store, 10, 10, Duration.ofMillis(10));
        CardFeedback feedback = new CardFeedback(store, idle, Duration.ofSeconds(3));
        IssuedCard card = card();
        CompletableFuture<Void> otherReplica = CompletableFuture.runAsync(() -> {
            sleep(200);
            store.recordIssued(List.of(card));
        });

        long start = System.nanoTime();
        feedback.record(SERVICE, List.of(accepted(card.cardUuid())));

        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isBetween(Duration.ofMillis(150), Duration.ofSeconds(3));
        otherReplica.get();
        assertThat(rows("feedback")).isEqualTo(1);
    }

    @Test
    void aCardNeverIssuedIsRefusedAfterTheBoundAndNothingIsStored() {
        IssuedCardWriter idle = new IssuedCardWriter(store, 10, 10, Duration.ofMillis(10));
        CardFeedback feedback = new CardFeedback(store, idle, Duration.ofMillis(100));
        IssuedCard issued = card();
        store.recordIssued(List.of(issued));

        long start = System.nanoTime();
        assertThatThrownBy(() ->
                        feedback.record(SERVICE, List.of(accepted(issued.cardUuid()), accepted(UUID.randomUUID()))))
                .isInstanceOfSatisfying(
                        FeedbackRefusedException.class,
                        e -> assertThat(e.unknownCard()).isTrue())
                .hasMessageContaining("feedback[1].card");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(90), Duration.ofSeconds(2));
        assertThatThrownBy(() -> feedback.record("ketamine-tms-order-sign", List.of(accepted(issued.cardUuid()))))
                .isInstanceOf(FeedbackRefusedException.class);
        assertThat(rows("feedback")).isZero();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
