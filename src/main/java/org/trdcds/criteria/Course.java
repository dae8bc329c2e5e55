package org.trdcds.criteria;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.trdcds.knowledge.Modality;

/**
 * A ketamine, esketamine or TMS course: records of one modality at most courseGapDays apart (docs/protocol.md section 3).
 *
 * @param kind        the course's modality
 * @param segments    the sessions (each record one session; a record may span days)
 * @param active      still running, or its last record ended within courseGapDays
 * @param adequateAt  when the course became adequate (sessions, or span), null when it never did
 * @param change      the scores judged: on an active course, the latest since it began; on an ended adequate course,
 *                    the latest after it became adequate (or shortly after its end); null when not documented
 * @param responded   the change shows at least responseReduction
 */
record Course(
        Modality kind,
        List<Segment> segments,
        boolean active,
        Instant adequateAt,
        Scores.Change change,
        boolean responded) {

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

    boolean adequate() {
        return adequateAt != null;
    }

    /** Ended, adequate, and scored without response: a failed monotherapy (docs/protocol.md section 3). */
    boolean failedMonotherapy() {
        return !active && adequate() && change != null && !responded;
    }

    /** Ended and adequate but never scored afterwards: its outcome is unknown. */
    boolean outcomeUnknown() {
        return !active && adequate() && change == null;
    }

    List<String> refs() {
        List<String> refs = new ArrayList<>(segments.size());
        for (Segment s : segments) {
            refs.add(s.ref());
        }
        return refs;
    }
}
