package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The latest body weight within weightWindowDays, in kg (kg, g, lb). */
final class Weight {

    static final String BODY_WEIGHT = "body-weight";
    private static final double KG_PER_LB = 0.45359237;

    record Result(String ref, double kg, Instant at) {
    }

    /** Null when no usable weight in the window. */
    static Result latest(List<ObservationFact> observations, Terms terms, int windowDays, Instant now) {
        Instant from = now.minus(Duration.ofDays(windowDays));
        Result latest = null;
        for (ObservationFact o : observations) {
            Instant at = o.effective();
            if (at == null || at.isBefore(from) || at.isAfter(now) || (latest != null && !at.isAfter(latest.at()))) {
                continue;
            }
            Double kg = kilograms(o.value(), o.unit());
            if (kg != null && terms.any(BODY_WEIGHT, o.codes())) {
                latest = new Result(o.ref(), kg, at);
            }
        }
        return latest;
    }

    static Double kilograms(Double value, String unit) {
        if (value == null || unit == null) {
            return null;
        }
        return switch (unit.toLowerCase()) {
            case "kg", "kilogram", "kilograms" -> value;
            case "g", "gram", "grams" -> value / 1000;
            case "[lb_av]", "lb", "lbs", "pound", "pounds" -> value * KG_PER_LB;
            default -> null;
        };
    }

    private Weight() {
    }
}
