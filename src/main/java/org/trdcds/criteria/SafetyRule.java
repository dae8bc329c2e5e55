package org.trdcds.criteria;

/**
 * One contraindication or caution of fhir-profiles/knowledge/Parameters-safety-rules.json: the facts to a finding of
 * its row's topic, or null. A data rule of the file is a {@link ConditionRule}; a rule the data cannot say is a class
 * of this package that the file names by its simple name ({@link SafetyRules}): it implements this interface, has a
 * constructor taking a {@link RuleContext} (its topic, the parameters, the shared pregnancy check) and keeps no state
 * between calls, since one instance serves every call at once (docs/adding-a-contraindication.md).
 */
interface SafetyRule {

    /** The finding of this rule's topic, or null when the rule does not apply. */
    Finding assess(Assessment a, PatientFacts facts);
}
