package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.trdcds.terminology.ProtocolParameters;

/** Ketamine / esketamine medication courses and TMS procedure courses (PROTOCOL.md section 3). */
final class Courses {

    static final String KETAMINE = "ketamine";
    static final String ESKETAMINE = "esketamine";
    static final String TMS = "tms-procedures";

    private Courses() {
    }

    static boolean isKetamineOrEsketamine(List<Code> codes, Terms terms) {
        return kindOf(codes, terms) != null;
    }

    /** "ketamine" or "esketamine" for a code or a product whose ingredient is in that value set; else null. */
    static String kindOf(List<Code> codes, Terms terms) {
        if (terms.ingredient(KETAMINE, codes, null).isPresent()) {
            return KETAMINE;
        }
        return terms.ingredient(ESKETAMINE, codes, null).isPresent() ? ESKETAMINE : null;
    }

    static List<Course> of(PatientFacts facts, Terms terms, Scores scores, ProtocolParameters parameters,
                           Instant now) {
        List<Segment> ketamine = new ArrayList<>();
        List<Segment> esketamine = new ArrayList<>();
        for (MedicationFact m : facts.medications()) {
            if (m.start() == null || !Segment.taken(m.status())) {
                continue;
            }
            String kind = kindOf(m.codes(), terms);
            if (kind != null) {
                (KETAMINE.equals(kind) ? ketamine : esketamine)
                        .add(Segment.of(m.ref(), m.status(), m.start(), m.end(), now, null));
            }
        }
        List<Segment> tms = new ArrayList<>();
        for (ProcedureFact p : facts.procedures()) {
            if (p.start() != null && Segment.taken(p.status()) && terms.any(TMS, p.codes())) {
                Instant end = p.end() == null && "completed".equals(p.status()) ? p.start() : p.end();
                tms.add(Segment.of(p.ref(), p.status(), p.start(), end, now, null));
            }
        }
        List<Course> courses = new ArrayList<>();
        add(courses, KETAMINE, ketamine, scores, parameters, now);
        add(courses, ESKETAMINE, esketamine, scores, parameters, now);
        add(courses, "TMS", tms, scores, parameters, now);
        return courses;
    }

    private static void add(List<Course> courses, String kind, List<Segment> segments, Scores scores,
                            ProtocolParameters parameters, Instant now) {
        Instant recent = now.minus(Duration.ofDays(parameters.trialMergeGapDays()));
        for (List<Segment> group : Episodes.merge(segments, parameters.trialMergeGapDays())) {
            boolean active = false;
            for (Segment s : group) {
                active |= s.ongoing() || !s.knownEnd().isBefore(recent);
            }
            Scores.Change change = scores.changeSince(group.get(0).start(), now);
            boolean responded = change != null && change.reduction() >= parameters.responseReduction();
            courses.add(new Course(kind, group, active, change, responded));
        }
    }
}
