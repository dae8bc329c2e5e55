package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.trdcds.knowledge.ProtocolParameters;

/**
 * Whether an adequate trial failed (docs/protocol.md section 1, version 2): the latest score taken at least
 * failureMinDaysOnDose after the adequate dose began (during the trial or within failureScoreWindowDaysAfterEnd after
 * its end) shows less than failureMaxReduction reduction from the last score of the same instrument within
 * baselineWindowDays before the trial. Without such a score, an ended trial failed "by switch" only when another
 * ingredient reaching its own minimum dose followed within switchGapDays (or cross-tapered after the first drug had
 * been at its adequate dose for failureMinDaysOnDose); an add-on while the first continues is not a switch.
 */
final class Failure {

    enum Status {
        FAILED,
        NOT_FAILED,
        UNKNOWN
    }

    /**
     * @param how    "score", "switch", or null when not failed
     * @param change the scores judged, null when none
     * @param reason plain words for the card
     */
    record Result(Status status, String how, Scores.Change change, String reason) {}

    private final ProtocolParameters parameters;
    private final Adequacy adequacy;

    Failure(ProtocolParameters parameters, Adequacy adequacy) {
        this.parameters = parameters;
        this.adequacy = adequacy;
    }

    Result assess(Trial trial, Adequacy.Result adequate, List<Trial> all, Scores scores, Instant now) {
        if (trial.start() == null) {
            return new Result(Status.UNKNOWN, null, null, "period unknown");
        }
        Instant onDose = adequate.adequateFrom() != null ? adequate.adequateFrom() : trial.start();
        Instant from = onDose.plus(Duration.ofDays(parameters.failureMinDaysOnDose()));
        Instant windowEnd = trial.knownEnd().plus(Duration.ofDays(parameters.failureScoreWindowDaysAfterEnd()));
        Scores.Change change = scores.change(
                trial.start(), from, windowEnd.isAfter(now) ? now : windowEnd, parameters.baselineWindowDays());
        if (change != null) {
            double reduction = change.reduction();
            String judged = change.latest().scaleLabel() + " "
                    + Details.number(change.baseline().value()) + " → "
                    + Details.number(change.latest().value()) + " (" + Details.change(reduction) + ", "
                    + parameters.failureMinDaysOnDose() + "+ days on the dose)";
            return reduction < parameters.failureMaxReduction() || Double.isNaN(reduction)
                    ? new Result(
                            Double.isNaN(reduction) ? Status.UNKNOWN : Status.FAILED,
                            Double.isNaN(reduction) ? null : "score",
                            change,
                            judged)
                    : new Result(Status.NOT_FAILED, null, change, judged);
        }
        if (trial.ongoing()) {
            return new Result(
                    Status.UNKNOWN,
                    null,
                    null,
                    "ongoing; no score after " + parameters.failureMinDaysOnDose() + " days on the dose yet");
        }
        Trial next = switchedTo(trial, adequate, all);
        if (next != null) {
            return new Result(
                    Status.FAILED,
                    "switch",
                    null,
                    "no score to judge by; switched to " + next.name() + " at an adequate dose within "
                            + parameters.switchGapDays() + " days (the switch is the evidence)");
        }
        return new Result(
                Status.UNKNOWN,
                null,
                null,
                "ended with no score after " + parameters.failureMinDaysOnDose()
                        + " days on the dose and no switch to another antidepressant at an adequate dose");
    }

    private Trial switchedTo(Trial trial, Adequacy.Result adequate, List<Trial> all) {
        Instant end = trial.end();
        if (end == null || adequate.adequateFrom() == null) {
            return null;
        }
        Instant latestStart = end.plus(Duration.ofDays(parameters.switchGapDays()));
        Instant earliestCrossTaper = adequate.adequateFrom().plus(Duration.ofDays(parameters.failureMinDaysOnDose()));
        for (Trial other : all) {
            if (other.ingredient().equals(trial.ingredient())
                    || other.start() == null
                    || !other.start().isAfter(trial.start())
                    || other.start().isAfter(latestStart)
                    || !adequacy.reachesMinimum(other)) {
                continue;
            }
            boolean afterEnd = !other.start().isBefore(end);
            boolean crossTaper = !afterEnd
                    && !other.start().isBefore(earliestCrossTaper)
                    && Duration.between(other.start(), end).toDays() <= parameters.switchGapDays();
            if (afterEnd || crossTaper) {
                return other;
            }
        }
        return null;
    }
}
