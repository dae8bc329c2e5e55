package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Continuous use of one antidepressant ingredient: merged records (docs/protocol.md section 1).
 *
 * @param segments the dated records, in order of start; empty when no record of this trial has a start date
 * @param undated  records of this ingredient without any start date (their period cannot be determined)
 * @param routes   the routes its records state (lower-cased text; "transdermal" for a patch product), possibly empty
 * @param ingredient the RxNorm ingredient, or the product code of a combination product with its own dose-table row
 */
record Trial(String ingredient, String name, List<Segment> segments, List<String> undated, List<String> routes) {

    Trial(String ingredient, String name, List<Segment> segments, List<String> undated) {
        this(ingredient, name, segments, undated, List.of());
    }

    Instant start() {
        return segments.isEmpty() ? null : segments.get(0).start();
    }

    /** The end of the trial (now when ongoing); null when the latest record ended on an unknown date or none is dated. */
    Instant end() {
        Segment last = latest();
        return last == null ? null : last.end();
    }

    boolean ongoing() {
        for (Segment s : segments) {
            if (s.ongoing()) {
                return true;
            }
        }
        return false;
    }

    /** The highest known daily dose in mg, or null when no record has one. */
    Double maxDailyMg() {
        Double max = null;
        for (Segment s : segments) {
            if (s.dailyMg() != null && (max == null || s.dailyMg() > max)) {
                max = s.dailyMg();
            }
        }
        return max;
    }

    /** The end, or the latest date known to be within the trial when the end is unknown; null when undated. */
    Instant knownEnd() {
        Segment last = latest();
        return last == null ? null : last.knownEnd();
    }

    /** Whole days from start to the known end. */
    long knownDays() {
        return segments.isEmpty() ? 0 : Duration.between(start(), knownEnd()).toDays();
    }

    List<String> refs() {
        List<String> refs = new ArrayList<>(undated);
        for (Segment s : segments) {
            refs.add(s.ref());
        }
        return refs;
    }

    private Segment latest() {
        Segment latest = null;
        for (Segment s : segments) {
            if (latest == null || s.knownEnd().isAfter(latest.knownEnd())) {
                latest = s;
            }
        }
        return latest;
    }
}
