package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.trdcds.knowledge.Knowledge;
import org.trdcds.knowledge.ProtocolParameters;

/**
 * Whether a trial was adequate: a daily dose at or above the drug's minimum held for at least adequateTrialDays
 * (docs/protocol.md section 1).
 *
 * <p>Merged records may differ in dose: the trial is adequate when the records at or above the minimum dose, merged
 * with the same gap rule, span the required days. Records with an unknown dose or end are given the benefit of the
 * doubt only to decide between "inadequate" and "unknown": when they could complete the span, adequacy is unknown
 * and {@link Result#missing} says what to document.
 */
final class Adequacy {

    enum Status {
        ADEQUATE,
        INADEQUATE,
        UNKNOWN
    }

    /**
     * @param minimum the minimum dose used, null when the table has none
     * @param reason  why adequate, inadequate or unknown (a phrase of cds-cards/shared/detail-lines.json)
     * @param missing what to document to decide (empty unless UNKNOWN)
     */
    record Result(
            Status status, Knowledge.MinimumDose minimum, Phrase reason, List<Phrase> missing, Instant adequateFrom) {

        Result(Status status, Knowledge.MinimumDose minimum, Phrase reason, List<Phrase> missing) {
            this(status, minimum, reason, missing, null);
        }
    }

    private final Function<String, Optional<Knowledge.MinimumDose>> table;
    private final ProtocolParameters parameters;

    Adequacy(Knowledge knowledge) {
        this(knowledge.parameters(), knowledge::minimumDailyDose);
    }

    /** @param table the minimum adequate daily dose per ingredient (antidepressants, or the bipolar table) */
    Adequacy(ProtocolParameters parameters, Function<String, Optional<Knowledge.MinimumDose>> table) {
        this.table = table;
        this.parameters = parameters;
    }

    /** Whether the trial's highest known daily dose reaches its minimum (a follow-on drug in a switch). */
    boolean reachesMinimum(Trial trial) {
        Optional<Knowledge.MinimumDose> minimum = table.apply(trial.ingredient());
        Double max = trial.maxDailyMg();
        return minimum.isPresent() && max != null && max >= minimum.get().mgPerDay();
    }

    /** The first instant the trial's dose reached its minimum, or null. */
    Instant reachedMinimumAt(Trial trial) {
        Optional<Knowledge.MinimumDose> minimum = table.apply(trial.ingredient());
        if (minimum.isEmpty()) {
            return null;
        }
        for (Segment s : trial.segments()) {
            if (s.dailyMg() != null && s.dailyMg() >= minimum.get().mgPerDay()) {
                return s.start();
            }
        }
        return null;
    }

    Result assess(Trial trial, Instant now) {
        int days = parameters.adequateTrialDays();
        Optional<Knowledge.MinimumDose> found = table.apply(trial.ingredient());
        if (trial.segments().isEmpty()) {
            return unknown(
                    found.orElse(null),
                    Phrase.of("adequacy.startDateMissing"),
                    List.of(Phrase.of(
                            "adequacy.startDatesMissing",
                            "records",
                            trial.undated().size())));
        }
        if (found.isEmpty()) {
            return unknown(
                    null,
                    Phrase.of("adequacy.noMinimumDose", "drug", trial.name()),
                    List.of(Phrase.of("adequacy.minimumDoseMissing", "drug", trial.name())));
        }
        Knowledge.MinimumDose minimum = found.get();
        if (minimum.route() != null && trial.routes().stream().noneMatch(r -> r.contains(minimum.route()))) {
            Phrase only = Phrase.of("adequacy.routeOnly", "drug", trial.name(), "route", minimum.route());
            return trial.routes().isEmpty()
                    ? unknown(
                            minimum,
                            Phrase.of("adequacy.routeNotDocumented", "only", only),
                            List.of(Phrase.of("adequacy.routeOf", "refs", String.join(", ", trial.refs()))))
                    : new Result(Status.INADEQUATE, minimum, only, List.of());
        }
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
        Instant from = atDose.isEmpty() ? null : spanStart(atDose, gap, days);
        if (from != null) {
            return new Result(
                    Status.ADEQUATE,
                    minimum,
                    Phrase.of("adequacy.adequate", "minimumMg", Details.number(minimum.mgPerDay()), "days", days),
                    List.of(),
                    from);
        }
        if (!possible.isEmpty() && Episodes.longestSpanDays(possible, gap, s -> s.latestPossibleEnd(now)) >= days) {
            List<Phrase> missing = new ArrayList<>();
            for (Segment s : possible) {
                if (s.dailyMg() == null) {
                    missing.add(Phrase.of("adequacy.dailyDoseMissing", "start", Details.date(s.start())));
                }
                if (s.end() == null) {
                    missing.add(Phrase.of("adequacy.endDateMissing", "start", Details.date(s.start())));
                }
            }
            return unknown(minimum, Phrase.of("adequacy.doseOrPeriodMissing"), missing);
        }
        String minimumMg = Details.number(minimum.mgPerDay());
        Phrase reason = atDose.isEmpty() && possible.isEmpty()
                ? Phrase.of("adequacy.belowMinimum", "minimumMg", minimumMg)
                : Phrase.of("adequacy.tooShort", "days", days, "minimumMg", minimumMg);
        return new Result(Status.INADEQUATE, minimum, reason, List.of());
    }

    /** The start of the first merged group of segments spanning at least {@code days}, or null. */
    private static Instant spanStart(List<Segment> segments, int gap, int days) {
        for (List<Segment> group : Episodes.merge(segments, gap)) {
            Instant end = group.get(0).start();
            for (Segment s : group) {
                if (s.knownEnd().isAfter(end)) {
                    end = s.knownEnd();
                }
            }
            if (Duration.between(group.get(0).start(), end).toDays() >= days) {
                return group.get(0).start();
            }
        }
        return null;
    }

    private static Result unknown(Knowledge.MinimumDose minimum, Phrase reason, List<Phrase> missing) {
        return new Result(Status.UNKNOWN, minimum, reason, missing);
    }
}
