package org.trdcds.criteria;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trdcds.knowledge.Knowledge;
import org.trdcds.knowledge.Modality;
import org.trdcds.knowledge.ProtocolParameters;

/**
 * The options with established evidence that the record does not show as tried (PROTOCOL-v3 section F), for the
 * candidate card: ECT (ect-procedures), esketamine with an oral antidepressant, augmentation (augmentation-agents);
 * on the bipolar pathway ECT and the bipolar-depression treatments. Tried = a trial at or above the dose table's
 * minimum for at least failureMinDaysOnDose days; a record without that is "recorded, adequacy unknown". The option
 * wording lives in the template (cds-cards/combination-candidate.json); drug names come from the knowledge.
 */
final class CandidateOptions {

    static final String ECT = "ect-procedures";
    static final String AUGMENTATION = "augmentation-agents";

    private CandidateOptions() {}

    static void addTo(Map<String, Object> d, Assessment a, PatientFacts facts, ProtocolParameters p) {
        boolean ect = false;
        for (ProcedureFact procedure : facts.procedures()) {
            ect |= a.terms().any(ECT, procedure.codes());
        }
        boolean tmsFailed = false;
        boolean esketamine = false;
        for (Course c : a.courses()) {
            tmsFailed |= Modality.TMS.equals(c.kind()) && c.failedMonotherapy();
            esketamine |= Modality.ESKETAMINE.equals(c.kind());
        }
        boolean bipolar = a.trd().bipolar();
        d.put("ectTried", ect);
        d.put("ectCheckable", a.terms().has(ECT));
        d.put("tmsFailed", tmsFailed);
        d.put("esketamineTried", esketamine);
        List<Map<String, Object>> untried =
                untried(a, facts, p, bipolar ? Trials.BIPOLAR_TREATMENTS : AUGMENTATION, bipolar);
        d.put("untriedOptions", untried);
        d.put("anyUntriedOption", !untried.isEmpty());
        d.put("conditionCount", facts.conditions().size());
        boolean test = false;
        for (ObservationFact o : facts.observations()) {
            test |= a.terms().any(OrderChecks.PREGNANCY_TEST, o.codes());
        }
        d.put("pregnancyTestRecorded", test);
        int unread = 0; // records whose medication reference was not resolved and that nothing else identifies
        for (MedicationFact m : facts.medications()) {
            if (m.recognition().by() == null && m.recognition().unresolvedReference() != null) {
                unread++;
            }
        }
        d.put("unreadMedicationRecords", unread == 0 ? null : unread);
    }

    private static List<Map<String, Object>> untried(
            Assessment a, PatientFacts facts, ProtocolParameters p, String valueSetId, boolean bipolar) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (!a.terms().has(valueSetId)) {
            return rows;
        }
        Knowledge k = a.terms().knowledge();
        List<Trial> trials = Trials.of(facts.medications(), a.terms(), valueSetId, p.trialMergeGapDays(), a.now());
        Map<String, String> byName = new LinkedHashMap<>(); // option name -> best status of its codes
        for (String code : k.expansion(valueSetId).getOrDefault(Terms.RXNORM, new java.util.TreeSet<>())) {
            Optional<String> name = optionName(k, code);
            if (name.isPresent()) {
                byName.merge(name.get(), status(code, trials, k, p, bipolar), CandidateOptions::better);
            }
        }
        byName.forEach((name, status) -> {
            if (!"tried".equals(status)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", name);
                row.put("unknown", "unknown".equals(status));
                rows.add(row);
            }
        });
        return rows;
    }

    /**
     * An ingredient by its name; a combination product by the name of its own dose-table row (olanzapine-fluoxetine,
     * whose trials are keyed by the product); any other product is left to its ingredient's code.
     */
    private static Optional<String> optionName(Knowledge k, String code) {
        if (k.product(code).isEmpty()) {
            return k.ingredientName(code);
        }
        return k.minimumDailyDose(code)
                .or(() -> k.bipolarMinimumDailyDose(code))
                .map(Knowledge.MinimumDose::name);
    }

    private static String better(String x, String y) {
        return "tried".equals(x) || "tried".equals(y) ? "tried" : "unknown".equals(x) ? x : y;
    }

    /** "tried", "unknown" (recorded, adequacy unknown) or "none". */
    private static String status(
            String ingredient, List<Trial> trials, Knowledge k, ProtocolParameters p, boolean bipolar) {
        String status = "none";
        for (Trial t : trials) {
            if (!ingredient.equals(t.ingredient())) {
                continue;
            }
            Optional<Knowledge.MinimumDose> min = bipolar
                    ? k.bipolarMinimumDailyDose(ingredient)
                    : k.minimumDailyDose(ingredient).or(() -> k.bipolarMinimumDailyDose(ingredient));
            Double mg = t.maxDailyMg();
            if (min.isPresent()
                    && mg != null
                    && mg >= min.get().mgPerDay()
                    && t.knownDays() >= p.failureMinDaysOnDose()) {
                return "tried";
            }
            status = "unknown";
        }
        return status;
    }
}
