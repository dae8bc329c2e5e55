package org.trdcds.criteria;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trdcds.terminology.Knowledge;
import org.trdcds.terminology.ProtocolParameters;

/**
 * Whether a trial was adequate: a daily dose at or above the drug's minimum held for at least adequateTrialDays
 * (PROTOCOL.md section 1).
 *
 * <p>Merged records may differ in dose: the trial is adequate when the records at or above the minimum dose, merged
 * with the same gap rule, span the required days. Records with an unknown dose or end are given the benefit of the
 * doubt only to decide between "inadequate" and "unknown": when they could complete the span, adequacy is unknown
 * and {@link Result#missing} says what to document.
 */
final class Adequacy {

    enum Status { ADEQUATE, INADEQUATE, UNKNOWN }

    /**
     * @param minimum the minimum dose used, null when the table has none
     * @param reason  plain words: why adequate, inadequate or unknown
     * @param missing what to document to decide (empty unless UNKNOWN)
     */
    record Result(Status status, Knowledge.MinimumDose minimum, String reason, List<String> missing) {
    }

    private final Knowledge knowledge;
    private final ProtocolParameters parameters;

    Adequacy(Knowledge knowledge) {
        this.knowledge = knowledge;
        this.parameters = knowledge.parameters();
    }

    Result assess(Trial trial, Instant now) {
        int days = parameters.adequateTrialDays();
        Optional<Knowledge.MinimumDose> found = knowledge.minimumDailyDose(trial.ingredient());
        if (trial.segments().isEmpty()) {
            return unknown(found.orElse(null), "start date missing", List.of("start date (" + trial.undated().size() + " record(s) have none)"));
        }
        if (found.isEmpty()) {
            return unknown(null, "no minimum adequate dose in the dose table for " + trial.name(),
                    List.of("minimum adequate dose of " + trial.name() + " (knowledge table)"));
        }
        Knowledge.MinimumDose minimum = found.get();
        List<Segment> atDose = new ArrayList<>();
        List<Segment> possible = new ArrayList<>();
        for (Segment s : trial.segments()) {
            if (s.dailyMg() == null || s.dailyMg() >= minimum.mgPerDay()) {
                possible.add(s);
                if (s.dailyMg() != null) {
                    atDose.add(s);
                }
            }
        }
        int gap = parameters.trialMergeGapDays();
        if (!atDose.isEmpty() && Episodes.longestSpanDays(atDose, gap, Segment::knownEnd) >= days) {
            return new Result(Status.ADEQUATE, minimum, ">= " + Details.number(minimum.mgPerDay()) + " mg/day for >= " + days
                    + " days", List.of());
        }
        if (!possible.isEmpty() && Episodes.longestSpanDays(possible, gap, s -> s.latestPossibleEnd(now)) >= days) {
            List<String> missing = new ArrayList<>();
            for (Segment s : possible) {
                if (s.dailyMg() == null) {
                    missing.add("daily dose (amount, unit, frequency) of the record started " + Details.date(s.start()));
                }
                if (s.end() == null) {
                    missing.add("end date of the record started " + Details.date(s.start()));
                }
            }
            return unknown(minimum, "dose or period not documented", missing);
        }
        String reason = atDose.isEmpty() && possible.isEmpty()
                ? "below the minimum of " + Details.number(minimum.mgPerDay()) + " mg/day"
                : "shorter than " + days + " days at >= " + Details.number(minimum.mgPerDay()) + " mg/day";
        return new Result(Status.INADEQUATE, minimum, reason, List.of());
    }

    private static Result unknown(Knowledge.MinimumDose minimum, String reason, List<String> missing) {
        return new Result(Status.UNKNOWN, minimum, reason, missing);
    }
}
