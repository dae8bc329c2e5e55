package org.trdcds.knowledge;

/**
 * One row of fhir-profiles/knowledge/Parameters-safety-rules.json: a contraindication or caution, by card topic. It is
 * either a data rule (the conditions of {@code valueSet} that are {@link Conditions active} or present, none while a
 * condition of {@code unlessActive} is active) or the simple name of the rule class of {@code org.trdcds.criteria}
 * that decides it ({@code ruleClass}; the decision's factory finds and checks it at start-up).
 *
 * @param topic        the card topic (it has a template in cds-cards/)
 * @param ruleClass    a class's simple name, or null for a data rule
 * @param valueSet     a data rule's value set, or null for a rule class
 * @param conditions   which conditions of the value set count (data rule), or null for a rule class
 * @param unlessActive a data rule's value set whose active conditions silence it, or null
 */
public record SafetyRuleEntry(
        String topic, String ruleClass, String valueSet, Conditions conditions, String unlessActive) {

    /** Which conditions of a data rule's value set count. */
    public enum Conditions {
        /** active: an active clinical status (or none), no abatement, confirmed, not coded as in full remission */
        ACTIVE,
        /** present: confirmed and not resolved (a bipolar disorder in remission is still present) */
        PRESENT
    }

    /** A rule decided by a class of the criteria package. */
    public static SafetyRuleEntry ofClass(String topic, String ruleClass) {
        return new SafetyRuleEntry(topic, ruleClass, null, null, null);
    }

    /** A data rule: the conditions of the value set, unless one of {@code unlessActive} (may be null) is active. */
    public static SafetyRuleEntry ofConditions(
            String topic, String valueSet, Conditions conditions, String unlessActive) {
        return new SafetyRuleEntry(topic, null, valueSet, conditions, unlessActive);
    }

    /** True for a data rule, false for a rule class. */
    public boolean dataRule() {
        return ruleClass == null;
    }
}
