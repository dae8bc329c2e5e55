package org.trdcds.criteria;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The patient's severity scores (PHQ-9 / MADRS totals with a numeric value), oldest first. */
final class Scores {

    private final List<Score> all;

    private Scores(List<Score> all) {
        this.all = all;
    }

    static Scores of(List<ObservationFact> observations, Terms terms, Instant now) {
        List<Score> scores = new ArrayList<>();
        for (ObservationFact o : observations) {
            if (o.effective() == null || o.effective().isAfter(now)) {
                continue;
            }
            if (o.value() != null) {
                add(scores, o.ref(), o.codes(), o.value(), o.effective(), terms);
            } else {
                // a panel (e.g. PHQ-9 44249-1) whose total is a component coded as the total score
                for (ObservationFact.Component c : o.components()) {
                    if (c.value() != null && add(scores, o.ref(), c.codes(), c.value(), o.effective(), terms)) {
                        break;
                    }
                }
            }
        }
        scores.sort(Comparator.comparing(Score::at));
        return new Scores(scores);
    }

    private static boolean add(
            List<Score> scores, String ref, List<Code> codes, double value, Instant at, Terms terms) {
        String scale = terms.any(Score.PHQ9, codes) ? Score.PHQ9 : terms.any(Score.MADRS, codes) ? Score.MADRS : null;
        if (scale != null) {
            scores.add(new Score(ref, scale, value, at));
        }
        return scale != null;
    }

    /** The last score of this scale strictly before the instant, or null. */
    Score lastBefore(Instant instant, String scale) {
        Score found = null;
        for (Score s : all) {
            if (!s.at().isBefore(instant)) {
                break;
            }
            if (s.scale().equals(scale)) {
                found = s;
            }
        }
        return found;
    }

    /** The latest score (any scale) taken in [from, to], or null. */
    Score latestBetween(Instant from, Instant to) {
        for (int i = all.size() - 1; i >= 0; i--) {
            Score s = all.get(i);
            if (!s.at().isAfter(to)) {
                return s.at().isBefore(from) ? null : s;
            }
        }
        return null;
    }

    /**
     * The latest score in [start, to] that has an earlier score of the same scale before {@code start} to be judged
     * against, with that baseline; null when there is none.
     */
    Change changeSince(Instant start, Instant to) {
        for (int i = all.size() - 1; i >= 0; i--) {
            Score s = all.get(i);
            if (s.at().isAfter(to)) {
                continue;
            }
            if (s.at().isBefore(start)) {
                return null;
            }
            Score baseline = lastBefore(start, s.scale());
            if (baseline != null) {
                return new Change(baseline, s);
            }
        }
        return null;
    }

    /**
     * The latest score taken in [from, to] whose instrument has a baseline: the last score of the same instrument in
     * the {@code baselineDays} before {@code start}; null when there is none (docs/protocol.md sections 1 and 3).
     */
    Change change(Instant start, Instant from, Instant to, int baselineDays) {
        Instant earliestBaseline = start.minus(java.time.Duration.ofDays(baselineDays));
        for (int i = all.size() - 1; i >= 0; i--) {
            Score s = all.get(i);
            if (s.at().isAfter(to)) {
                continue;
            }
            if (s.at().isBefore(from) || s.at().isBefore(start)) {
                return null;
            }
            Score baseline = lastBefore(start, s.scale());
            if (baseline != null && !baseline.at().isBefore(earliestBaseline)) {
                return new Change(baseline, s);
            }
        }
        return null;
    }

    /** The latest score of any instrument at or before the instant, or null. */
    Score latest(Instant at) {
        for (int i = all.size() - 1; i >= 0; i--) {
            if (!all.get(i).at().isAfter(at)) {
                return all.get(i);
            }
        }
        return null;
    }

    record Change(Score baseline, Score latest) {
        double reduction() {
            return latest.reductionFrom(baseline);
        }
    }
}
