package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.trdcds.knowledge.ProtocolParameters;

/** The latest plausible body weight within weightWindowDays, in kg (kg, g, [lb_av]; docs/protocol.md section 5). */
final class Weight {

    static final String BODY_WEIGHT = "body-weight";
    private static final double KG_PER_LB = 0.45359237;

    /**
     * @param ignored readings in the window that were ignored ("8 kg on 2026-11-20"), newest first
     */
    record Result(String ref, double kg, Instant at, List<Phrase> ignored) {

        Result(String ref, double kg, Instant at) {
            this(ref, kg, at, List.of());
        }
    }

    /** The latest plausible weight, or a result with ref null (and the ignored readings) when there is none. */
    static Result latest(List<ObservationFact> observations, Terms terms, ProtocolParameters p, Instant now) {
        Instant from = now.minus(Duration.ofDays(p.weightWindowDays()));
        Result latest = null;
        List<ObservationFact> ignored = new ArrayList<>();
        for (ObservationFact o : observations) {
            Instant at = o.effective();
            if (at == null || at.isBefore(from) || at.isAfter(now) || !terms.any(BODY_WEIGHT, o.codes())) {
                continue;
            }
            Double kg = kilograms(o.value(), o.unit());
            if (kg == null || kg < p.weightMinKg() || kg > p.weightMaxKg()) {
                ignored.add(o);
            } else if (latest == null || at.isAfter(latest.at())) {
                latest = new Result(o.ref(), kg, at);
            }
        }
        List<Phrase> lines = new ArrayList<>();
        ignored.sort((a, b) -> b.effective().compareTo(a.effective()));
        for (ObservationFact o : ignored) {
            if (latest == null || o.effective().isAfter(latest.at())) {
                String date = Details.date(o.effective());
                lines.add(
                        o.value() == null
                                ? Phrase.of("weight.ignoredNoValue", "date", date)
                                : Phrase.of(
                                        o.unit() == null ? "weight.ignoredNoUnit" : "weight.ignored",
                                        "value",
                                        Details.number(o.value()),
                                        "unit",
                                        o.unit(),
                                        "date",
                                        date));
            }
        }
        return latest == null
                ? new Result(null, 0, null, lines)
                : new Result(latest.ref(), latest.kg(), latest.at(), lines);
    }

    static Double kilograms(Double value, String unit) {
        if (value == null || unit == null || !Double.isFinite(value) || value <= 0) {
            return null;
        }
        return switch (unit.toLowerCase()) {
            case "kg", "kilogram", "kilograms" -> value;
            case "g", "gram", "grams" -> value / 1000;
            case "[lb_av]", "lb", "lbs", "pound", "pounds" -> value * KG_PER_LB;
            default -> null;
        };
    }

    private Weight() {}
}
