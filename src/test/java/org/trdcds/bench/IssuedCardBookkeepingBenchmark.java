package org.trdcds.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.trdcds.feedback.FeedbackStore;
import org.trdcds.feedback.IssuedCard;
import org.trdcds.feedback.IssuedCardWriter;

/**
 * What binding feedback to issued cards adds to the hook path: per card, the record of what it offered (its
 * suggestion uuids and override reasons) and the writer's pending set (added on submit, removed once written), with
 * the write itself still off the request thread. {@code submit} is the hook path's whole hand-over of one card
 * (queue offer included) to a writer whose store discards the rows, as in {@code RequestBenchmark}; compare it with
 * the call's 600-900 µs. Run with {@code bench/jmh.sh IssuedCardBookkeepingBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class IssuedCardBookkeepingBenchmark {

    private IssuedCardWriter writer;
    private final List<UUID> suggestions = List.of(UUID.randomUUID());
    private final List<String> reasons = List.of(
            IssuedCard.overrideReason("https://fhir.trd-cds-hooks.org/CodeSystem/override-reasons", "benefit"),
            IssuedCard.overrideReason("https://fhir.trd-cds-hooks.org/CodeSystem/override-reasons", "other"));

    @Setup
    public void setUp() {
        AbstractDataSource none = new AbstractDataSource() {
            @Override
            public java.sql.Connection getConnection() {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.sql.Connection getConnection(String user, String password) {
                throw new UnsupportedOperationException();
            }
        };
        AbstractPlatformTransactionManager noTransactions = new AbstractPlatformTransactionManager() {
            @Override
            protected Object doGetTransaction() {
                return new Object();
            }

            @Override
            protected void doBegin(Object transaction, TransactionDefinition definition) {}

            @Override
            protected void doCommit(DefaultTransactionStatus status) {}

            @Override
            protected void doRollback(DefaultTransactionStatus status) {}
        };
        FeedbackStore discarding = new FeedbackStore(new JdbcTemplate(none), noTransactions) {
            @Override
            public void recordIssued(List<IssuedCard> cards) {}
        };
        writer = new IssuedCardWriter(discarding, 100_000, 200, Duration.ofMillis(50), Duration.ZERO);
        writer.start();
    }

    @TearDown
    public void tearDown() {
        writer.stop();
    }

    @Benchmark
    public void submitACardWithItsOffers() {
        writer.submit(List.of(new IssuedCard(
                UUID.randomUUID(),
                "ketamine-tms-order-sign",
                "ketamine-dose-check",
                UUID.randomUUID(),
                Instant.now(),
                List.copyOf(suggestions),
                List.copyOf(reasons))));
    }

    @Benchmark
    public void submitABareCard() {
        writer.submit(List.of(new IssuedCard(
                UUID.randomUUID(),
                "ketamine-tms-order-sign",
                "ketamine-dose-check",
                UUID.randomUUID(),
                Instant.now())));
    }
}
