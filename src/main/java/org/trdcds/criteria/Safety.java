package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trdcds.knowledge.ProtocolParameters;
import org.trdcds.knowledge.SafetyParameters;

/**
 * Contraindications and cautions of docs/protocol.md section 4 (version 2, as changed by PROTOCOL-v3 section D), as findings without order references; which
 * modality each blocks is data ({@link Blocks}). Most urgent first.
 */
final class Safety {

    static final String HYPERTENSIVE_CRISIS = "hypertensive-crisis";
    static final String SUBSTANCE_USE = "substance-use-disorders-active";
    static final String INTRACTABLE_EPILEPSY = "epilepsy-intractable";
    static final String EPILEPSY = "epilepsy";
    static final String BIPOLAR = "bipolar-disorders";
    static final String PSYCHOTIC = "psychotic-disorders";
    static final String ANEURYSM = "vascular-aneurysm-avm";
    static final String HEMORRHAGE = "intracranial-hemorrhage";
    static final String MYOCARDIAL_INFARCTION = "myocardial-infarction";
    static final String CEREBRAL_EDEMA = "cerebral-edema";

    private final ProtocolParameters p;
    private final ConcurrentMedications concurrent;
    private final Pregnancy pregnancy;
    private final Lactation lactation;
    private final OlderAdults olderAdults;
    private final List<Rule> rules;

    Safety(ProtocolParameters parameters, SafetyParameters safety) {
        this.p = parameters;
        this.concurrent = new ConcurrentMedications(parameters);
        this.pregnancy = new Pregnancy(parameters, safety);
        this.lactation = new Lactation(safety);
        this.olderAdults = new OlderAdults(safety);
        this.rules = rules();
    }

    /** One contraindication or caution: the facts to a finding of its topic, or null. */
    @FunctionalInterface
    interface Rule {
        Finding assess(Assessment a, PatientFacts facts);
    }

    /**
     * Every contraindication and caution, most urgent first (the order of the cards within one indicator). Adding a
     * contraindication adds its rule class here (docs/adding-a-contraindication.md).
     */
    private List<Rule> rules() {
        return List.of(
                this::uncontrolledHypertension,
                (a, facts) -> conditions(
                        Topics.ACTIVE_SUBSTANCE_USE,
                        MedicationCautions.blockingSubstanceUse(
                                a.diagnoses().active(SUBSTANCE_USE), moud(a, facts), a.terms())),
                (a, facts) ->
                        conditions(Topics.UNCONTROLLED_SEIZURES, a.diagnoses().active(INTRACTABLE_EPILEPSY)),
                (a, facts) -> pregnancy.assess(a, facts).finding(),
                this::vascular,
                Implants::assess,
                (a, facts) -> a.bloodPressure().elevated()
                        ? new Finding(
                                Topics.BLOOD_PRESSURE_ELEVATED,
                                bpDetails(a.bloodPressure()),
                                new ArrayList<>(a.bloodPressure().refs()))
                        : null,
                lactation::assess,
                (a, facts) -> a.diagnoses().active(INTRACTABLE_EPILEPSY).isEmpty()
                        ? conditions(Topics.SEIZURE_CAUTION, a.diagnoses().active(EPILEPSY))
                        : null,
                (a, facts) -> conditions(Topics.PSYCHOSIS_CAUTION, a.diagnoses().active(PSYCHOTIC)),
                (a, facts) ->
                        conditions(Topics.BIPOLAR_MANIC_SWITCH, a.diagnoses().present(BIPOLAR)),
                (a, facts) -> MedicationCautions.withV3Lines(
                        concurrent.assess(facts.medications(), a.terms(), a.now()),
                        a,
                        facts,
                        moud(a, facts),
                        p.seizureThresholdMgPerDay()));
    }

    List<Finding> assess(Assessment a, PatientFacts facts) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            add(findings, rule.assess(a, facts));
        }
        return findings;
    }

    private static List<MedicationFact> moud(Assessment a, PatientFacts facts) {
        return MedicationCautions.activeMoud(facts, a.terms(), a.now());
    }

    private Finding uncontrolledHypertension(Assessment a, PatientFacts facts) {
        BloodPressure.Result bp = a.bloodPressure();
        List<ConditionFact> crisis = a.diagnoses()
                .activeSince(HYPERTENSIVE_CRISIS, a.now().minus(Duration.ofDays(p.bloodPressureWindowDays())));
        if (crisis.isEmpty() && !bp.uncontrolled()) {
            return null;
        }
        Map<String, Object> d = bpDetails(bp);
        d.put("conditions", Details.conditionRows(crisis));
        List<String> evidence = Diagnoses.refs(crisis);
        if (bp.uncontrolled()) {
            evidence.addAll(bp.refs());
        }
        return new Finding(Topics.UNCONTROLLED_HYPERTENSION, d, evidence);
    }

    /** The vascular block; a myocardial infarction known only by its recordedDate is a warning line, not a block. */
    private Finding vascular(Assessment a, PatientFacts facts) {
        Diagnoses dx = a.diagnoses();
        Instant now = a.now();
        List<ConditionFact> blocking = new ArrayList<>(dx.present(ANEURYSM));
        addNew(blocking, dx.ever(HEMORRHAGE, null, now));
        List<ConditionFact> onsetUnknown = new ArrayList<>();
        for (ConditionFact mi :
                dx.ever(MYOCARDIAL_INFARCTION, now.minus(Duration.ofDays(p.myocardialInfarctionWindowDays())), now)) {
            (mi.onset() == null ? onsetUnknown : blocking).add(mi); // known only by its recordedDate: a warning line
        }
        addNew(blocking, dx.active(CEREBRAL_EDEMA));
        if (blocking.isEmpty() && onsetUnknown.isEmpty()) {
            return null;
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("conditions", Details.conditionRows(blocking));
        d.put("onsetUnknown", Details.conditionRows(onsetUnknown));
        if (blocking.isEmpty()) {
            d.put(Blocks.WARNING_ONLY, true);
        }
        List<String> evidence = Diagnoses.refs(blocking);
        evidence.addAll(Diagnoses.refs(onsetUnknown));
        return new Finding(Topics.VASCULAR, d, evidence);
    }

    private static void add(List<Finding> findings, Finding finding) {
        if (finding != null) {
            findings.add(finding);
        }
    }

    /** The pregnancy check as it ran (conditions read, a test recorded, an equivocal test to repeat). */
    Map<String, Object> pregnancyCheck(Assessment a, PatientFacts facts) {
        return pregnancy.assess(a, facts).check();
    }

    /** Order hooks: older-adult-caution for the first ketamine or esketamine order of a course, or null. */
    Finding olderAdults(Assessment a, PatientFacts facts, List<OrderScope.Scoped> scoped) {
        return olderAdults.forOrders(a, facts, scoped);
    }

    /**
     * Patient-view: the v3 lines of the candidate card (older adult or cognition; the pregnancy check as it ran),
     * added to its details; they never hold it back.
     */
    void candidateLines(Assessment a, PatientFacts facts, List<Finding> findings) {
        for (Finding f : findings) {
            if (Topics.COMBINATION_CANDIDATE.equals(f.topic())) {
                Map<String, Object> older = olderAdults.facts(a, facts.birthDate());
                if (older != null) {
                    older.remove("refs");
                }
                f.details().put("olderAdult", older);
                f.details().put("pregnancyCheck", pregnancy.assess(a, facts).check());
            }
        }
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
        d.put(
                "meanAboveLimit",
                above(bp.meanSystolic(), p.systolicBlockLimit()) || above(bp.meanDiastolic(), p.diastolicBlockLimit()));
        d.put(
                "readingAboveLimit",
                above(bp.maxSystolic(), p.systolicSingleLimit()) || above(bp.maxDiastolic(), p.diastolicSingleLimit()));
        d.put("readingsFrom", Details.date(bp.from()));
        d.put("readingsTo", Details.date(bp.to()));
        return d;
    }

    private static boolean above(Double value, double limit) {
        return value != null && value >= limit;
    }

    private static void addNew(List<ConditionFact> to, List<ConditionFact> from) {
        for (ConditionFact c : from) {
            if (!to.contains(c)) {
                to.add(c);
            }
        }
    }

    private static Finding conditions(String topic, List<ConditionFact> conditions) {
        if (conditions.isEmpty()) {
            return null;
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("conditions", Details.conditionRows(conditions));
        return new Finding(topic, d, Diagnoses.refs(conditions));
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
