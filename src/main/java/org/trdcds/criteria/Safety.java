package org.trdcds.criteria;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Contraindications and cautions of docs/protocol.md section 4 (version 2, as changed by PROTOCOL-v3 section D), as
 * findings without order references: the rules of fhir-profiles/knowledge/Parameters-safety-rules.json in its order
 * (most urgent first; {@link SafetyRules}); which modality each blocks is data ({@link Blocks}). Also the lines the
 * candidate card and the order checks take from the same checks (pregnancy, older adults).
 */
final class Safety {

    private final List<SafetyRule> rules;
    private final Pregnancy pregnancy;
    private final OlderAdults olderAdults;

    /**
     * @param shared the knowledge the rules were built with (its pregnancy check is the rules')
     * @param rules  the rules in card order
     */
    Safety(RuleContext shared, List<SafetyRule> rules) {
        this.rules = List.copyOf(rules);
        this.pregnancy = shared.pregnancy();
        this.olderAdults = new OlderAdults(shared.safety());
    }

    List<Finding> assess(Assessment a, PatientFacts facts) {
        List<Finding> findings = new ArrayList<>();
        for (SafetyRule rule : rules) {
            Finding finding = rule.assess(a, facts);
            if (finding != null) {
                findings.add(finding);
            }
        }
        return findings;
    }

    /** The pregnancy check as it ran (conditions read, a test recorded, an equivocal test to repeat). */
    Map<String, Object> pregnancyCheck(Assessment a, PatientFacts facts) {
        return pregnancy.assess(a, facts).check();
    }

    /** Order hooks: older-adult-caution for the first ketamine or esketamine order of a course, or null. */
    Finding olderAdults(Assessment a, PatientFacts facts, List<OrderScope.Scoped> scoped) {
        return olderAdults.forOrders(a, facts, scoped);
    }

    /**
     * Patient-view: the v3 lines of the candidate card (older adult or cognition; the pregnancy check as it ran),
     * added to its details; they never hold it back.
     */
    void candidateLines(Assessment a, PatientFacts facts, List<Finding> findings) {
        for (Finding f : findings) {
            if (Topics.COMBINATION_CANDIDATE.equals(f.topic())) {
                Map<String, Object> older = olderAdults.facts(a, facts.birthDate());
                if (older != null) {
                    older.remove("refs");
                }
                f.details().put("olderAdult", older);
                f.details().put("pregnancyCheck", pregnancy.assess(a, facts).check());
            }
        }
    }

    /** A copy of a finding naming the draft orders it concerns (and, for a block, the ones to delete). */
    static Finding forOrders(Finding f, List<String> orderRefs, List<String> deleteRefs) {
        Map<String, Object> d = new LinkedHashMap<>(f.details());
        List<String> evidence = new ArrayList<>(f.evidence());
        d.put("orderRefs", orderRefs);
        if (!deleteRefs.isEmpty()) {
            d.put("draftOrderRefs", deleteRefs);
            d.put("deletes", true);
        }
        evidence.addAll(orderRefs);
        return new Finding(f.topic(), d, evidence);
    }
}
