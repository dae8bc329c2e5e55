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
     * @param reason why, for the card (a phrase of cds-cards/shared/detail-lines.json)
     */
    record Result(Status status, String how, Scores.Change change, Phrase reason) {}

    private final ProtocolParameters parameters;
    private final Adequacy adequacy;

    Failure(ProtocolParameters parameters, Adequacy adequacy) {
        this.parameters = parameters;
        this.adequacy = adequacy;
    }

    Result assess(Trial trial, Adequacy.Result adequate, List<Trial> all, Scores scores, Instant now) {
        if (trial.start() == null) {
            return new Result(Status.UNKNOWN, null, null, Phrase.of("failure.periodUnknown"));
        }
        Instant onDose = adequate.adequateFrom() != null ? adequate.adequateFrom() : trial.start();
        Instant from = onDose.plus(Duration.ofDays(parameters.failureMinDaysOnDose()));
        Instant windowEnd = trial.knownEnd().plus(Duration.ofDays(parameters.failureScoreWindowDaysAfterEnd()));
        Scores.Change change = scores.change(
                trial.start(), from, windowEnd.isAfter(now) ? now : windowEnd, parameters.baselineWindowDays());
        if (change != null) {
            double reduction = change.reduction();
            Phrase judged = Phrase.of(
                    "failure.judged",
                    "scale",
                    change.latest().scaleLabel(),
                    "baseline",
                    Details.number(change.baseline().value()),
                    "latest",
                    Details.number(change.latest().value()),
                    "change",
                    Details.change(reduction),
                    "minDays",
                    parameters.failureMinDaysOnDose());
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
                    Phrase.of("failure.ongoingUnscored", "minDays", parameters.failureMinDaysOnDose()));
        }
        Trial next = switchedTo(trial, adequate, all);
        if (next != null) {
            return new Result(
                    Status.FAILED,
                    "switch",
                    null,
                    Phrase.of("failure.switched", "drug", next.name(), "gapDays", parameters.switchGapDays()));
        }
        return new Result(
                Status.UNKNOWN,
                null,
                null,
                Phrase.of("failure.endedUnscored", "minDays", parameters.failureMinDaysOnDose()));
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
