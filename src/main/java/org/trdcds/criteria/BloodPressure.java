package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trdcds.knowledge.ProtocolParameters;

/**
 * Blood pressure (docs/protocol.md section 4, version 2): readings of the last bloodPressureWindowDays, without those
 * taken from the start of a ketamine session to postSessionExclusionHours after it (a session known only by its date
 * excludes that date's readings after the day's first one); the mean of the latest bloodPressureReadings systolic
 * and diastolic values. Uncontrolled: mean at or above the block limits, or any of those readings at or above the
 * single-reading limits. Elevated: mean at or above the warning limits but not uncontrolled. {@code from}/{@code to}:
 * the dates of the oldest and newest reading used (for the card).
 */
final class BloodPressure {

    static final String PANEL = "bp-panel";
    static final String SYSTOLIC = "systolic-bp";
    static final String DIASTOLIC = "diastolic-bp";

    record Result(
            Double meanSystolic,
            Double meanDiastolic,
            int systolicCount,
            int diastolicCount,
            boolean uncontrolled,
            boolean elevated,
            Double maxSystolic,
            Double maxDiastolic,
            int excluded,
            List<String> refs,
            Instant from,
            Instant to) {

        /** Both means known (or already uncontrolled). */
        boolean known() {
            return uncontrolled || (meanSystolic != null && meanDiastolic != null);
        }
    }

    private record Reading(Instant at, String ref, double value) {}

    static Result of(
            List<ObservationFact> observations,
            Terms terms,
            ProtocolParameters p,
            Instant now,
            List<Segment> ketamineSessions) {
        Instant from = now.minus(Duration.ofDays(p.bloodPressureWindowDays()));
        List<Reading> systolic = new ArrayList<>();
        List<Reading> diastolic = new ArrayList<>();
        for (ObservationFact o : observations) {
            if (o.effective() == null
                    || o.effective().isBefore(from)
                    || o.effective().isAfter(now)) {
                continue;
            }
            if (o.value() != null && terms.any(SYSTOLIC, o.codes())) {
                systolic.add(new Reading(o.effective(), o.ref(), o.value()));
            } else if (o.value() != null && terms.any(DIASTOLIC, o.codes())) {
                diastolic.add(new Reading(o.effective(), o.ref(), o.value()));
            } else if (!o.components().isEmpty() && terms.any(PANEL, o.codes())) {
                for (ObservationFact.Component c : o.components()) {
                    if (c.value() == null) {
                        continue;
                    }
                    if (terms.any(SYSTOLIC, c.codes())) {
                        systolic.add(new Reading(o.effective(), o.ref(), c.value()));
                    } else if (terms.any(DIASTOLIC, c.codes())) {
                        diastolic.add(new Reading(o.effective(), o.ref(), c.value()));
                    }
                }
            }
        }
        int before = systolic.size() + diastolic.size();
        Map<LocalDate, Instant> firstOfDay = firstReadingOfDay(systolic, diastolic);
        systolic.removeIf(r -> duringSession(r.at(), ketamineSessions, p, firstOfDay));
        diastolic.removeIf(r -> duringSession(r.at(), ketamineSessions, p, firstOfDay));
        int excluded = before - systolic.size() - diastolic.size();
        List<Reading> sys = latest(systolic, p.bloodPressureReadings());
        List<Reading> dia = latest(diastolic, p.bloodPressureReadings());
        Double meanSys = mean(sys);
        Double meanDia = mean(dia);
        Double maxSys = max(sys);
        Double maxDia = max(dia);
        boolean uncontrolled = (meanSys != null && meanSys >= p.systolicBlockLimit())
                || (meanDia != null && meanDia >= p.diastolicBlockLimit())
                || (maxSys != null && maxSys >= p.systolicSingleLimit())
                || (maxDia != null && maxDia >= p.diastolicSingleLimit());
        boolean elevated = !uncontrolled
                && ((meanSys != null && meanSys >= p.systolicLimit())
                        || (meanDia != null && meanDia >= p.diastolicLimit()));
        List<String> refs = new ArrayList<>();
        for (Reading r : sys) {
            refs.add(r.ref());
        }
        for (Reading r : dia) {
            if (!refs.contains(r.ref())) {
                refs.add(r.ref());
            }
        }
        List<Reading> used = new ArrayList<>(sys);
        used.addAll(dia);
        Instant first =
                used.stream().map(Reading::at).min(Comparator.naturalOrder()).orElse(null);
        Instant last =
                used.stream().map(Reading::at).max(Comparator.naturalOrder()).orElse(null);
        return new Result(
                meanSys,
                meanDia,
                sys.size(),
                dia.size(),
                uncontrolled,
                elevated,
                maxSys,
                maxDia,
                excluded,
                refs,
                first,
                last);
    }

    private static Map<LocalDate, Instant> firstReadingOfDay(List<Reading> a, List<Reading> b) {
        Map<LocalDate, Instant> first = new TreeMap<>();
        for (List<Reading> list : List.of(a, b)) {
            for (Reading r : list) {
                first.merge(LocalDate.ofInstant(r.at(), ZoneOffset.UTC), r.at(), (x, y) -> x.isBefore(y) ? x : y);
            }
        }
        return first;
    }

    /** Taken during a ketamine session or within the exclusion hours after it. */
    static boolean duringSession(
            Instant at, List<Segment> sessions, ProtocolParameters p, Map<LocalDate, Instant> firstOfDay) {
        Duration after = Duration.ofHours(p.postSessionExclusionHours());
        for (Segment s : sessions) {
            if (dateOnly(s.start())) {
                LocalDate day = LocalDate.ofInstant(s.start(), ZoneOffset.UTC);
                LocalDate lastDay = LocalDate.ofInstant(s.knownEnd(), ZoneOffset.UTC);
                LocalDate readingDay = LocalDate.ofInstant(at, ZoneOffset.UTC);
                if (!readingDay.isBefore(day)
                        && !readingDay.isAfter(lastDay)
                        && at.isAfter(firstOfDay.getOrDefault(readingDay, at))) {
                    return true;
                }
            } else {
                Instant end = (s.end() != null && s.end().isAfter(s.start()) ? s.end() : s.start()).plus(after);
                if (!at.isBefore(s.start()) && !at.isAfter(end)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A record known only by its date (extracted as midnight UTC). */
    private static boolean dateOnly(Instant instant) {
        return instant.getEpochSecond() % 86_400 == 0 && instant.getNano() == 0;
    }

    private static List<Reading> latest(List<Reading> readings, int count) {
        List<Reading> sorted = new ArrayList<>(readings);
        sorted.sort(Comparator.comparing(Reading::at).reversed());
        return sorted.subList(0, Math.min(count, sorted.size()));
    }

    private static Double mean(List<Reading> readings) {
        if (readings.isEmpty()) {
            return null;
        }
        double sum = 0;
        for (Reading r : readings) {
            sum += r.value();
        }
        return sum / readings.size();
    }

    private static Double max(List<Reading> readings) {
        Double max = null;
        for (Reading r : readings) {
            max = max == null || r.value() > max ? r.value() : max;
        }
        return max;
    }

    private BloodPressure() {}
}
