package org.trdcds.criteria;

import java.util.ArrayList;
import java.util.List;

/** The patient's conditions by value set. */
final class Diagnoses {

    static final String DEPRESSIVE_DISORDERS = "depressive-disorders";
    static final String BIPOLAR_DEPRESSED = "bipolar-depressed-episode";

    private final List<ConditionFact> conditions;
    private final Terms terms;

    Diagnoses(List<ConditionFact> conditions, Terms terms) {
        this.conditions = conditions;
        this.terms = terms;
    }

    /** Active (active, recurrence, relapse) conditions coded in the value set. */
    List<ConditionFact> active(String valueSetId) {
        List<ConditionFact> found = new ArrayList<>();
        for (ConditionFact c : conditions) {
            if (Conditions.isActive(c) && terms.any(valueSetId, c.codes())) {
                found.add(c);
            }
        }
        return found;
    }

    /** Conditions coded in the value set that are not resolved. */
    List<ConditionFact> present(String valueSetId) {
        List<ConditionFact> found = new ArrayList<>();
        for (ConditionFact c : conditions) {
            if (Conditions.isPresent(c) && terms.any(valueSetId, c.codes())) {
                found.add(c);
            }
        }
        return found;
    }

    /** The active depressive disorders (incl. bipolar disorder with a current depressed episode). */
    List<ConditionFact> depressed() {
        List<ConditionFact> found = active(DEPRESSIVE_DISORDERS);
        found.addAll(active(BIPOLAR_DEPRESSED));
        return found;
    }

    static List<String> refs(List<ConditionFact> conditions) {
        List<String> refs = new ArrayList<>(conditions.size());
        for (ConditionFact c : conditions) {
            refs.add(c.ref());
        }
        return refs;
    }
}
