package org.trdcds.criteria;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trdcds.knowledge.Modality;

/**
 * Age on the order hooks (PROTOCOL-v3 section E): the age at the hook instant, and the outside-protocol-age warning
 * for an in-scope order of a patient under minAgeYears, worded per modality (the template holds the wording).
 */
final class AgeCheck {

    private AgeCheck() {}

    /** Whole years at the instant (UTC date), null when the birth date is unknown or after the instant. */
    static Integer age(LocalDate birthDate, Instant now) {
        if (birthDate == null) {
            return null;
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return birthDate.isAfter(today)
                ? null
                : Period.between(birthDate, today).getYears();
    }

    /**
     * @param weightKnown a plausible weight exists (else the card says the ceiling was not checked)
     */
    static Finding outsideAge(int age, int minAgeYears, List<OrderScope.Scoped> scoped, boolean weightKnown) {
        Map<String, Object> d = new LinkedHashMap<>();
        boolean ketamine = false;
        boolean esketamine = false;
        boolean tms = false;
        List<String> refs = new java.util.ArrayList<>();
        List<Object> labels = new java.util.ArrayList<>();
        for (OrderScope.Scoped s : scoped) {
            ketamine |= Modality.KETAMINE.equals(s.modality());
            esketamine |= Modality.ESKETAMINE.equals(s.modality());
            tms |= Modality.TMS.equals(s.modality());
            refs.add(s.order().ref());
            labels.add(s.label());
        }
        d.put("ageYears", age);
        d.put("minAgeYears", minAgeYears);
        d.put("orders", Phrase.of("list.semicolons", "items", labels));
        d.put("ketamine", ketamine);
        d.put("esketamine", esketamine);
        d.put("tms", tms);
        d.put("ceilingNotChecked", ketamine && !weightKnown);
        d.put("orderRefs", refs);
        return new Finding(Topics.OUTSIDE_PROTOCOL_AGE, d, refs);
    }
}
