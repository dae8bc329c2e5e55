package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trdcds.knowledge.Modality;
import org.trdcds.knowledge.OrderParameters;
import org.trdcds.knowledge.ProtocolParameters;

/**
 * The order-sign / order-select findings of docs/protocol.md section 5 (version 2, as changed by PROTOCOL-v3 section E),
 * for the selected, in-scope draft ketamine, esketamine and TMS orders. A contraindication deletes only orders of the modality it blocks; a blocked
 * order gets no weight, monitoring or dose-deviation card (a dose above the ceiling is always stated).
 */
final class OrderChecks {

    /** Value set of pregnancy tests (V3-IDS: pregnancy-test). */
    static final String PREGNANCY_TEST = "pregnancy-test";

    private final ProtocolParameters p;
    private final OrderParameters o;
    private final Safety safety;
    private final Blocks blocks;
    private final DoseCheck doseCheck;
    private final EsketamineDoseCheck esketamineCheck;

    OrderChecks(ProtocolParameters parameters, OrderParameters orderParameters, Safety safety, Blocks blocks) {
        this.p = parameters;
        this.o = orderParameters;
        this.safety = safety;
        this.blocks = blocks;
        this.doseCheck = new DoseCheck(parameters);
        this.esketamineCheck = new EsketamineDoseCheck(orderParameters);
    }

    List<Finding> decide(Assessment a, PatientFacts facts) {
        Double kg = a.weight().ref() == null ? null : a.weight().kg();
        boolean withTms = false;
        for (DraftOrder order : facts.draftOrders()) {
            withTms |= Modality.TMS.equals(OrderScope.modality(order, a.terms()));
        }
        List<OrderScope.Scoped> scoped = new ArrayList<>();
        for (DraftOrder order : facts.draftOrders()) {
            Modality modality = order.selected() ? OrderScope.modality(order, a.terms()) : null;
            if (modality != null
                    && OrderScope.inScope(order, modality, a.terms(), a.courses(), o, a.now(), withTms, kg)) {
                scoped.add(new OrderScope.Scoped(order, modality));
            }
        }
        List<Finding> findings = new ArrayList<>();
        if (scoped.isEmpty()) {
            return findings;
        }
        List<String> refs = new ArrayList<>();
        Set<Modality> blockable = new LinkedHashSet<>();
        for (OrderScope.Scoped s : scoped) {
            refs.add(s.order().ref());
            blockable.add(s.blockedAs());
        }
        if (a.suicide().finding() != null) {
            findings.add(Safety.forOrders(a.suicide().finding(), refs, List.of()));
        }
        Integer age = AgeCheck.age(facts.birthDate(), a.now());
        if (a.minor() && age != null) {
            findings.add(AgeCheck.outsideAge(age, p.minAgeYears(), scoped, kg != null));
        }
        Set<Modality> blocked = new LinkedHashSet<>();
        for (Finding f : safety.assess(a, facts)) {
            Set<Modality> modalities = blocks.of(f);
            if (!modalities.isEmpty()) {
                List<String> deletes = new ArrayList<>();
                for (Modality modality : modalities) {
                    if (blockable.contains(modality)) {
                        deletes.addAll(refsOf(scoped, modality));
                        blocked.add(modality);
                    }
                }
                if (!deletes.isEmpty()) {
                    findings.add(Safety.forOrders(f, refs, deletes));
                }
            } else if (blocks.concerns(f.topic()) == null || blockable.contains(blocks.concerns(f.topic()))) {
                findings.add(Safety.forOrders(f, refs, List.of()));
            }
        }
        if (a.trd().status() != Trd.Status.ESTABLISHED) {
            findings.add(notFirstLine(a, refs));
        }
        boolean isBlocked = blocked.contains(Modality.KETAMINE);
        for (OrderScope.Scoped s : scoped) {
            if (Modality.ESKETAMINE.equals(s.modality())) {
                Finding check = esketamineCheck.check(
                        s.order(), age, esketamineSessions(a), urgent(a, s.order()), a.now(), a.minor());
                if (check != null
                        && (!isBlocked || Boolean.TRUE.equals(check.details().get("aboveCritical")))) {
                    check.details().put("blocked", isBlocked);
                    findings.add(check);
                }
                continue;
            }
            if (!Modality.KETAMINE.equals(s.modality())) {
                continue;
            }
            Weight.Result weight = a.weight().ref() == null ? null : a.weight();
            if (weight == null && !isBlocked) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("weightWindowDays", p.weightWindowDays());
                d.put("draftOrderRef", s.order().ref());
                d.put("ignoredWeights", a.weight().ignored());
                d.put("weightMinKg", Details.number(p.weightMinKg()));
                d.put("weightMaxKg", Details.number(p.weightMaxKg()));
                findings.add(
                        new Finding(Topics.WEIGHT_MISSING, d, List.of(s.order().ref())));
            }
            Finding check = doseCheck.check(
                    s.order(),
                    weight,
                    isBlocked,
                    a.terms()
                            .ingredient(Modality.KETAMINE.valueSet(), s.order().codes(), null)
                            .map(Terms.Ingredient::product)
                            .orElse(null),
                    a.minor(),
                    age == null);
            if (check != null) {
                findings.add(check);
            }
        }
        if (a.baseline() == null) {
            findings.add(Screening.baselineMissing(p, a, refs));
        }
        Finding olderAdult = safety.olderAdults(a, facts, scoped);
        if (olderAdult != null) {
            findings.add(olderAdult);
        }

        Finding bloodPressure = bloodPressureUnknown(a, scoped, isBlocked);
        if (bloodPressure != null) {
            findings.add(bloodPressure);
        }
        Finding monitoring = monitoring(a, facts, scoped, blocked, age);
        if (monitoring != null) {
            findings.add(monitoring);
        }
        return findings;
    }

    /** PROTOCOL-v3 E: an in-scope ketamine or esketamine order, not blocked, and no usable blood pressure. */
    private Finding bloodPressureUnknown(Assessment a, List<OrderScope.Scoped> scoped, boolean ketamineBlocked) {
        if (ketamineBlocked || a.bloodPressure().known()) {
            return null;
        }
        List<String> refs = new ArrayList<>();
        for (OrderScope.Scoped s : scoped) {
            if (s.blockedAs() == Modality.KETAMINE) {
                refs.add(s.order().ref());
            }
        }
        if (refs.isEmpty()) {
            return null;
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("windowDays", p.bloodPressureWindowDays());
        d.put("systolicReadings", a.bloodPressure().systolicCount());
        d.put("diastolicReadings", a.bloodPressure().diastolicCount());
        d.put("orderRefs", refs);
        List<String> evidence = new ArrayList<>(refs);
        evidence.addAll(a.bloodPressure().refs());
        return new Finding(Topics.BLOOD_PRESSURE_UNKNOWN, d, evidence);
    }

    private static List<Instant> esketamineSessions(Assessment a) {
        List<Instant> sessions = new ArrayList<>();
        for (Course c : a.courses()) {
            if (Modality.ESKETAMINE.equals(c.kind())) {
                c.segments().forEach(s -> sessions.add(s.start()));
            }
        }
        return sessions;
    }

    /** An urgent trigger of section C in the record, or a suicidal-ideation or attempt reason on the order. */
    private static boolean urgent(Assessment a, DraftOrder order) {
        return a.suicide().tier() == Suicide.Tier.URGENT
                || a.terms().any(Diagnoses.SUICIDAL_IDEATION, order.reasons())
                || a.terms().any(Diagnoses.SUICIDE_ATTEMPT, order.reasons());
    }

    private static List<String> refsOf(List<OrderScope.Scoped> scoped, Modality blockedModality) {
        List<String> refs = new ArrayList<>();
        for (OrderScope.Scoped s : scoped) {
            if (s.blockedAs().equals(blockedModality)) {
                refs.add(s.order().ref());
            }
        }
        return refs;
    }

    /** Once per course and per modality: only orders of a modality with no session in the last courseGapDays. */
    private Finding monitoring(
            Assessment a, PatientFacts facts, List<OrderScope.Scoped> scoped, Set<Modality> blocked, Integer age) {
        Instant recent = a.now().minus(Duration.ofDays(p.courseGapDays()));
        Set<Modality> modalities = new LinkedHashSet<>();
        List<String> refs = new ArrayList<>();
        List<Object> labels = new ArrayList<>();
        for (OrderScope.Scoped s : scoped) {
            if (blocked.contains(s.blockedAs()) || sessionSince(a.courses(), s.modality(), recent)) {
                continue;
            }
            modalities.add(s.modality());
            refs.add(s.order().ref());
            labels.add(s.label());
        }
        if (refs.isEmpty()) {
            return null;
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("orders", Phrase.of("list.semicolons", "items", labels));
        d.put("ketamine", modalities.contains(Modality.KETAMINE));
        d.put("esketamine", modalities.contains(Modality.ESKETAMINE));
        d.put("tms", modalities.contains(Modality.TMS));
        d.put("coincident", modalities.contains(Modality.KETAMINE) && modalities.contains(Modality.TMS));
        d.put("courseGapDays", p.courseGapDays());
        d.put("draftOrderRefs", refs);
        d.put("ageUnknown", age == null);
        d.put("pregnancyStatus", couldBePregnant(facts, age) && !pregnancyTestSince(a, facts));
        d.put("pregnancyTestWindowDays", o.pregnancyTestWindowDays());
        if (modalities.contains(Modality.KETAMINE) || modalities.contains(Modality.ESKETAMINE)) {
            d.put("pregnancyCheck", safety.pregnancyCheck(a, facts)); // an equivocal hCG: repeat the test
        }
        return new Finding(Topics.SESSION_MONITORING, d, refs);
    }

    /** PROTOCOL-v3 E: female, pregnancyPossibleMinAge to pregnancyPossibleMaxAge years (unknown age counts). */
    private boolean couldBePregnant(PatientFacts facts, Integer age) {
        return "female".equals(facts.gender())
                && (age == null || age >= o.pregnancyPossibleMinAge() && age <= o.pregnancyPossibleMaxAge());
    }

    private boolean pregnancyTestSince(Assessment a, PatientFacts facts) {
        Instant from = a.now().minus(Duration.ofDays(o.pregnancyTestWindowDays()));
        for (ObservationFact obs : facts.observations()) {
            if (obs.effective() != null
                    && !obs.effective().isBefore(from)
                    && !obs.effective().isAfter(a.now())
                    && a.terms().any(PREGNANCY_TEST, obs.codes())) {
                return true;
            }
        }
        return false;
    }

    private static boolean sessionSince(List<Course> courses, Modality modality, Instant from) {
        for (Course c : courses) {
            if (c.kind().equals(modality) && !c.lastDate().isBefore(from)) {
                return true;
            }
        }
        return false;
    }

    private Finding notFirstLine(Assessment a, List<String> refs) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put(
                "trdStatus",
                a.trd().status() == Trd.Status.UNKNOWN ? Phrase.of("trd.unknown") : Phrase.of("trd.notEstablished"));
        d.put("trials", Rows.trials(a.trd().failed()));
        d.put("uncertainTrials", Rows.trials(a.trd().uncertain()));
        d.put("failedCount", a.trd().failed().size());
        d.put("minFailedTrials", p.minFailedTrials());
        d.put("adequateTrialDays", p.adequateTrialDays());
        d.put("trdWindowDays", p.trdWindowDays());
        d.put("bipolarPathway", a.trd().bipolar());
        d.put("failureDefinition", p.failureDefinition());
        d.put("draftOrderRefs", refs);
        List<String> evidence = new ArrayList<>(refs);
        evidence.addAll(Rows.trialRefs(a.trd().failed()));
        evidence.addAll(Rows.trialRefs(a.trd().uncertain()));
        return new Finding(Topics.NOT_FIRST_LINE, d, evidence);
    }
}
