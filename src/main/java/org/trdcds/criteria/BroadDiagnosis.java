package org.trdcds.criteria;

import java.util.List;
import java.util.Map;

/**
 * PROTOCOL-v3 F: a patient whose depression is coded only by a broad code (F32.A and the like: value set
 * broad-depression-only), with at least minFailedTrials failed adequate trials, gets trd-incomplete-data asking to
 * confirm the diagnosis ("only «display» is coded") instead of silence.
 */
final class BroadDiagnosis {

    static final String BROAD_ONLY = "broad-depression-only";

    private BroadDiagnosis() {}

    /** Null when no active broad-only code is on record. */
    static Finding incompleteData(Assessment a, Map<String, Object> trdDetails) {
        List<ConditionFact> broad = a.diagnoses().active(BROAD_ONLY);
        if (broad.isEmpty()) {
            return null;
        }
        trdDetails.put("uncertainTrials", Rows.trials(a.trd().uncertain()));
        trdDetails.put("missing", new java.util.ArrayList<Map<String, Object>>());
        trdDetails.put("broadDiagnosis", Details.label(broad.get(0).codes()));
        List<String> evidence = Diagnoses.refs(broad);
        evidence.addAll(Rows.trialRefs(a.trd().failed()));
        return new Finding(Topics.TRD_INCOMPLETE_DATA, trdDetails, evidence);
    }
}
