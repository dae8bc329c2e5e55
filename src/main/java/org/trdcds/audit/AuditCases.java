package org.trdcds.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The cases behind the issued cards, for review: shadow cards per topic, indicator and week, and the list of
 * cases (newest first, or the overridden critical cards first), always bounded by {@code limit}.
 */
@Repository
public class AuditCases {

    /** The most rows one page or download lists. */
    public static final int MAX_ROWS = 10_000;

    private final JdbcTemplate jdbc;

    public AuditCases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One issued card as a reviewer sees it. */
    public record Case(
            String cardUuid,
            String serviceId,
            String hook,
            String topic,
            String indicator,
            Instant issuedAt,
            String patientLink,
            String encounterLink,
            String knowledgeVersion,
            boolean shadow,
            String outcome,
            String overrideCode) {}

    /** Cards of one topic and indicator issued in one week. */
    public record WeekCount(Instant weekStart, String topic, String indicator, long count) {}

    /** What to list: null fields do not filter. */
    public record Filter(Boolean shadow, String topic, String indicator, String patientLink) {}

    /** Cards per topic and indicator in each of the {@code weeks} weeks ending at {@code now} (newest week first). */
    public List<WeekCount> perWeek(boolean shadow, Instant now, int weeks) {
        List<WeekCount> counts = new ArrayList<>();
        for (int week = 0; week < weeks; week++) {
            Instant end = now.minusSeconds(7L * 86_400 * week);
            Instant start = end.minusSeconds(7L * 86_400);
            jdbc.query(
                    "SELECT topic, indicator, COUNT(*) AS n FROM card_issued WHERE shadow = ? AND issued_at >= ? "
                            + "AND issued_at < ? GROUP BY topic, indicator ORDER BY topic, indicator",
                    rs -> {
                        counts.add(new WeekCount(
                                start, rs.getString("topic"), rs.getString("indicator"), rs.getLong("n")));
                    },
                    shadow,
                    utc(start),
                    utc(end));
        }
        return counts;
    }

    /**
     * The cases that match, at most {@code limit}: the overridden critical cards first when
     * {@code overriddenCriticalFirst}, then newest first.
     */
    public List<Case> cases(Filter filter, boolean overriddenCriticalFirst, int limit) {
        StringBuilder sql = new StringBuilder("SELECT c.card_uuid, c.service_id, c.hook, c.topic, c.indicator, "
                + "c.issued_at, c.patient_link, c.encounter_link, c.knowledge_version, c.shadow, f.outcome, "
                + "f.override_code FROM card_issued c LEFT JOIN feedback f ON f.card_uuid = c.card_uuid WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.shadow() != null) {
            sql.append(" AND c.shadow = ?");
            args.add(filter.shadow());
        }
        where(sql, args, "c.topic", filter.topic());
        where(sql, args, "c.indicator", filter.indicator());
        where(sql, args, "c.patient_link", filter.patientLink());
        sql.append(" ORDER BY ");
        if (overriddenCriticalFirst) {
            sql.append("CASE WHEN f.outcome = 'overridden' AND c.indicator = 'critical' THEN 0 ELSE 1 END, ");
        }
        sql.append("c.issued_at DESC, c.card_uuid LIMIT ").append(Math.max(1, Math.min(limit, MAX_ROWS)));
        return jdbc.query(
                sql.toString(),
                (rs, row) -> new Case(
                        rs.getString("card_uuid"),
                        rs.getString("service_id"),
                        rs.getString("hook"),
                        rs.getString("topic"),
                        rs.getString("indicator"),
                        rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
                        rs.getString("patient_link"),
                        rs.getString("encounter_link"),
                        rs.getString("knowledge_version"),
                        rs.getBoolean("shadow"),
                        rs.getString("outcome"),
                        rs.getString("override_code")),
                args.toArray());
    }

    private static void where(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null && !value.isEmpty()) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
