package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Merges segments whose periods overlap or lie at most a gap apart (docs/protocol.md section 1). */
final class Episodes {

    /** Groups of segments, each group one continuous episode, in order of start. */
    static List<List<Segment>> merge(List<Segment> segments, int gapDays) {
        return merge(segments, gapDays, Segment::knownEnd);
    }

    static List<List<Segment>> merge(List<Segment> segments, int gapDays, Function<Segment, Instant> endOf) {
        List<Segment> sorted = new ArrayList<>(segments);
        sorted.sort(Comparator.comparing(Segment::start));
        Duration gap = Duration.ofDays(gapDays);
        List<List<Segment>> groups = new ArrayList<>();
        List<Segment> current = null;
        Instant currentEnd = null;
        for (Segment s : sorted) {
            if (current == null || s.start().isAfter(currentEnd.plus(gap))) {
                current = new ArrayList<>();
                groups.add(current);
                currentEnd = endOf.apply(s);
            } else if (endOf.apply(s).isAfter(currentEnd)) {
                currentEnd = endOf.apply(s);
            }
            current.add(s);
        }
        return groups;
    }

    /** The longest merged span in whole days, measuring each segment's end with {@code endOf}. */
    static long longestSpanDays(List<Segment> segments, int gapDays, Function<Segment, Instant> endOf) {
        long longest = -1;
        for (List<Segment> group : merge(segments, gapDays, endOf)) {
            Instant end = group.get(0).start();
            for (Segment s : group) {
                Instant e = endOf.apply(s);
                if (e.isAfter(end)) {
                    end = e;
                }
            }
            longest = Math.max(
                    longest, Duration.between(group.get(0).start(), end).toDays());
        }
        return longest;
    }

    private Episodes() {}
}
