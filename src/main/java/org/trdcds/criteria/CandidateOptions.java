package org.trdcds.criteria;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    }

    private static List<Map<String, Object>> untried(
            Assessment a, PatientFacts facts, ProtocolParameters p, String valueSetId, boolean bipolar) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (!a.terms().has(valueSetId)) {
            return rows;
        }
        Knowledge k = a.terms().knowledge();
        List<Trial> trials = Trials.of(facts.medications(), a.terms(), valueSetId, p.trialMergeGapDays(), a.now());
        Set<String> seen = new LinkedHashSet<>();
        for (String code : k.expansion(valueSetId).getOrDefault(Terms.RXNORM, new java.util.TreeSet<>())) {
            Optional<String> name = k.ingredientName(code);
            if (name.isEmpty() || k.product(code).isPresent() || !seen.add(name.get())) {
                continue;
            }
            String status = status(code, trials, k, p, bipolar);
            if (!"tried".equals(status)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", name.get());
                row.put("unknown", "unknown".equals(status));
                rows.add(row);
            }
        }
        return rows;
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
