package org.trdcds.criteria;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trdcds.knowledge.SafetyRuleEntry;

/**
 * A data rule of the rules file: the patient's conditions of a value set, active or present (not resolved), make a
 * finding of the row's topic with their {@code conditions} rows, unless a condition of {@code unlessActive} is
 * active (the seizure caution is silent when the seizures are coded as intractable: that is the block).
 */
final class ConditionRule implements SafetyRule {

    private final String topic;
    private final String valueSet;
    private final boolean present;
    private final String unlessActive;

    ConditionRule(SafetyRuleEntry entry) {
        this.topic = entry.topic();
        this.valueSet = entry.valueSet();
        this.present = entry.conditions() == SafetyRuleEntry.Conditions.PRESENT;
        this.unlessActive = entry.unlessActive();
    }

    @Override
    public Finding assess(Assessment a, PatientFacts facts) {
        Diagnoses dx = a.diagnoses();
        if (unlessActive != null && !dx.active(unlessActive).isEmpty()) {
            return null;
        }
        return finding(topic, present ? dx.present(valueSet) : dx.active(valueSet));
    }

    /** A finding of the topic listing the conditions (rows and evidence), or null when there are none. */
    static Finding finding(String topic, List<ConditionFact> conditions) {
        if (conditions.isEmpty()) {
            return null;
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("conditions", Details.conditionRows(conditions));
        return new Finding(topic, d, Diagnoses.refs(conditions));
    }
}
