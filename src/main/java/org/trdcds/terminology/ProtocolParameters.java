package org.trdcds.terminology;

/**
 * Protocol defaults of PROTOCOL.md, read from fhir-profiles/knowledge/Parameters-protocol-parameters.json.
 * Names in that file are the record component names.
 */
public record ProtocolParameters(
        int trialMergeGapDays,              // 14: same-ingredient records <= this many days apart merge
        int adequateTrialDays,              // 42: >= 6 weeks at or above the minimum dose
        double failureMaxReduction,         // 0.50: a reduction below this fraction means failure
        String failureDefinition,           // text for the card, e.g. "< 50% reduction (non-response)"
        int failureScoreWindowDaysAfterEnd, // 14: scores during the trial or this many days after its end
        int minFailedTrials,                // 2: TRD threshold
        int severityWindowDays,             // 30: baseline PHQ-9/MADRS
        int bloodPressureWindowDays,        // 30
        double systolicLimit,               // 140
        double diastolicLimit,              // 90
        int suicideItemWindowDays,          // 30
        int phqItem9Threshold,              // 1
        int weightWindowDays,               // 90
        double ketamineMgPerKg,             // 0.5
        double doseTolerance,               // 0.10
        int infusionMinMinutes,             // 40
        int infusionMaxMinutes,             // 60
        double responseReduction,           // 0.50
        double phqRemissionBelow,           // 5 (PHQ-9 < 5)
        double madrsRemissionAtMost         // 10 (MADRS <= 10)
) {
}
