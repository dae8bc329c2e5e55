package org.trdcds.criteria;

import java.time.Instant;
import java.util.Set;

/**
 * One record of use placed in time.
 *
 * @param start   never null
 * @param end     the known end (now for a record still running); null when the record ended on an unknown date
 * @param ongoing the record runs until now
 * @param dailyMg the daily dose in mg, null when unknown
 */
record Segment(String ref, Instant start, Instant end, boolean ongoing, Double dailyMg) {

    private static final Set<String> NOT_TAKEN =
            Set.of("entered-in-error", "not-taken", "cancelled", "draft", "intended", "not-done", "preparation");
    private static final Set<String> RUNNING = Set.of("active", "in-progress");

    /** False for records that say the drug or procedure was not (yet) given. */
    static boolean taken(String status) {
        return status == null || !NOT_TAKEN.contains(status);
    }

    /**
     * A record's period: an open active record runs until now; any other open record ended on an unknown date; a
     * recorded end after now is cut at now.
     */
    static Segment of(String ref, String status, Instant start, Instant end, Instant now, Double dailyMg) {
        boolean running = status == null || RUNNING.contains(status);
        if (end == null) {
            return new Segment(ref, start, running ? now : null, running, dailyMg);
        }
        boolean future = end.isAfter(now);
        return new Segment(ref, start, future ? now : end, future && running, dailyMg);
    }

    /** The end as a lower bound: the start when the end is unknown. */
    Instant knownEnd() {
        return end != null ? end : start;
    }

    /** The end as an upper bound: now when the end is unknown. */
    Instant latestPossibleEnd(Instant now) {
        return end != null ? end : now;
    }
}
