package org.trdcds.criteria;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Implants near the TMS coil (contraindication-tms-implant, blocks TMS; PROTOCOL-v3 section D): the v2 block stands
 * for a device with no coded site and for stimulators in or near the head or neck. A stimulator whose code or body
 * site is in the below-the-neck set is the same topic as a warning without a delete suggestion ("confirm it is more
 * than 30 cm from the coil"). A treated intracranial aneurysm (clipping or coiling) adds a line for ketamine.
 */
final class Implants implements SafetyRule {

    static final String TMS_IMPLANTS = "tms-implants";
    static final String TMS_IMPLANT_PROCEDURES = "tms-implant-procedures";
    static final String BELOW_NECK = "neurostimulator-below-neck";

    private final String topic;

    Implants(RuleContext context) {
        this.topic = context.topic();
    }

    @Override
    public Finding assess(Assessment a, PatientFacts facts) {
        Terms terms = a.terms();
        List<ConditionFact> devices = new ArrayList<>();
        List<Map<String, Object>> belowNeck = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        List<ConditionFact> candidates = new ArrayList<>(a.diagnoses().present(TMS_IMPLANTS));
        for (ConditionFact c : a.diagnoses().present(BELOW_NECK)) {
            if (!candidates.contains(c)) {
                candidates.add(c);
            }
        }
        for (ConditionFact c : candidates) {
            Code site = site(c, terms);
            if (site != null) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("condition", Details.label(c.codes()));
                row.put("site", site.display() != null ? site.display() : site.code());
                row.put("date", Details.date(c.date()));
                belowNeck.add(row);
            } else {
                devices.add(c);
            }
            evidence.add(c.ref());
        }
        List<Map<String, Object>> procedures = new ArrayList<>();
        for (ProcedureFact pr : facts.procedures()) {
            if (Segment.taken(pr.status()) && terms.any(TMS_IMPLANT_PROCEDURES, pr.codes())) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("procedure", Details.label(pr.codes()));
                row.put("code", pr.codes().isEmpty() ? null : pr.codes().get(0).code());
                row.put("date", Details.date(pr.start()));
                row.put("ref", pr.ref());
                procedures.add(row);
                evidence.add(pr.ref());
            }
        }
        if (devices.isEmpty() && procedures.isEmpty() && belowNeck.isEmpty()) {
            return null;
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("conditions", Details.conditionRows(devices));
        d.put("procedures", procedures);
        d.put("belowNeck", belowNeck);
        d.put("treatedAneurysm", !procedures.isEmpty());
        if (devices.isEmpty() && procedures.isEmpty()) {
            d.put(Blocks.WARNING_ONLY, true);
        }
        return new Finding(topic, d, evidence);
    }

    /** The below-the-neck coding of the condition's body site, else of its code; null when none. */
    private static Code site(ConditionFact c, Terms terms) {
        for (Code code : c.bodySites()) {
            if (terms.any(BELOW_NECK, List.of(code))) {
                return code;
            }
        }
        for (Code code : c.codes()) {
            if (terms.any(BELOW_NECK, List.of(code))) {
                return code;
            }
        }
        return null;
    }
}
