package org.trdcds.feedback;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
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
        jdbc.batchUpdate(
                "INSERT INTO card_issued (card_uuid, service_id, topic, hook_instance, issued_at, "
                        + "suggestions, override_reasons, patient_link, hook, encounter_link, indicator, "
                        + "knowledge_version, shadow, client) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                cards,
                cards.size(),
                (statement, card) -> {
                    statement.setObject(1, card.cardUuid());
                    statement.setString(2, card.serviceId());
                    statement.setString(3, card.topic());
                    statement.setObject(4, card.hookInstance());
                    statement.setObject(5, utc(card.issuedAt()));
                    statement.setString(
                            6,
                            joined(
                                    card.suggestions().stream()
                                            .map(UUID::toString)
                                            .toList(),
                                    ","));
                    statement.setString(7, joined(card.overrideReasons(), "\n"));
                    CardAudit audit = card.audit();
                    statement.setString(8, audit.patientLink());
                    statement.setString(9, audit.hook());
                    statement.setString(10, audit.encounterLink());
                    statement.setString(11, audit.indicator());
                    statement.setString(12, audit.knowledgeVersion());
                    statement.setBoolean(13, audit.shadow());
                    statement.setString(14, audit.client());
                });
    }

    /** The card as recorded, or empty when no card with this uuid was (yet) recorded. */
    public Optional<IssuedCard> findIssued(UUID cardUuid) {
        return jdbc
                .query(
                        "SELECT card_uuid, service_id, topic, hook_instance, issued_at, suggestions, "
                                + "override_reasons, patient_link, hook, encounter_link, indicator, knowledge_version, shadow, client "
                                + "FROM card_issued WHERE card_uuid = ?",
                        (rs, row) -> new IssuedCard(
                                rs.getObject("card_uuid", UUID.class),
                                rs.getString("service_id"),
                                rs.getString("topic"),
                                rs.getObject("hook_instance", UUID.class),
                                rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
                                split(rs.getString("suggestions"), ",").stream()
                                        .map(UUID::fromString)
                                        .toList(),
                                split(rs.getString("override_reasons"), "\n"),
                                new CardAudit(
                                        rs.getString("patient_link"),
                                        rs.getString("hook"),
                                        rs.getString("encounter_link"),
                                        rs.getString("indicator"),
                                        rs.getString("knowledge_version"),
                                        rs.getBoolean("shadow"),
                                        rs.getString("client"))),
                        cardUuid)
                .stream()
                .findFirst();
    }

    /** Runs the issued-card insert and rolls it back: warms the write path at start-up and stores nothing. */
    void rehearseIssued(IssuedCard card) {
        transaction.executeWithoutResult(status -> {
            recordIssued(List.of(card));
            status.setRollbackOnly();
        });
    }

    /**
     * All entries or none. One outcome per card: an entry replaces the card's stored outcome unless that one is
     * identical (same outcome, reason, comment, suggestions and time: stored once) or later by its outcomeTimestamp
     * (an older outcome arriving late changes nothing). Two posts racing on two replicas: the loser's unique
     * violation retries once, and then sees the winner's row.
     */
    public void recordFeedback(String serviceId, List<FeedbackEntry> entries) {
        OffsetDateTime receivedAt = utc(Instant.now());
        try {
            transaction.executeWithoutResult(status -> entries.forEach(entry -> insert(serviceId, entry, receivedAt)));
        } catch (DuplicateKeyException e) {
            transaction.executeWithoutResult(status -> entries.forEach(entry -> insert(serviceId, entry, receivedAt)));
        }
    }

    private void insert(String serviceId, FeedbackEntry entry, OffsetDateTime receivedAt) {
        String fingerprint = FeedbackFingerprint.of(entry);
        List<Stored> stored = jdbc.query(
                "SELECT id, fingerprint, outcome_timestamp FROM feedback WHERE card_uuid = ?",
                (rs, row) -> new Stored(
                        rs.getObject("id", UUID.class),
                        rs.getString("fingerprint"),
                        rs.getObject("outcome_timestamp", OffsetDateTime.class).toInstant()),
                entry.card());
        for (Stored earlier : stored) {
            if (fingerprint.equals(earlier.fingerprint()) || earlier.outcomeAt().isAfter(entry.outcomeTimestamp())) {
                return;
            }
            jdbc.update("DELETE FROM feedback_accepted_suggestion WHERE feedback_id = ?", earlier.id());
            jdbc.update("DELETE FROM feedback WHERE id = ?", earlier.id());
        }
        UUID id = UUID.randomUUID();
        FeedbackEntry.OverrideReason override = entry.overrideReason();
        FeedbackEntry.Coding reason = override == null ? null : override.reason();
        jdbc.update(
                "INSERT INTO feedback (id, card_uuid, service_id, outcome, override_system, override_code, "
                        + "override_display, user_comment, outcome_timestamp, received_at, fingerprint) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                entry.card(),
                serviceId,
                entry.outcome().code(),
                reason == null ? null : reason.system(),
                reason == null ? null : reason.code(),
                reason == null ? null : reason.display(),
                override == null ? null : override.userComment(),
                utc(entry.outcomeTimestamp()),
                receivedAt,
                fingerprint);
        for (UUID suggestion : entry.acceptedSuggestions()) {
            jdbc.update(
                    "INSERT INTO feedback_accepted_suggestion (feedback_id, suggestion_uuid) VALUES (?, ?)",
                    id,
                    suggestion);
        }
    }

    public FeedbackSummary summary() {
        List<FeedbackCount> feedback = jdbc.query(
                FEEDBACK_COUNTS,
                (rs, row) -> new FeedbackCount(
                        rs.getString("service_id"),
                        rs.getString("topic"),
                        rs.getString("outcome"),
                        rs.getString("override_code") == null
                                ? null
                                : new OverrideReasonCode(
                                        rs.getString("override_system"), rs.getString("override_code")),
                        rs.getLong("n")));
        Map<String, long[]> byTopic = new TreeMap<>();
        jdbc.query(
                "SELECT topic, COUNT(*) AS n FROM card_issued WHERE topic IS NOT NULL AND shadow = FALSE "
                        + "GROUP BY topic",
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
        byTopic.forEach((topic, n) -> topics.add(new TopicCount(
                topic,
                n[0],
                n[1],
                n[2],
                n[1] + n[2] == 0 ? null : (double) n[2] / (n[1] + n[2]),
                n[0] == 0 ? null : (double) n[2] / n[0])));
        return new FeedbackSummary(feedback, topics);
    }

    private record Stored(UUID id, String fingerprint, Instant outcomeAt) {}

    private static String joined(List<String> values, String separator) {
        return values.isEmpty() ? null : String.join(separator, values);
    }

    private static List<String> split(String joined, String separator) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(separator));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
