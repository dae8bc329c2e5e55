package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.trdcds.knowledge.Modality;
import org.trdcds.knowledge.ProtocolParameters;

/** Ketamine / esketamine medication courses and TMS procedure courses (docs/protocol.md section 3). */
final class Courses {

    private Courses() {}

    static boolean isKetamineOrEsketamine(List<Code> codes, Terms terms) {
        return kindOf(codes, terms) != null;
    }

    /** Ketamine or esketamine for a code, a product or a Medication ingredient in that value set; else null. */
    static Modality kindOf(List<Code> codes, Terms terms) {
        for (Modality m : List.of(Modality.KETAMINE, Modality.ESKETAMINE)) {
            if (terms.ingredient(m.valueSet(), codes, null).isPresent() || terms.any(m.valueSet(), codes)) {
                return m;
            }
        }
        return null;
    }

    /**
     * @param weightKg the latest plausible weight (to recognise a single dose above the ceiling), null when unknown
     */
    static List<Course> of(
            PatientFacts facts,
            Terms terms,
            Scores scores,
            ProtocolParameters parameters,
            Instant now,
            Double weightKg) {
        List<Segment> ketamine = new ArrayList<>();
        List<Segment> esketamine = new ArrayList<>();
        for (MedicationFact m : facts.medications()) {
            if (m.start() == null || !Segment.taken(m.status())) {
                continue;
            }
            Modality kind = kindOf(m.codes(), terms);
            if (kind == null || kind == Modality.KETAMINE && !forDepression(m, terms, parameters, weightKg)) {
                continue;
            }
            Instant end = m.end() == null && !"active".equals(m.status()) ? m.start() : m.end();
            (kind == Modality.KETAMINE ? ketamine : esketamine)
                    .add(Segment.of(m.ref(), m.status(), m.start(), end, now, null));
        }
        List<Segment> tms = new ArrayList<>();
        for (ProcedureFact p : facts.procedures()) {
            if (p.start() != null && Segment.taken(p.status()) && terms.any(Modality.TMS.valueSet(), p.codes())) {
                Instant end = p.end() == null && "completed".equals(p.status()) ? p.start() : p.end();
                tms.add(Segment.of(p.ref(), p.status(), p.start(), end, now, null));
            }
        }
        List<Course> courses = new ArrayList<>();
        add(courses, Modality.KETAMINE, ketamine, scores, parameters, now);
        add(courses, Modality.ESKETAMINE, esketamine, scores, parameters, now);
        add(courses, Modality.TMS, tms, scores, parameters, now);
        return courses;
    }

    /**
     * A racemic ketamine record that is not treatment for depression: a reason off the depressive spectrum, or a
     * single dose above the mg/kg ceiling. Esketamine (a fixed-dose nasal spray whose only use is depression, never
     * dosed by weight) always counts (PROTOCOL-v2 sections 3 and 7).
     */
    static boolean forDepression(MedicationFact m, Terms terms, ProtocolParameters p, Double weightKg) {
        if (!m.reasons().isEmpty()
                && !terms.anyOf(Diagnoses.SPECTRUM, m.reasons())
                && !terms.any(Diagnoses.SUICIDE_ATTEMPT, m.reasons())) {
            return false;
        }
        for (Dose d : m.doses()) {
            Double mgPerKg = DoseCheck.mgPerKg(d, weightKg);
            if (mgPerKg != null && mgPerKg > p.ketamineCeilingMgPerKg()) {
                return false;
            }
        }
        return true;
    }

    private static void add(
            List<Course> courses,
            Modality kind,
            List<Segment> segments,
            Scores scores,
            ProtocolParameters p,
            Instant now) {
        Instant recent = now.minus(Duration.ofDays(p.courseGapDays()));
        for (List<Segment> group : Episodes.merge(segments, p.courseGapDays())) {
            boolean active = false;
            for (Segment s : group) {
                active |= s.ongoing() || !s.knownEnd().isBefore(recent);
            }
            Instant adequateAt = adequateAt(kind, group, p);
            Instant start = group.get(0).start();
            Scores.Change change;
            if (active) {
                change = scores.change(start, start, now, p.baselineWindowDays());
            } else if (adequateAt != null) {
                Instant last = start;
                for (Segment s : group) {
                    last = s.knownEnd().isAfter(last) ? s.knownEnd() : last;
                }
                Instant to = last.plus(Duration.ofDays(p.failureScoreWindowDaysAfterEnd()));
                change = scores.change(start, adequateAt, to.isAfter(now) ? now : to, p.baselineWindowDays());
            } else {
                change = null;
            }
            boolean responded = change != null && change.reduction() >= p.responseReduction();
            courses.add(new Course(kind, group, active, adequateAt, change, responded));
        }
    }

    /** When the course became adequate: by its count of sessions, or by one record's (or the course's) span. */
    static Instant adequateAt(Modality kind, List<Segment> group, ProtocolParameters p) {
        int minSessions = switch (kind) {
            case KETAMINE -> p.ketamineCourseMinInfusions();
            case TMS -> p.tmsCourseMinSessions();
            case ESKETAMINE -> Integer.MAX_VALUE;
        };
        int minDays = switch (kind) {
            case KETAMINE -> p.ketamineCourseMinDays();
            case TMS -> p.tmsCourseMinDays();
            case ESKETAMINE -> p.esketamineCourseMinDays();
        };
        Instant best = null;
        if (group.size() >= minSessions) {
            best = group.get(minSessions - 1).start();
        }
        Instant start = group.get(0).start();
        for (Segment s : group) {
            Instant spanFrom = kind == Modality.ESKETAMINE ? start : s.start();
            if (Duration.between(spanFrom, s.knownEnd()).toDays() >= minDays) {
                Instant at = spanFrom.plus(Duration.ofDays(minDays));
                best = best == null || at.isBefore(best) ? at : best;
            }
        }
        return best;
    }
}
