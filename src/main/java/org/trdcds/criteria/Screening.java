package org.trdcds.criteria;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trdcds.terminology.ProtocolParameters;

/** The patient-view findings of PROTOCOL.md section 5. */
final class Screening {

    private final ProtocolParameters p;
    private final Safety safety;

    Screening(ProtocolParameters parameters, Safety safety) {
        this.p = parameters;
        this.safety = safety;
    }

    List<Finding> decide(Assessment a, List<ObservationFact> observations) {
        List<Finding> findings = new ArrayList<>();
        boolean contraindicated = false;
        for (Finding f : safety.assess(a.diagnoses(), observations, a.bloodPressure(), a.terms(), a.now(), List.of())) {
            if (a.nearCriteria() || Topics.SUICIDE_RISK_URGENT.equals(f.topic())) {
                findings.add(f);
                contraindicated |= Topics.ABSOLUTE.contains(f.topic());
            }
        }
        for (Course c : a.courses()) {
            if (c.active()) {
                findings.add(treatmentResponse(a, c));
            }
        }
        Trd.Result trd = a.trd();
        if (trd.status() == Trd.Status.UNKNOWN) {
            findings.add(incompleteData(a));
        } else if (trd.status() == Trd.Status.ESTABLISHED) {
            if (a.courses().isEmpty()) {
                findings.add(monotherapyFirst(a));
            } else if (!contraindicated && !a.anyActiveCourse() && !failedCourses(a).isEmpty()) {
                candidacy(a, findings);
            }
        }
        return findings;
    }

    private void candidacy(Assessment a, List<Finding> findings) {
        if (a.baseline() == null) {
            findings.add(baselineMissing(p, a, List.of()));
        }
        if (!a.bloodPressure().known()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("windowDays", p.bloodPressureWindowDays());
            d.put("systolicReadings", a.bloodPressure().systolicCount());
            d.put("diastolicReadings", a.bloodPressure().diastolicCount());
            findings.add(new Finding(Topics.BLOOD_PRESSURE_UNKNOWN, d, a.bloodPressure().refs()));
        }
        if (a.baseline() != null && a.bloodPressure().known() && !a.bloodPressure().uncontrolled()) {
            findings.add(candidate(a));
        }
    }

    private Finding candidate(Assessment a) {
        Map<String, Object> d = trdDetails(a);
        List<Map<String, Object>> monotherapy = new ArrayList<>();
        List<String> evidence = Diagnoses.refs(a.depressed());
        evidence.addAll(Rows.trialRefs(a.trd().failed()));
        for (Course c : failedCourses(a)) {
            monotherapy.add(Rows.course(c, a.now()));
            evidence.addAll(Rows.courseRefs(c));
        }
        d.put("monotherapy", monotherapy);
        d.put("responseReductionPercent", Details.wholePercent(p.responseReduction()));
        d.put("baselineScore", Details.score(a.baseline()));
        d.put("severityWindowDays", p.severityWindowDays());
        d.put("meanSystolic", Details.round(a.bloodPressure().meanSystolic()));
        d.put("meanDiastolic", Details.round(a.bloodPressure().meanDiastolic()));
        d.put("bloodPressureWindowDays", p.bloodPressureWindowDays());
        d.put("systolicLimit", Details.number(p.systolicLimit()));
        d.put("diastolicLimit", Details.number(p.diastolicLimit()));
        d.put("ketamineMgPerKg", p.ketamineMgPerKg());
        if (a.weight() != null) {
            d.put("weightKg", Details.round(a.weight().kg()));
            d.put("weightDate", Details.date(a.weight().at()));
            d.put("weightBasedDoseMg", Details.round(p.ketamineMgPerKg() * a.weight().kg()));
            evidence.add(a.weight().ref());
        }
        evidence.add(a.baseline().ref());
        evidence.addAll(a.bloodPressure().refs());
        return new Finding(Topics.COMBINATION_CANDIDATE, d, evidence);
    }

    private Finding monotherapyFirst(Assessment a) {
        List<String> evidence = Diagnoses.refs(a.depressed());
        evidence.addAll(Rows.trialRefs(a.trd().failed()));
        return new Finding(Topics.MONOTHERAPY_FIRST, trdDetails(a), evidence);
    }

    private Finding incompleteData(Assessment a) {
        Map<String, Object> d = trdDetails(a);
        d.put("uncertainTrials", Rows.trials(a.trd().uncertain()));
        d.put("missing", missing(a.trd()));
        List<String> evidence = Rows.trialRefs(a.trd().failed());
        evidence.addAll(Rows.trialRefs(a.trd().uncertain()));
        return new Finding(Topics.TRD_INCOMPLETE_DATA, d, evidence);
    }

    private Finding treatmentResponse(Assessment a, Course c) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("course", Rows.course(c, a.now()));
        d.put("responseReductionPercent", Details.wholePercent(p.responseReduction()));
        d.put("phqRemissionBelow", Details.number(p.phqRemissionBelow()));
        d.put("madrsRemissionAtMost", Details.number(p.madrsRemissionAtMost()));
        Scores.Change change = c.change();
        d.put("scored", change != null);
        d.put("response", c.responded());
        d.put("remission", change != null && remission(change.latest()));
        return new Finding(Topics.TREATMENT_RESPONSE, d, Rows.courseRefs(c));
    }

    private boolean remission(Score score) {
        return Score.PHQ9.equals(score.scale()) ? score.value() < p.phqRemissionBelow()
                : score.value() <= p.madrsRemissionAtMost();
    }

    /** TRD details shared by several topics: the trials that count, and the definitions applied. */
    Map<String, Object> trdDetails(Assessment a) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("trials", Rows.trials(a.trd().failed()));
        d.put("failedCount", a.trd().failed().size());
        d.put("minFailedTrials", p.minFailedTrials());
        d.put("adequateTrialDays", p.adequateTrialDays());
        d.put("adequateTrialWeeks", p.adequateTrialDays() / 7);
        d.put("trialMergeGapDays", p.trialMergeGapDays());
        d.put("failureDefinition", p.failureDefinition());
        d.put("failureMaxReductionPercent", Details.wholePercent(p.failureMaxReduction()));
        d.put("failureScoreWindowDaysAfterEnd", p.failureScoreWindowDaysAfterEnd());
        d.put("depressiveDisorders", Details.conditionRows(a.depressed()));
        return d;
    }

    static Finding baselineMissing(ProtocolParameters p, Assessment a, List<String> draftOrderRefs) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("severityWindowDays", p.severityWindowDays());
        Score last = a.scores().latestBetween(Instant.MIN, a.now());
        d.put("lastScore", last == null ? null : Details.score(last));
        List<String> evidence = new ArrayList<>(draftOrderRefs);
        if (!draftOrderRefs.isEmpty()) {
            d.put("draftOrderRefs", draftOrderRefs);
        }
        if (last != null) {
            evidence.add(last.ref());
        }
        return new Finding(Topics.BASELINE_SEVERITY_MISSING, d, evidence);
    }

    private static List<Map<String, Object>> missing(Trd.Result trd) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (trd.historyUnavailable()) {
            rows.add(Map.of("item", "the medication history (it could not be fetched from the EHR)", "drug",
                    "all antidepressants"));
        }
        for (TrialAssessment t : trd.uncertain()) {
            for (String item : t.adequacy().missing()) {
                rows.add(Map.of("item", item, "drug", t.trial().name()));
            }
            if (t.failure().status() == Failure.Status.UNKNOWN) {
                rows.add(Map.of("item", "a PHQ-9 or MADRS score before and during (or within the window after) the "
                        + "trial", "drug", t.trial().name()));
            }
        }
        return rows;
    }

    private static List<Course> failedCourses(Assessment a) {
        List<Course> failed = new ArrayList<>();
        for (Course c : a.courses()) {
            if (c.failedMonotherapy()) {
                failed.add(c);
            }
        }
        return failed;
    }
}
