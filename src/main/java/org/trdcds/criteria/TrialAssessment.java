package org.trdcds.criteria;

/** A trial with its adequacy and failure. */
record TrialAssessment(Trial trial, Adequacy.Result adequacy, Failure.Result failure) {

    boolean failedAdequate() {
        return adequacy.status() == Adequacy.Status.ADEQUATE && failure.status() == Failure.Status.FAILED;
    }

    /** Could count as a failed adequate trial once the missing data is documented. */
    boolean couldBeFailedAdequate() {
        return !failedAdequate()
                && adequacy.status() != Adequacy.Status.INADEQUATE
                && failure.status() != Failure.Status.NOT_FAILED
                && (adequacy.status() == Adequacy.Status.UNKNOWN || failure.status() == Failure.Status.UNKNOWN);
    }
}
