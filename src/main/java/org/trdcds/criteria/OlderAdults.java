package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trdcds.knowledge.Modality;
import org.trdcds.knowledge.SafetyParameters;

/**
 * Older adults and cognition (PROTOCOL-v3 section D, older-adult-caution, warning, order hooks only): the first
 * in-scope ketamine or esketamine order of a course (no session of that modality in olderAdultNewCourseDays) for a
 * patient aged olderAdultAgeYears or more, or at any age with an active dementia or cognitive impairment. On
 * patient-view the same facts are a line of the candidate card; they never hold it back.
 */
final class OlderAdults {

    static final String DEMENTIA = "dementia";

    private final SafetyParameters s;

    OlderAdults(SafetyParameters parameters) {
        this.s = parameters;
    }

    /** The facts (age at or above the limit, dementia rows), or null when neither applies. */
    Map<String, Object> facts(Assessment a, LocalDate birthDate) {
        Integer age = birthDate == null
                ? null
                : Period.between(birthDate, LocalDate.ofInstant(a.now(), ZoneOffset.UTC))
                        .getYears();
        List<ConditionFact> dementia = a.diagnoses().active(DEMENTIA);
        boolean older = age != null && age >= s.olderAdultAgeYears();
        if (!older && dementia.isEmpty()) {
            return null;
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("ageYears", older ? age : null);
        d.put("olderAdultAgeYears", s.olderAdultAgeYears());
        d.put("dementia", Details.conditionRows(dementia));
        d.put("refs", Diagnoses.refs(dementia));
        return d;
    }

    /** Order hooks: the caution for first orders of a ketamine or esketamine course, or null. */
    Finding forOrders(Assessment a, PatientFacts facts, List<OrderScope.Scoped> scoped) {
        Map<String, Object> d = facts(a, facts.birthDate());
        if (d == null) {
            return null;
        }
        Instant recent = a.now().minus(Duration.ofDays(s.olderAdultNewCourseDays()));
        List<String> refs = new ArrayList<>();
        List<Object> labels = new ArrayList<>();
        boolean ketamine = false;
        boolean esketamine = false;
        for (OrderScope.Scoped o : scoped) {
            if ((Modality.KETAMINE.equals(o.modality()) || Modality.ESKETAMINE.equals(o.modality()))
                    && !sessionSince(a.courses(), o.modality(), recent)) {
                refs.add(o.order().ref());
                labels.add(o.label());
                ketamine |= Modality.KETAMINE.equals(o.modality());
                esketamine |= Modality.ESKETAMINE.equals(o.modality());
            }
        }
        if (refs.isEmpty()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<String> evidence = new ArrayList<>((List<String>) d.remove("refs"));
        evidence.addAll(refs);
        d.put("orders", Phrase.of("list.semicolons", "items", labels));
        d.put("ketamine", ketamine);
        d.put("esketamine", esketamine);
        d.put("newCourseDays", s.olderAdultNewCourseDays());
        d.put("orderRefs", refs);
        return new Finding(Topics.OLDER_ADULT_CAUTION, d, evidence);
    }

    private static boolean sessionSince(List<Course> courses, Modality modality, Instant from) {
        for (Course c : courses) {
            if (c.kind().equals(modality) && !c.lastDate().isBefore(from)) {
                return true;
            }
        }
        return false;
    }
}
