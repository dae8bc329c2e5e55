package org.trdcds.criteria;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trdcds.knowledge.Modality;

/**
 * PROTOCOL-v3 section D lines of concurrent-medication-caution: opioid use disorder on maintenance treatment (an active
 * MOUD prescription; the disorder then does not block ketamine) and two NMDA antagonists (IV ketamine with esketamine).
 */
final class MedicationCautions {

    static final String MOUD = "moud";
    static final String OPIOID_USE_DISORDER = "opioid-use-disorder";

    private MedicationCautions() {}

    /** Active MOUD prescriptions or statements (by a code of the set; single-ingredient products by ingredient). */
    static List<MedicationFact> activeMoud(PatientFacts facts, Terms terms, Instant now) {
        List<MedicationFact> found = new ArrayList<>();
        for (MedicationFact m : facts.medications()) {
            if (!m.administration() && ConcurrentMedications.current(m, now) && terms.any(MOUD, m.codes())) {
                found.add(m);
            }
        }
        return found;
    }

    /** The active substance use disorders that block: an opioid use disorder on MOUD does not. */
    static List<ConditionFact> blockingSubstanceUse(
            List<ConditionFact> active, List<MedicationFact> moud, Terms terms) {
        if (moud.isEmpty()) {
            return active;
        }
        List<ConditionFact> blocking = new ArrayList<>();
        for (ConditionFact c : active) {
            if (!terms.any(OPIOID_USE_DISORDER, c.codes())) {
                blocking.add(c);
            }
        }
        return blocking;
    }

    /** The concurrent-medication finding with the v3 lines added (created when only they apply); null when none. */
    static Finding withV3Lines(
            String topic,
            Finding concurrent,
            Assessment a,
            PatientFacts facts,
            List<MedicationFact> moud,
            double seizureThresholdMgPerDay) {
        Map<String, Object> d = concurrent == null ? new LinkedHashMap<>() : new LinkedHashMap<>(concurrent.details());
        List<String> evidence = concurrent == null ? new ArrayList<>() : new ArrayList<>(concurrent.evidence());
        List<ConditionFact> oud = a.diagnoses().active(OPIOID_USE_DISORDER);
        if (!moud.isEmpty() && !oud.isEmpty()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (MedicationFact m : moud) {
                rows.add(Map.of("drug", m.text() != null ? m.text() : Details.label(m.codes())));
                evidence.add(m.ref());
            }
            d.put("opioidUseDisorderOnMaintenance", rows);
            evidence.addAll(Diagnoses.refs(oud));
        }
        List<String> ketamine = new ArrayList<>();
        List<String> esketamine = new ArrayList<>();
        for (Course c : a.courses()) {
            if (c.active()) {
                (Modality.KETAMINE.equals(c.kind())
                                ? ketamine
                                : Modality.ESKETAMINE.equals(c.kind()) ? esketamine : new ArrayList<String>())
                        .addAll(c.refs());
            }
        }
        for (MedicationFact m : facts.medications()) {
            Modality kind = ConcurrentMedications.current(m, a.now()) ? Courses.kindOf(m.codes(), a.terms()) : null;
            if (Modality.ESKETAMINE.equals(kind) && !esketamine.contains(m.ref())) {
                esketamine.add(m.ref());
            }
        }
        for (DraftOrder o : facts.draftOrders()) {
            Modality kind = Courses.kindOf(o.codes(), a.terms());
            (Modality.KETAMINE.equals(kind)
                            ? ketamine
                            : Modality.ESKETAMINE.equals(kind) ? esketamine : new ArrayList<String>())
                    .add(o.ref());
        }
        if (!ketamine.isEmpty() && !esketamine.isEmpty()) {
            d.put("twoNmdaAntagonists", true);
            evidence.addAll(ketamine);
            evidence.addAll(esketamine);
        }
        if (d.isEmpty()) {
            return null;
        }
        d.putIfAbsent("seizureThresholdMgPerDay", Details.number(seizureThresholdMgPerDay));
        return new Finding(topic, d, evidence);
    }
}
