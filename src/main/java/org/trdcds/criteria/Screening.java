package org.trdcds.criteria;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trdcds.knowledge.Modality;
import org.trdcds.knowledge.ProtocolParameters;

/** The patient-view findings of docs/protocol.md section 5. */
final class Screening {

    static final String OPIOID_MAINTENANCE = "opioid-maintenance";
    static final String CARDIAC_DEVICES = "cardiac-devices";

    private final ProtocolParameters p;
    private final Safety safety;
    private final Blocks blocks;

    Screening(ProtocolParameters parameters, Safety safety, Blocks blocks) {
        this.p = parameters;
        this.safety = safety;
        this.blocks = blocks;
    }

    List<Finding> decide(Assessment a, PatientFacts facts) {
        List<Finding> findings = new ArrayList<>();
        if (a.suicide().finding() != null) {
            findings.add(a.suicide().finding());
        }
        if (!a.minor() && a.depressed().isEmpty() && a.trd().failed().size() >= p.minFailedTrials()) {
            Finding broad = BroadDiagnosis.incompleteData(a, trdDetails(a));
            if (broad != null) {
                findings.add(broad);
            }
        }
        if (a.minor() || a.depressed().isEmpty() || !a.nearCriteria()) {
            return findings;
        }
        Set<Modality> blocked = new LinkedHashSet<>();
        boolean psychosis = false;
        for (Finding f : safety.assess(a, facts)) {
            findings.add(f);
            blocked.addAll(blocks.of(f));
            psychosis |= Topics.PSYCHOSIS_CAUTION.equals(f.topic());
        }
        for (Course c : a.courses()) {
            if (c.active()) {
                findings.add(treatmentResponse(a, c));
            }
        }
        Trd.Result trd = a.trd();
        List<Course> unknownCourses = new ArrayList<>();
        for (Course c : a.courses()) {
            if (c.outcomeUnknown()) {
                unknownCourses.add(c);
            }
        }
        if (trd.status() == Trd.Status.UNKNOWN) {
            findings.add(incompleteData(a, unknownCourses));
        } else if (trd.status() == Trd.Status.ESTABLISHED) {
            List<Course> failed = failedCourses(a);
            if (failed.isEmpty() && !unknownCourses.isEmpty()) {
                findings.add(incompleteData(a, unknownCourses));
            } else if (failed.isEmpty() && !a.anyActiveCourse() && blocked.size() < 2) {
                findings.add(monotherapyFirst(a, blocked));
            } else if (!failed.isEmpty()
                    && blocked.isEmpty()
                    && !psychosis
                    && !a.anyActiveCourse()
                    && !a.suicide().holdsCandidate()) {
                candidacy(a, facts, findings);
                safety.candidateLines(a, facts, findings);
            }
        }
        return findings;
    }

    private void candidacy(Assessment a, PatientFacts facts, List<Finding> findings) {
        if (a.baseline() == null) {
            findings.add(baselineMissing(p, a, List.of()));
        } else if (!severe(a.baseline())) {
            return;
        }
        if (!a.bloodPressure().known()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("windowDays", p.bloodPressureWindowDays());
            d.put("systolicReadings", a.bloodPressure().systolicCount());
            d.put("diastolicReadings", a.bloodPressure().diastolicCount());
            findings.add(new Finding(
                    Topics.BLOOD_PRESSURE_UNKNOWN, d, a.bloodPressure().refs()));
        }
        if (a.baseline() != null
                && a.bloodPressure().known()
                && !a.bloodPressure().uncontrolled()) {
            findings.add(candidate(a, facts));
        }
    }

    /** At or above the severity threshold of its instrument. */
    private boolean severe(Score score) {
        return Score.PHQ9.equals(score.scale())
                ? score.value() >= p.phqSeverityThreshold()
                : score.value() >= p.madrsSeverityThreshold();
    }

    private Finding candidate(Assessment a, PatientFacts facts) {
        Map<String, Object> d = trdDetails(a);
        List<Map<String, Object>> monotherapy = new ArrayList<>();
        List<String> evidence = Diagnoses.refs(a.depressed());
        evidence.addAll(Rows.trialRefs(a.trd().failed()));
        for (Course c : failedCourses(a)) {
            monotherapy.add(Rows.course(c, a.now()));
            evidence.addAll(Rows.courseRefs(c));
        }
        d.put("monotherapy", monotherapy);
        CandidateOptions.addTo(d, a, facts, p);
        d.put("ageUnknown", facts.birthDate() == null);
        d.put("responseReductionPercent", Details.wholePercent(p.responseReduction()));
        d.put("baselineScore", Details.score(a.baseline()));
        d.put("severityWindowDays", p.severityWindowDays());
        d.put("meanSystolic", Details.round(a.bloodPressure().meanSystolic()));
        d.put("meanDiastolic", Details.round(a.bloodPressure().meanDiastolic()));
        d.put("bloodPressureWindowDays", p.bloodPressureWindowDays());
        d.put("systolicLimit", Details.number(p.systolicBlockLimit()));
        d.put("diastolicLimit", Details.number(p.diastolicBlockLimit()));
        d.put("bloodPressureElevated", a.bloodPressure().elevated());
        d.put("phqSeverityThreshold", Details.number(p.phqSeverityThreshold()));
        d.put("madrsSeverityThreshold", Details.number(p.madrsSeverityThreshold()));
        d.put("minAgeYears", p.minAgeYears());
        d.put("opioidMaintenance", Details.conditionRows(a.diagnoses().active(OPIOID_MAINTENANCE)));
        d.put("cardiacDevices", Details.conditionRows(a.diagnoses().present(CARDIAC_DEVICES)));
        d.put("screenPositive", a.suicide().tier() == Suicide.Tier.SCREEN_POSITIVE);
        d.put("ketamineMgPerKg", p.ketamineMgPerKg());
        if (a.weight().ref() != null) {
            d.put("weightKg", Details.round(a.weight().kg()));
            d.put("weightDate", Details.date(a.weight().at()));
            d.put(
                    "weightBasedDoseMg",
                    Details.round(p.ketamineMgPerKg() * a.weight().kg()));
            evidence.add(a.weight().ref());
        }
        evidence.add(a.baseline().ref());
        evidence.addAll(a.bloodPressure().refs());
        return new Finding(Topics.COMBINATION_CANDIDATE, d, evidence);
    }

    private Finding monotherapyFirst(Assessment a, Set<Modality> blocked) {
        List<String> evidence = Diagnoses.refs(a.depressed());
        evidence.addAll(Rows.trialRefs(a.trd().failed()));
        Map<String, Object> d = trdDetails(a);
        d.put("ketamineAllowed", !blocked.contains(Modality.KETAMINE));
        d.put("tmsAllowed", !blocked.contains(Modality.TMS));
        List<Map<String, Object>> courses = new ArrayList<>();
        for (Course c : a.courses()) {
            courses.add(Rows.course(c, a.now()));
        }
        d.put("courses", courses);
        return new Finding(Topics.MONOTHERAPY_FIRST, d, evidence);
    }

    private Finding incompleteData(Assessment a, List<Course> unknownCourses) {
        Map<String, Object> d = trdDetails(a);
        d.put("uncertainTrials", Rows.trials(a.trd().uncertain()));
        List<Map<String, Object>> missing = missing(a.trd());
        List<String> courseRefs = new ArrayList<>();
        for (Course c : unknownCourses) {
            missing.add(Map.of(
                    "item",
                    Phrase.of("missing.courseEndScore", "baselineWindowDays", p.baselineWindowDays()),
                    "drug",
                    Phrase.of("missing.courseFrom", "kind", c.kind().courseKind(), "start", Details.date(c.start()))));
            courseRefs.addAll(c.refs());
        }
        d.put("missing", missing);
        List<String> evidence = Rows.trialRefs(a.trd().failed());
        evidence.addAll(Rows.trialRefs(a.trd().uncertain()));
        evidence.addAll(courseRefs);
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
        return Score.PHQ9.equals(score.scale())
                ? score.value() < p.phqRemissionBelow()
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
        d.put("failureMinDaysOnDose", p.failureMinDaysOnDose());
        d.put("switchGapDays", p.switchGapDays());
        d.put("trdWindowDays", p.trdWindowDays());
        d.put("bipolarPathway", a.trd().bipolar());
        List<Map<String, Object>> older = new ArrayList<>();
        for (Trial t : a.trd().older()) {
            older.add(Map.of("drug", t.name(), "end", String.valueOf(Details.date(t.knownEnd()))));
        }
        d.put("olderTrials", older);
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

    private List<Map<String, Object>> missing(Trd.Result trd) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (trd.historyUnavailable()) {
            rows.add(Map.of(
                    "item", Phrase.of("missing.medicationHistory"), "drug", Phrase.of("missing.allAntidepressants")));
        }
        for (TrialAssessment t : trd.uncertain()) {
            for (Phrase item : t.adequacy().missing()) {
                rows.add(Map.of("item", item, "drug", t.trial().name()));
            }
            if (t.failure().status() == Failure.Status.UNKNOWN) {
                rows.add(Map.of(
                        "item",
                        Phrase.of(
                                "missing.trialScores",
                                "baselineWindowDays",
                                p.baselineWindowDays(),
                                "minDays",
                                p.failureMinDaysOnDose()),
                        "drug",
                        t.trial().name()));
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
