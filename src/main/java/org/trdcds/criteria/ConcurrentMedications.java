package org.trdcds.criteria;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trdcds.knowledge.ProtocolParameters;

/**
 * Active prescriptions that change the risk (docs/protocol.md section 4, concurrent-medication-caution): one list per
 * medication class (value set) for the card template, which says which modality each concerns; with the lines of
 * PROTOCOL-v3 section D ({@link MedicationCautions}).
 */
final class ConcurrentMedications implements SafetyRule {

    /** Value-set id -> detail key of the card. */
    static final Map<String, String> CLASSES = Map.of(
            "benzodiazepines",
            "benzodiazepines",
            "opioids",
            "opioids",
            "mao-inhibitors",
            "maoInhibitors",
            "stimulants",
            "stimulants",
            "clozapine",
            "clozapine");

    private final String topic;
    private final ProtocolParameters p;

    ConcurrentMedications(RuleContext context) {
        this.topic = context.topic();
        this.p = context.parameters();
    }

    @Override
    public Finding assess(Assessment a, PatientFacts facts) {
        return MedicationCautions.withV3Lines(
                topic,
                classes(facts.medications(), a.terms(), a.now()),
                a,
                facts,
                MedicationCautions.activeMoud(facts, a.terms(), a.now()),
                p.seizureThresholdMgPerDay());
    }

    /** The finding of the medication classes (and the seizure-threshold dose), or null when none is prescribed. */
    private Finding classes(List<MedicationFact> medications, Terms terms, Instant now) {
        Map<String, Object> d = new LinkedHashMap<>();
        List<String> evidence = new ArrayList<>();
        for (MedicationFact m : medications) {
            if (!current(m, now) || m.administration()) {
                continue;
            }
            for (Map.Entry<String, String> c : CLASSES.entrySet()) {
                if (terms.any(c.getKey(), m.codes())
                        || terms.ingredient(c.getKey(), m.codes(), null).isPresent()) {
                    row(d, c.getValue(), m, null);
                    evidence.add(m.ref());
                }
            }
            var ingredient = terms.ingredient(Trials.ANTIDEPRESSANTS, m.codes(), m.text());
            if (ingredient.isPresent() && ingredient.get().rxcui().equals(p.seizureThresholdIngredient())) {
                Double mg = DailyDose.mgPerDay(m.doses(), ingredient.get().product());
                if (mg != null && mg >= p.seizureThresholdMgPerDay()) {
                    row(d, "seizureThresholdDose", m, mg);
                    evidence.add(m.ref());
                }
            }
        }
        if (d.isEmpty()) {
            return null;
        }
        d.put("seizureThresholdMgPerDay", Details.number(p.seizureThresholdMgPerDay()));
        return new Finding(topic, d, evidence);
    }

    @SuppressWarnings("unchecked")
    private static void row(Map<String, Object> d, String key, MedicationFact m, Double mgPerDay) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("drug", m.text() != null ? m.text() : Details.label(m.codes()));
        row.put("dailyDoseMg", Details.round(mgPerDay));
        row.put("ref", m.ref());
        ((List<Map<String, Object>>) d.computeIfAbsent(key, k -> new ArrayList<>())).add(row);
    }

    /** An active prescription or statement running now. */
    static boolean current(MedicationFact m, Instant now) {
        if (m.start() == null || m.start().isAfter(now)) {
            return false;
        }
        boolean running = m.status() == null || "active".equals(m.status()) || "in-progress".equals(m.status());
        return running && (m.end() == null || m.end().isAfter(now));
    }
}
