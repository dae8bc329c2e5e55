package org.trdcds.criteria;

import java.util.Set;

/** Clinical and verification status of a Condition fact (docs/protocol.md "What the decision reads"). */
final class Conditions {

    static final String FULL_REMISSION = "full-remission";

    private static final Set<String> ACTIVE = Set.of("active", "recurrence", "relapse");
    private static final Set<String> NOT_CONFIRMED =
            Set.of("unconfirmed", "provisional", "differential", "refuted", "entered-in-error");

    /**
     * Active: clinicalStatus active, recurrence or relapse (a missing status counts as active), no abatement, not
     * unconfirmed/provisional/differential/refuted, and not coded as full remission.
     */
    static boolean isActive(ConditionFact condition, Terms terms) {
        String status = condition.clinicalStatus();
        if ((status != null && !ACTIVE.contains(status)) || condition.abatement() != null) {
            return false;
        }
        return confirmed(condition) && !terms.any(FULL_REMISSION, condition.codes());
    }

    /** Present at all: confirmed and not resolved (bipolar disorder in remission is still bipolar disorder). */
    static boolean isPresent(ConditionFact condition) {
        return !"resolved".equals(condition.clinicalStatus()) && confirmed(condition);
    }

    static boolean confirmed(ConditionFact condition) {
        return condition.verificationStatus() == null || !NOT_CONFIRMED.contains(condition.verificationStatus());
    }

    private Conditions() {}
}
