package org.trdcds.criteria;

import java.util.Set;

/** Clinical status of a Condition fact. */
final class Conditions {

    private static final Set<String> ACTIVE = Set.of("active", "recurrence", "relapse");

    /** Active, recurrence or relapse; a missing status counts as active unless the condition has abated. */
    static boolean isActive(ConditionFact condition) {
        String status = condition.clinicalStatus();
        return status == null ? condition.abatement() == null : ACTIVE.contains(status);
    }

    /** Present at all: anything but resolved (bipolar disorder in remission is still bipolar disorder). */
    static boolean isPresent(ConditionFact condition) {
        return !"resolved".equals(condition.clinicalStatus());
    }

    private Conditions() {
    }
}
