package org.trdcds.criteria;

import java.time.Instant;
import java.util.List;

/**
 * A Condition, reduced to what the criteria read.
 *
 * @param ref                 "Condition/{id}" (evidence reference)
 * @param codes               every coding of Condition.code
 * @param clinicalStatus      condition-clinical code (active, recurrence, relapse, inactive, remission, resolved) or null
 * @param verificationStatus  condition-ver-status code or null (entered-in-error / refuted are dropped at extraction)
 * @param onset               onset instant or null
 * @param abatement           abatement instant or null
 * @param recorded            recordedDate or null (the condition's date when it has no onset)
 * @param bodySites           codings of Condition.bodySite (e.g. the site of an implanted stimulator), empty when none
 */
public record ConditionFact(
        String ref,
        List<Code> codes,
        String clinicalStatus,
        String verificationStatus,
        Instant onset,
        Instant abatement,
        Instant recorded,
        List<Code> bodySites) {

    public ConditionFact(
            String ref,
            List<Code> codes,
            String clinicalStatus,
            String verificationStatus,
            Instant onset,
            Instant abatement,
            Instant recorded) {
        this(ref, codes, clinicalStatus, verificationStatus, onset, abatement, recorded, List.of());
    }

    public ConditionFact(
            String ref,
            List<Code> codes,
            String clinicalStatus,
            String verificationStatus,
            Instant onset,
            Instant abatement) {
        this(ref, codes, clinicalStatus, verificationStatus, onset, abatement, null);
    }

    /** The onset, else the recorded date; null when neither. */
    public Instant date() {
        return onset != null ? onset : recorded;
    }
}
