package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.trdcds.terminology.ProtocolParameters;

/**
 * Blood pressure over the last bloodPressureWindowDays (PROTOCOL.md sections 3-4): the means of the systolic and
 * diastolic values of BP panels (components) and stand-alone systolic/diastolic observations. Uncontrolled when the
 * mean systolic reaches systolicLimit or the mean diastolic reaches diastolicLimit.
 */
final class BloodPressure {

    static final String PANEL = "bp-panel";
    static final String SYSTOLIC = "systolic-bp";
    static final String DIASTOLIC = "diastolic-bp";

    /**
     * @param meanSystolic  null when no systolic value in the window
     * @param meanDiastolic null when no diastolic value in the window
     */
    record Result(Double meanSystolic, Double meanDiastolic, int systolicCount, int diastolicCount,
                  boolean uncontrolled, List<String> refs) {

        /** Both means known (or one already uncontrolled). */
        boolean known() {
            return uncontrolled || (meanSystolic != null && meanDiastolic != null);
        }
    }

    static Result of(List<ObservationFact> observations, Terms terms, ProtocolParameters parameters, Instant now) {
        Instant from = now.minus(Duration.ofDays(parameters.bloodPressureWindowDays()));
        double systolicSum = 0;
        double diastolicSum = 0;
        int systolicCount = 0;
        int diastolicCount = 0;
        List<String> refs = new ArrayList<>();
        for (ObservationFact o : observations) {
            if (o.effective() == null || o.effective().isBefore(from) || o.effective().isAfter(now)) {
                continue;
            }
            boolean used = false;
            if (o.value() != null && terms.any(SYSTOLIC, o.codes())) {
                systolicSum += o.value();
                systolicCount++;
                used = true;
            } else if (o.value() != null && terms.any(DIASTOLIC, o.codes())) {
                diastolicSum += o.value();
                diastolicCount++;
                used = true;
            } else if (!o.components().isEmpty() && terms.any(PANEL, o.codes())) {
                for (ObservationFact.Component c : o.components()) {
                    if (c.value() == null) {
                        continue;
                    }
                    if (terms.any(SYSTOLIC, c.codes())) {
                        systolicSum += c.value();
                        systolicCount++;
                        used = true;
                    } else if (terms.any(DIASTOLIC, c.codes())) {
                        diastolicSum += c.value();
                        diastolicCount++;
                        used = true;
                    }
                }
            }
            if (used) {
                refs.add(o.ref());
            }
        }
        Double systolic = systolicCount == 0 ? null : systolicSum / systolicCount;
        Double diastolic = diastolicCount == 0 ? null : diastolicSum / diastolicCount;
        boolean uncontrolled = (systolic != null && systolic >= parameters.systolicLimit())
                || (diastolic != null && diastolic >= parameters.diastolicLimit());
        return new Result(systolic, diastolic, systolicCount, diastolicCount, uncontrolled, refs);
    }

    private BloodPressure() {
    }
}
