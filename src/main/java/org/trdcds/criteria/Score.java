package org.trdcds.criteria;

import java.time.Instant;

/**
 * A severity score (PHQ-9 or MADRS total).
 *
 * @param scale the value-set id of its code: "phq9-total" or "madrs-total"
 */
record Score(String ref, String scale, double value, Instant at) {

    static final String PHQ9 = "phq9-total";
    static final String MADRS = "madrs-total";

    String scaleLabel() {
        return PHQ9.equals(scale) ? "PHQ-9" : "MADRS";
    }

    /** Fraction of reduction from a baseline of the same scale: 0.5 = halved; NaN when the baseline is 0. */
    double reductionFrom(Score baseline) {
        return baseline.value <= 0 ? Double.NaN : (baseline.value - value) / baseline.value;
    }
}
