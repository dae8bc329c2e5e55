package org.trdcds.knowledge;

/**
 * Protocol defaults of docs/protocol.md (version 2), read from fhir-profiles/knowledge/Parameters-protocol-parameters.json.
 * Names in that file are the record component names.
 */
public record ProtocolParameters(
        int trialMergeGapDays, // 14: same-ingredient records <= this many days apart merge
        int adequateTrialDays, // 42: >= 6 weeks at or above the minimum dose
        double failureMaxReduction, // 0.50: a reduction below this fraction means failure
        String failureDefinition, // text for the card, e.g. "< 50% reduction (non-response)"
        int failureScoreWindowDaysAfterEnd, // 14: scores during the trial or this many days after its end
        int minFailedTrials, // 2: TRD threshold
        int severityWindowDays, // 30: baseline PHQ-9/MADRS
        int bloodPressureWindowDays, // 30
        double systolicLimit, // 140: mean systolic at or above = blood-pressure-elevated (warning)
        double diastolicLimit, // 90: mean diastolic at or above = blood-pressure-elevated (warning)
        int suicideItemWindowDays, // 30
        int phqItem9Threshold, // 1: latest item 9 at or above = screen positive
        int weightWindowDays, // 90
        double ketamineMgPerKg, // 0.5
        double doseTolerance, // 0.10
        int infusionMinMinutes, // 40
        int infusionMaxMinutes, // 60
        double responseReduction, // 0.50
        double phqRemissionBelow, // 5 (PHQ-9 < 5)
        double madrsRemissionAtMost, // 10 (MADRS <= 10)
        // version 2
        int trdWindowDays, // 730: trials ongoing or ended within this many days count
        int failureMinDaysOnDose, // 28: a score counts only this many days after the adequate dose began
        int switchGapDays, // 30: a follow-on antidepressant starting within this gap is a switch
        int baselineWindowDays, // 90: the baseline score lies within this many days before the trial/course
        int ketamineCourseMinInfusions, // 4
        int ketamineCourseMinDays, // 14: one record spanning this many days is an adequate course
        int esketamineCourseMinDays, // 28
        int tmsCourseMinSessions, // 20
        int tmsCourseMinDays, // 28
        int courseGapDays, // 14: records of one modality this close form one course
        double phqSeverityThreshold, // 10: baseline PHQ-9 at or above
        double madrsSeverityThreshold, // 20: baseline MADRS at or above
        double systolicBlockLimit, // 160: mean systolic at or above = uncontrolled (blocks ketamine)
        double diastolicBlockLimit, // 100
        double systolicSingleLimit, // 180: any one of the latest readings at or above = uncontrolled
        double diastolicSingleLimit, // 110
        int bloodPressureReadings, // 3: the latest readings averaged
        int postSessionExclusionHours, // 4: readings from a ketamine session's start to this many hours after
        double ketamineCeilingMgPerKg, // 1.0: above = critical dose card
        double weightMinKg, // 30: plausibility
        double weightMaxKg, // 300
        int minAgeYears, // 18
        int suicideAttemptWindowDays, // 365
        int phqItem9UrgentThreshold, // 2: latest item 9 at or above = urgent
        int pregnancyWindowDays, // 280
        int pregnancyStatusWindowDays, // 30
        int myocardialInfarctionWindowDays, // 42
        int maxSessionsPerWeek, // 3
        int bolusMaxMinutes, // 20: a no-reason ketamine order shorter than this is a bolus
        int analgesiaMinMinutes, // 120: a no-reason ketamine order longer than this is an analgesic infusion
        int orderScopeCourseWindowDays, // 365: a ketamine/TMS course within this many days keeps such orders in scope
        double lithiumLevelMin, // 0.6 mmol/L
        String seizureThresholdIngredient, // RxNorm ingredient with a dose-dependent seizure risk (bupropion 42347)
        double seizureThresholdMgPerDay, // 450
        String lithiumIngredient // RxNorm ingredient judged by its serum level on the bipolar pathway (6448)
        ) {}
