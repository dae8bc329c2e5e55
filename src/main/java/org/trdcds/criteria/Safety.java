package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trdcds.terminology.ProtocolParameters;

/**
 * Contraindications and cautions of docs/protocol.md section 4 (version 2), as findings without order references; which
 * modality each blocks is data ({@link Blocks}). Most urgent first.
 */
final class Safety {

    static final String HYPERTENSIVE_CRISIS = "hypertensive-crisis";
    static final String SUBSTANCE_USE = "substance-use-disorders-active";
    static final String INTRACTABLE_EPILEPSY = "epilepsy-intractable";
    static final String EPILEPSY = "epilepsy";
    static final String BIPOLAR = "bipolar-disorders";
    static final String PSYCHOTIC = "psychotic-disorders";
    static final String PREGNANCY = "pregnancy";
    static final String PREGNANCY_STATUS = "pregnancy-status";
    static final String PREGNANT_ANSWER = "pregnant-answer";
    static final String ANEURYSM = "vascular-aneurysm-avm";
    static final String HEMORRHAGE = "intracranial-hemorrhage";
    static final String MYOCARDIAL_INFARCTION = "myocardial-infarction";
    static final String CEREBRAL_EDEMA = "cerebral-edema";
    static final String TMS_IMPLANTS = "tms-implants";
    static final String TMS_IMPLANT_PROCEDURES = "tms-implant-procedures";

    private final ProtocolParameters p;
    private final ConcurrentMedications concurrent;

    Safety(ProtocolParameters parameters) {
        this.p = parameters;
        this.concurrent = new ConcurrentMedications(parameters);
    }

    List<Finding> assess(Assessment a, PatientFacts facts) {
        Diagnoses dx = a.diagnoses();
        Instant now = a.now();
        List<Finding> findings = new ArrayList<>();
        BloodPressure.Result bp = a.bloodPressure();
        List<ConditionFact> crisis = dx.activeSince(HYPERTENSIVE_CRISIS,
                now.minus(Duration.ofDays(p.bloodPressureWindowDays())));
        if (!crisis.isEmpty() || bp.uncontrolled()) {
            Map<String, Object> d = bpDetails(bp);
            d.put("conditions", Details.conditionRows(crisis));
            List<String> evidence = Diagnoses.refs(crisis);
            if (bp.uncontrolled()) {
                evidence.addAll(bp.refs());
            }
            findings.add(new Finding(Topics.UNCONTROLLED_HYPERTENSION, d, evidence));
        }
        conditions(findings, Topics.ACTIVE_SUBSTANCE_USE, dx.active(SUBSTANCE_USE));
        List<ConditionFact> intractable = dx.active(INTRACTABLE_EPILEPSY);
        conditions(findings, Topics.UNCONTROLLED_SEIZURES, intractable);
        pregnancy(findings, a, facts);
        List<ConditionFact> vascular = new ArrayList<>(dx.present(ANEURYSM));
        addNew(vascular, dx.ever(HEMORRHAGE, null, now));
        addNew(vascular, dx.ever(MYOCARDIAL_INFARCTION,
                now.minus(Duration.ofDays(p.myocardialInfarctionWindowDays())), now));
        addNew(vascular, dx.active(CEREBRAL_EDEMA));
        conditions(findings, Topics.VASCULAR, vascular);
        implants(findings, a, facts);
        if (bp.elevated()) {
            findings.add(new Finding(Topics.BLOOD_PRESSURE_ELEVATED, bpDetails(bp), new ArrayList<>(bp.refs())));
        }
        if (intractable.isEmpty()) {
            conditions(findings, Topics.SEIZURE_CAUTION, dx.active(EPILEPSY));
        }
        conditions(findings, Topics.PSYCHOSIS_CAUTION, dx.active(PSYCHOTIC));
        conditions(findings, Topics.BIPOLAR_MANIC_SWITCH, dx.present(BIPOLAR));
        Finding medications = concurrent.assess(facts.medications(), a.terms(), now);
        if (medications != null) {
            findings.add(medications);
        }
        return findings;
    }

    private Map<String, Object> bpDetails(BloodPressure.Result bp) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("meanSystolic", Details.round(bp.meanSystolic()));
        d.put("meanDiastolic", Details.round(bp.meanDiastolic()));
        d.put("maxSystolic", Details.round(bp.maxSystolic()));
        d.put("maxDiastolic", Details.round(bp.maxDiastolic()));
        d.put("systolicReadings", bp.systolicCount());
        d.put("diastolicReadings", bp.diastolicCount());
        d.put("excludedReadings", bp.excluded());
        d.put("bloodPressureUncontrolled", bp.uncontrolled());
        d.put("windowDays", p.bloodPressureWindowDays());
        d.put("readings", p.bloodPressureReadings());
        d.put("postSessionExclusionHours", p.postSessionExclusionHours());
        d.put("systolicLimit", Details.number(p.systolicBlockLimit()));
        d.put("diastolicLimit", Details.number(p.diastolicBlockLimit()));
        d.put("systolicWarning", Details.number(p.systolicLimit()));
        d.put("diastolicWarning", Details.number(p.diastolicLimit()));
        d.put("systolicSingleLimit", Details.number(p.systolicSingleLimit()));
        d.put("diastolicSingleLimit", Details.number(p.diastolicSingleLimit()));
        d.put("meanAboveLimit", above(bp.meanSystolic(), p.systolicBlockLimit())
                || above(bp.meanDiastolic(), p.diastolicBlockLimit()));
        d.put("readingAboveLimit", above(bp.maxSystolic(), p.systolicSingleLimit())
                || above(bp.maxDiastolic(), p.diastolicSingleLimit()));
        d.put("readingsFrom", Details.date(bp.from()));
        d.put("readingsTo", Details.date(bp.to()));
        return d;
    }

    private static boolean above(Double value, double limit) {
        return value != null && value >= limit;
    }

    private void pregnancy(List<Finding> findings, Assessment a, PatientFacts facts) {
        Instant from = a.now().minus(Duration.ofDays(p.pregnancyWindowDays()));
        List<ConditionFact> conditions = new ArrayList<>();
        for (ConditionFact c : a.diagnoses().active(PREGNANCY)) {
            if (c.date() == null || !c.date().isBefore(from)) {
                conditions.add(c);
            }
        }
        Instant statusFrom = a.now().minus(Duration.ofDays(p.pregnancyStatusWindowDays()));
        List<Map<String, Object>> statuses = new ArrayList<>();
        List<String> evidence = Diagnoses.refs(conditions);
        ObservationFact latestStatus = null;
        for (ObservationFact o : facts.observations()) {
            if (o.effective() != null && !o.effective().isBefore(statusFrom) && !o.effective().isAfter(a.now())
                    && a.terms().any(PREGNANCY_STATUS, o.codes())
                    && (latestStatus == null || o.effective().isAfter(latestStatus.effective()))) {
                latestStatus = o;
            }
        }
        if (latestStatus != null && a.terms().any(PREGNANT_ANSWER, latestStatus.valueCodes())) {
            statuses.add(Map.of("date", Details.date(latestStatus.effective()), "ref", latestStatus.ref()));
            evidence.add(latestStatus.ref());
        }
        if (!conditions.isEmpty() || !statuses.isEmpty()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("conditions", Details.conditionRows(conditions));
            d.put("pregnancyStatus", statuses);
            findings.add(new Finding(Topics.PREGNANCY, d, evidence));
        }
    }

    private void implants(List<Finding> findings, Assessment a, PatientFacts facts) {
        List<ConditionFact> devices = a.diagnoses().present(TMS_IMPLANTS);
        List<Map<String, Object>> procedures = new ArrayList<>();
        List<String> evidence = Diagnoses.refs(devices);
        for (ProcedureFact pr : facts.procedures()) {
            if (Segment.taken(pr.status()) && a.terms().any(TMS_IMPLANT_PROCEDURES, pr.codes())) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("procedure", Details.label(pr.codes()));
                row.put("code", pr.codes().isEmpty() ? null : pr.codes().get(0).code());
                row.put("date", Details.date(pr.start()));
                row.put("ref", pr.ref());
                procedures.add(row);
                evidence.add(pr.ref());
            }
        }
        if (!devices.isEmpty() || !procedures.isEmpty()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("conditions", Details.conditionRows(devices));
            d.put("procedures", procedures);
            findings.add(new Finding(Topics.TMS_IMPLANT, d, evidence));
        }
    }

    private static void addNew(List<ConditionFact> to, List<ConditionFact> from) {
        for (ConditionFact c : from) {
            if (!to.contains(c)) {
                to.add(c);
            }
        }
    }

    private static void conditions(List<Finding> findings, String topic, List<ConditionFact> conditions) {
        if (conditions.isEmpty()) {
            return;
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("conditions", Details.conditionRows(conditions));
        findings.add(new Finding(topic, d, Diagnoses.refs(conditions)));
    }

    /** A copy of a finding naming the draft orders it concerns (and, for a block, the ones to delete). */
    static Finding forOrders(Finding f, List<String> orderRefs, List<String> deleteRefs) {
        Map<String, Object> d = new LinkedHashMap<>(f.details());
        List<String> evidence = new ArrayList<>(f.evidence());
        d.put("orderRefs", orderRefs);
        if (!deleteRefs.isEmpty()) {
            d.put("draftOrderRefs", deleteRefs);
            d.put("deletes", true);
        }
        evidence.addAll(orderRefs);
        return new Finding(f.topic(), d, evidence);
    }
}
