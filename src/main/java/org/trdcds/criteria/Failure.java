package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.trdcds.terminology.ProtocolParameters;

/**
 * Whether a trial failed (PROTOCOL.md section 1): the latest severity score taken during it or within
 * failureScoreWindowDaysAfterEnd after its end shows less than failureMaxReduction reduction from the last score of
 * the same scale before it began; with no such pair of scores, an ended trial followed by another antidepressant
 * (started after this one began: a switch or an add-on) failed "by switch".
 */
final class Failure {

    enum Status { FAILED, NOT_FAILED, UNKNOWN }

    /**
     * @param how    "score", "switch", or null when not failed
     * @param change the scores judged, null when none
     * @param reason plain words for the card
     */
    record Result(Status status, String how, Scores.Change change, String reason) {
    }

    private final ProtocolParameters parameters;

    Failure(ProtocolParameters parameters) {
        this.parameters = parameters;
    }

    Result assess(Trial trial, List<Trial> all, Scores scores, Instant now) {
        if (trial.start() == null) {
            return new Result(Status.UNKNOWN, null, null, "period unknown");
        }
        Instant end = trial.knownEnd();
        Instant windowEnd = end.plus(Duration.ofDays(parameters.failureScoreWindowDaysAfterEnd()));
        Scores.Change change = scores.changeSince(trial.start(), windowEnd.isAfter(now) ? now : windowEnd);
        if (change != null) {
            double reduction = change.reduction();
            String judged = change.latest().scaleLabel() + " " + Details.number(change.baseline().value()) + " → "
                    + Details.number(change.latest().value()) + " (" + Details.percent(reduction) + " reduction)";
            return reduction < parameters.failureMaxReduction()
                    ? new Result(Status.FAILED, "score", change, judged)
                    : new Result(Status.NOT_FAILED, null, change, judged);
        }
        if (trial.ongoing()) {
            return new Result(Status.NOT_FAILED, null, null, "ongoing, no score to judge yet");
        }
        for (Trial other : all) {
            if (!other.ingredient().equals(trial.ingredient()) && other.start() != null
                    && other.start().isAfter(trial.start())) {
                return new Result(Status.FAILED, "switch", null,
                        "no scores to judge by; followed by " + other.name() + " (the switch is the evidence)");
            }
        }
        return new Result(Status.UNKNOWN, null, null, "ended with no scores to judge by and no later antidepressant");
    }
}
