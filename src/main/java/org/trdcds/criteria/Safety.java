package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trdcds.terminology.Knowledge;
import org.trdcds.terminology.ProtocolParameters;

/** Contraindications and safety findings of PROTOCOL.md section 4, most urgent first. */
final class Safety {

    static final String HYPERTENSIVE_CRISIS = "hypertensive-crisis";
    static final String SUBSTANCE_USE = "substance-use-disorders-active";
    static final String INTRACTABLE_EPILEPSY = "epilepsy-intractable";
    static final String SUICIDAL_IDEATION = "suicidal-ideation";
    static final String PHQ9_ITEM9 = "phq9-item9";
    static final String BIPOLAR = "bipolar-disorders";
    static final String PSYCHOTIC = "psychotic-disorders";

    private final Knowledge knowledge;
    private final ProtocolParameters parameters;

    Safety(Knowledge knowledge) {
        this.knowledge = knowledge;
        this.parameters = knowledge.parameters();
    }

    /**
     * @param draftOrderRefs the checked draft orders (order hooks: the delete suggestion), empty on patient-view
     */
    List<Finding> assess(Diagnoses diagnoses, List<ObservationFact> observations, BloodPressure.Result bp,
                         Terms terms, Instant now, List<String> draftOrderRefs) {
        List<Finding> findings = new ArrayList<>();
        List<ConditionFact> crisis = diagnoses.active(HYPERTENSIVE_CRISIS);
        if (!crisis.isEmpty() || bp.uncontrolled()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("conditions", Details.conditionRows(crisis));
            d.put("meanSystolic", Details.round(bp.meanSystolic()));
            d.put("meanDiastolic", Details.round(bp.meanDiastolic()));
            d.put("systolicReadings", bp.systolicCount());
            d.put("diastolicReadings", bp.diastolicCount());
            d.put("bloodPressureUncontrolled", bp.uncontrolled());
            d.put("windowDays", parameters.bloodPressureWindowDays());
            d.put("systolicLimit", Details.number(parameters.systolicLimit()));
            d.put("diastolicLimit", Details.number(parameters.diastolicLimit()));
            List<String> evidence = Diagnoses.refs(crisis);
            if (bp.uncontrolled()) {
                evidence.addAll(bp.refs());
            }
            findings.add(finding(Topics.UNCONTROLLED_HYPERTENSION, d, evidence, draftOrderRefs));
        }
        addConditionFinding(findings, Topics.ACTIVE_SUBSTANCE_USE, diagnoses.active(SUBSTANCE_USE), draftOrderRefs);
        addConditionFinding(findings, Topics.UNCONTROLLED_SEIZURES, diagnoses.active(INTRACTABLE_EPILEPSY),
                draftOrderRefs);
        List<ConditionFact> ideation = diagnoses.active(SUICIDAL_IDEATION);
        List<Map<String, Object>> answers = item9Answers(observations, terms, now);
        if (!ideation.isEmpty() || !answers.isEmpty()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("conditions", Details.conditionRows(ideation));
            d.put("item9Answers", answers);
            d.put("item9Threshold", parameters.phqItem9Threshold());
            d.put("windowDays", parameters.suicideItemWindowDays());
            List<String> evidence = Diagnoses.refs(ideation);
            for (Map<String, Object> a : answers) {
                evidence.add((String) a.get("ref"));
            }
            findings.add(finding(Topics.SUICIDE_RISK_URGENT, d, evidence, draftOrderRefs));
        }
        addConditionFinding(findings, Topics.BIPOLAR_MANIC_SWITCH, diagnoses.present(BIPOLAR), draftOrderRefs);
        addConditionFinding(findings, Topics.PSYCHOSIS_CAUTION, diagnoses.active(PSYCHOTIC), draftOrderRefs);
        return findings;
    }

    private List<Map<String, Object>> item9Answers(List<ObservationFact> observations, Terms terms, Instant now) {
        Instant from = now.minus(Duration.ofDays(parameters.suicideItemWindowDays()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ObservationFact o : observations) {
            if (o.effective() == null || o.effective().isBefore(from) || o.effective().isAfter(now)
                    || !terms.any(PHQ9_ITEM9, o.codes())) {
                continue;
            }
            Double score = o.value();
            for (int i = 0; score == null && i < o.valueCodes().size(); i++) {
                Code answer = o.valueCodes().get(i);
                score = knowledge.answerScore(answer.system(), answer.code()).map(Integer::doubleValue).orElse(null);
            }
            if (score != null && score >= parameters.phqItem9Threshold()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("score", Details.round(score));
                row.put("date", Details.date(o.effective()));
                row.put("ref", o.ref());
                rows.add(row);
            }
        }
        return rows;
    }

    private static void addConditionFinding(List<Finding> findings, String topic, List<ConditionFact> conditions,
                                            List<String> draftOrderRefs) {
        if (conditions.isEmpty()) {
            return;
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("conditions", Details.conditionRows(conditions));
        findings.add(finding(topic, d, Diagnoses.refs(conditions), draftOrderRefs));
    }

    private static Finding finding(String topic, Map<String, Object> details, List<String> evidence,
                                   List<String> draftOrderRefs) {
        if (!draftOrderRefs.isEmpty()) {
            details.put("draftOrderRefs", draftOrderRefs);
            evidence.addAll(draftOrderRefs);
        }
        return new Finding(topic, details, evidence);
    }
}
