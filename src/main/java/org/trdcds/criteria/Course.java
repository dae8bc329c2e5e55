package org.trdcds.criteria;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A ketamine, esketamine or TMS course: merged medication records or procedure sessions.
 *
 * @param kind     "ketamine", "esketamine" or "TMS"
 * @param active   still running, or its last record ended within trialMergeGapDays (sessions are days apart)
 * @param change   latest score since the course began against the last score before it; null when not documented
 * @param responded the latest score shows at least responseReduction from the pre-course score
 */
record Course(String kind, List<Segment> segments, boolean active, Scores.Change change, boolean responded) {

    Instant start() {
        return segments.get(0).start();
    }

    /** The latest known date of the course (now when running). */
    Instant lastDate() {
        Instant last = start();
        for (Segment s : segments) {
            if (s.knownEnd().isAfter(last)) {
                last = s.knownEnd();
            }
        }
        return last;
    }

    /** Ended with no documented response lasting to now: a failed monotherapy (PROTOCOL.md section 3). */
    boolean failedMonotherapy() {
        return !active && !responded;
    }

    List<String> refs() {
        List<String> refs = new ArrayList<>(segments.size());
        for (Segment s : segments) {
            refs.add(s.ref());
        }
        return refs;
    }
}
