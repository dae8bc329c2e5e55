package org.trdcds.feedback;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.trdcds.feedback.FeedbackSummary.FeedbackCount;
import org.trdcds.feedback.FeedbackSummary.OverrideReasonCode;
import org.trdcds.feedback.FeedbackSummary.TopicCount;

/** Issued cards and clinicians' feedback on them, in the tables of db/migration (plain JDBC). */
@Repository
public class FeedbackStore {

    private static final String FEEDBACK_COUNTS = """
            SELECT f.service_id, c.topic, f.outcome, f.override_system, f.override_code, COUNT(*) AS n
            FROM feedback f LEFT JOIN card_issued c ON c.card_uuid = f.card_uuid
            GROUP BY f.service_id, c.topic, f.outcome, f.override_system, f.override_code
            ORDER BY f.service_id, c.topic, f.outcome, f.override_system, f.override_code""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public FeedbackStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** One batch insert; fails as a whole (e.g. on a duplicate card uuid). */
    public void recordIssued(List<IssuedCard> cards) {
        jdbc.batchUpdate("INSERT INTO card_issued (card_uuid, service_id, topic, hook_instance, issued_at) "
                        + "VALUES (?, ?, ?, ?, ?)", cards, cards.size(), (statement, card) -> {
                    statement.setObject(1, card.cardUuid());
                    statement.setString(2, card.serviceId());
                    statement.setString(3, card.topic());
                    statement.setObject(4, card.hookInstance());
                    statement.setObject(5, utc(card.issuedAt()));
                });
    }

    /** Runs the issued-card insert and rolls it back: warms the write path at start-up and stores nothing. */
    void rehearseIssued(IssuedCard card) {
        transaction.executeWithoutResult(status -> {
            recordIssued(List.of(card));
            status.setRollbackOnly();
        });
    }

    /** All entries or none. */
    public void recordFeedback(String serviceId, List<FeedbackEntry> entries) {
        OffsetDateTime receivedAt = utc(Instant.now());
        transaction.executeWithoutResult(status -> entries.forEach(entry -> insert(serviceId, entry, receivedAt)));
    }

    private void insert(String serviceId, FeedbackEntry entry, OffsetDateTime receivedAt) {
        UUID id = UUID.randomUUID();
        FeedbackEntry.OverrideReason override = entry.overrideReason();
        FeedbackEntry.Coding reason = override == null ? null : override.reason();
        jdbc.update("INSERT INTO feedback (id, card_uuid, service_id, outcome, override_system, override_code, "
                        + "override_display, user_comment, outcome_timestamp, received_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, entry.card(), serviceId, entry.outcome().code(),
                reason == null ? null : reason.system(), reason == null ? null : reason.code(),
                reason == null ? null : reason.display(), override == null ? null : override.userComment(),
                utc(entry.outcomeTimestamp()), receivedAt);
        for (UUID suggestion : entry.acceptedSuggestions()) {
            jdbc.update("INSERT INTO feedback_accepted_suggestion (feedback_id, suggestion_uuid) VALUES (?, ?)",
                    id, suggestion);
        }
    }

    public FeedbackSummary summary() {
        List<FeedbackCount> feedback = jdbc.query(FEEDBACK_COUNTS, (rs, row) -> new FeedbackCount(
                rs.getString("service_id"), rs.getString("topic"), rs.getString("outcome"),
                rs.getString("override_code") == null ? null
                        : new OverrideReasonCode(rs.getString("override_system"), rs.getString("override_code")),
                rs.getLong("n")));
        Map<String, long[]> byTopic = new TreeMap<>();
        jdbc.query("SELECT topic, COUNT(*) AS n FROM card_issued WHERE topic IS NOT NULL GROUP BY topic",
                rs -> {
                    byTopic.computeIfAbsent(rs.getString("topic"), t -> new long[3])[0] = rs.getLong("n");
                });
        for (FeedbackCount count : feedback) {
            if (count.topic() != null) {
                int column = FeedbackEntry.Outcome.ACCEPTED.code().equals(count.outcome()) ? 1 : 2;
                byTopic.computeIfAbsent(count.topic(), t -> new long[3])[column] += count.count();
            }
        }
        List<TopicCount> topics = new ArrayList<>();
        byTopic.forEach((topic, n) -> topics.add(new TopicCount(topic, n[0], n[1], n[2],
                n[1] + n[2] == 0 ? null : (double) n[2] / (n[1] + n[2]),
                n[0] == 0 ? null : (double) n[2] / n[0])));
        return new FeedbackSummary(feedback, topics);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
