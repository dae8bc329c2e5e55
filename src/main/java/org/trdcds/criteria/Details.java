package org.trdcds.criteria;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers to fill {@link Finding#details()}: dates, rounded numbers, condition rows. */
final class Details {

    private Details() {}

    static String date(Instant instant) {
        return instant == null
                ? null
                : LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    /** One decimal at most; null stays null (rendered "unknown"). */
    static Double round(Double value) {
        return value == null || !Double.isFinite(value) ? null : Math.round(value * 10) / 10.0;
    }

    /** Whole numbers without ".0". */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return "unknown";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }

    /** "42%", or "unknown" for NaN. */
    static String percent(double fraction) {
        return Double.isNaN(fraction) ? "unknown" : Math.round(fraction * 100) + "%";
    }

    /** A change of score as read: "5% reduction", or for a score that rose "increase of 10%" (PROTOCOL-v3 F). */
    static Phrase change(double reduction) {
        return !Double.isNaN(reduction) && reduction < 0
                ? Phrase.of("change.increase", "percent", percent(-reduction))
                : Phrase.of("change.reduction", "percent", percent(reduction));
    }

    static long wholePercent(double fraction) {
        return Math.round(fraction * 100);
    }

    static Object label(List<Code> codes) {
        for (Code c : codes) {
            if (c.display() != null && !c.display().isBlank()) {
                return c.display();
            }
        }
        return codes.isEmpty() ? Phrase.of("condition.unnamed") : codes.get(0).code();
    }

    static List<Map<String, Object>> conditionRows(List<ConditionFact> conditions) {
        List<Map<String, Object>> rows = new ArrayList<>(conditions.size());
        for (ConditionFact c : conditions) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("condition", label(c.codes()));
            row.put("code", c.codes().isEmpty() ? null : c.codes().get(0).code());
            row.put(
                    "clinicalStatus",
                    c.clinicalStatus() == null ? Phrase.of("condition.statusNotRecorded") : c.clinicalStatus());
            row.put("onset", date(c.onset()));
            row.put("date", date(c.date()));
            row.put("ref", c.ref());
            rows.add(row);
        }
        return rows;
    }

    static Map<String, Object> score(Score score) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("scale", score.scaleLabel());
        row.put("value", round(score.value()));
        row.put("date", date(score.at()));
        row.put("ref", score.ref());
        return row;
    }
}
