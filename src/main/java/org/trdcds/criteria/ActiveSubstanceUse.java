package org.trdcds.criteria;

/**
 * Active substance use disorder (docs/protocol.md section 4, blocks ketamine): the active conditions of the set, but
 * an opioid use disorder on maintenance treatment (an active MOUD prescription) does not block (PROTOCOL-v3 section
 * D; the concurrent-medication card says it instead).
 */
final class ActiveSubstanceUse implements SafetyRule {

    static final String SUBSTANCE_USE = "substance-use-disorders-active";

    private final String topic;

    ActiveSubstanceUse(RuleContext context) {
        this.topic = context.topic();
    }

    @Override
    public Finding assess(Assessment a, PatientFacts facts) {
        return ConditionRule.finding(
                topic,
                MedicationCautions.blockingSubstanceUse(
                        a.diagnoses().active(SUBSTANCE_USE),
                        MedicationCautions.activeMoud(facts, a.terms(), a.now()),
                        a.terms()));
    }
}
