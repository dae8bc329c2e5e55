package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trdcds.knowledge.ProtocolParameters;
import org.trdcds.knowledge.SafetyParameters;

/**
 * Pregnancy (PROTOCOL-v3 section D, contraindication-pregnancy, blocks ketamine): an active pregnancy condition dated
 * in pregnancyConditionWindowDays, a pregnancy-status answer "pregnant" (v2), or a positive pregnancy test in
 * pregnancyTestWindowDays with no later negative test; each unless the pregnancy ended (an end-of-pregnancy condition
 * or procedure dated on or after it, the same day counting). An active hCG-secreting tumour turns a positive test into
 * a warning; an old positive test with no outcome or an hCG in other units are warning lines. An equivocal hCG is a
 * 'repeat the test' line of the checks (candidate card, session monitoring), and of this card only when it shows.
 */
final class Pregnancy {

    static final String PREGNANCY = "pregnancy";
    static final String PREGNANCY_STATUS = "pregnancy-status";
    static final String PREGNANT_ANSWER = "pregnant-answer";
    static final String END = "pregnancy-end";
    static final String END_PROCEDURES = "pregnancy-end-procedures";
    static final String TEST = "pregnancy-test";
    static final String POSITIVE = "pregnancy-test-positive";
    static final String NEGATIVE = "pregnancy-test-negative";
    static final String EXCLUDED_TESTS = "hcg-excluded-tests";
    static final String TUMOURS = "hcg-tumours";

    enum Reading {
        POSITIVE,
        NEGATIVE,
        EQUIVOCAL,
        UNCHECKED,
        UNKNOWN
    }

    private record Test(ObservationFact o, Reading reading, Double iuPerL) {}

    private final ProtocolParameters p;
    private final SafetyParameters s;

    Pregnancy(ProtocolParameters protocol, SafetyParameters safety) {
        this.p = protocol;
        this.s = safety;
    }

    /**
     * The finding's details and evidence (null when nothing to say) and the facts of the candidate card's list of
     * checks.
     */
    record Result(Map<String, Object> details, List<String> evidence, Map<String, Object> check) {

        /** The finding of the rule's topic, or null. */
        Finding finding(String topic) {
            return details == null ? null : new Finding(topic, details, evidence);
        }
    }

    Result assess(Assessment a, PatientFacts facts) {
        Instant now = a.now();
        Terms terms = a.terms();
        LocalDate end = latestEnd(a, facts);
        Instant conditionFrom = now.minus(Duration.ofDays(s.pregnancyConditionWindowDays()));
        Instant testFrom = now.minus(Duration.ofDays(s.pregnancyTestWindowDays()));
        List<ConditionFact> conditions = new ArrayList<>();
        List<Map<String, Object>> olderEnds = List.of();
        for (ConditionFact c : a.diagnoses().active(PREGNANCY)) {
            if (c.date() != null && c.date().isBefore(conditionFrom)) {
                continue;
            }
            if (ended(end, c.date())) {
                continue;
            }
            conditions.add(c);
        }
        List<String> evidence = Diagnoses.refs(conditions);
        List<Map<String, Object>> statuses = new ArrayList<>();
        ObservationFact status = latestStatus(facts, terms, now);
        if (status != null && terms.any(PREGNANT_ANSWER, status.valueCodes()) && !ended(end, status.effective())) {
            statuses.add(Map.of("date", Details.date(status.effective()), "ref", status.ref()));
            evidence.add(status.ref());
        }
        List<Test> tests = tests(facts, terms, now);
        Test latestTest = tests.isEmpty() ? null : tests.get(tests.size() - 1);
        Test positive = null;
        for (Test t : tests) {
            if (t.reading() == Reading.POSITIVE) {
                positive = t;
            } else if (t.reading() == Reading.NEGATIVE) {
                positive = null; // a later negative test answers an earlier positive one
            }
        }
        List<Map<String, Object>> positiveTests = new ArrayList<>();
        Map<String, Object> oldPositive = null;
        List<ConditionFact> tumours = a.diagnoses().active(TUMOURS);
        if (positive != null && !ended(end, positive.o().effective())) {
            if (!positive.o().effective().isBefore(testFrom)) {
                positiveTests.add(testRow(positive));
                evidence.add(positive.o().ref());
            } else if (!positive.o().effective().isBefore(conditionFrom)) {
                oldPositive = testRow(positive);
                evidence.add(positive.o().ref());
            }
        }
        Map<String, Object> equivocal = null;
        Map<String, Object> unchecked = null;
        if (latestTest != null && !latestTest.o().effective().isBefore(testFrom)) {
            if (latestTest.reading() == Reading.EQUIVOCAL) {
                equivocal = testRow(latestTest);
                evidence.add(latestTest.o().ref());
            } else if (latestTest.reading() == Reading.UNCHECKED) {
                unchecked = testRow(latestTest);
                evidence.add(latestTest.o().ref());
            }
        }
        if (end != null
                && (!conditions.isEmpty() || !statuses.isEmpty() || !positiveTests.isEmpty() || oldPositive != null)) {
            olderEnds = List.of(Map.of("date", end.toString())); // an end older than the evidence still standing
        }
        boolean withTumour = !tumours.isEmpty() && !positiveTests.isEmpty();
        boolean blocking =
                !conditions.isEmpty() || !statuses.isEmpty() || (!positiveTests.isEmpty() && tumours.isEmpty());
        // an equivocal hCG alone is a 'repeat the test' line of the checks (PROTOCOL-v3 D), not a pregnancy card
        boolean warning = !positiveTests.isEmpty() || oldPositive != null || unchecked != null;
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("conditionCount", facts.conditions().size());
        check.put("testRecorded", !tests.isEmpty());
        if (equivocal != null) {
            Map<String, Object> row = new LinkedHashMap<>(equivocal);
            row.put("hcgEquivocalFromIuPerL", Details.number(s.hcgEquivocalFromIuPerL()));
            row.put("hcgPositiveIuPerL", Details.number(s.hcgPositiveIuPerL()));
            check.put("equivocalTest", row);
        }
        if (!blocking && !warning) {
            return new Result(null, null, check);
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("conditions", Details.conditionRows(conditions));
        d.put("pregnancyStatus", statuses);
        d.put("positiveTests", positiveTests);
        d.put("tumours", withTumour ? Details.conditionRows(tumours) : List.of());
        d.put("oldPositiveTest", oldPositive);
        d.put("equivocalTest", equivocal);
        d.put("uncheckedTest", unchecked);
        d.put("olderEnds", olderEnds);
        d.put("testWindowDays", s.pregnancyTestWindowDays());
        d.put("conditionWindowDays", s.pregnancyConditionWindowDays());
        d.put("hcgPositiveIuPerL", Details.number(s.hcgPositiveIuPerL()));
        d.put("hcgEquivocalFromIuPerL", Details.number(s.hcgEquivocalFromIuPerL()));
        if (!blocking) {
            d.put(Blocks.WARNING_ONLY, true);
        }
        if (withTumour) {
            evidence.addAll(Diagnoses.refs(tumours));
        }
        return new Result(d, evidence, check);
    }

    /** Ended: an end of pregnancy dated on or after the evidence (the same day counts). */
    private static boolean ended(LocalDate end, Instant evidence) {
        return end != null && evidence != null && !end.isBefore(LocalDate.ofInstant(evidence, ZoneOffset.UTC));
    }

    private LocalDate latestEnd(Assessment a, PatientFacts facts) {
        Instant latest = null;
        for (ConditionFact c : a.diagnoses().ever(END, null, a.now())) {
            if (c.date() != null
                    && !c.date().isAfter(a.now())
                    && (latest == null || c.date().isAfter(latest))) {
                latest = c.date();
            }
        }
        for (ProcedureFact pr : facts.procedures()) {
            if (pr.start() != null
                    && !pr.start().isAfter(a.now())
                    && Segment.taken(pr.status())
                    && a.terms().any(END_PROCEDURES, pr.codes())
                    && (latest == null || pr.start().isAfter(latest))) {
                latest = pr.start();
            }
        }
        return latest == null ? null : LocalDate.ofInstant(latest, ZoneOffset.UTC);
    }

    private ObservationFact latestStatus(PatientFacts facts, Terms terms, Instant now) {
        Instant from = now.minus(Duration.ofDays(p.pregnancyStatusWindowDays()));
        ObservationFact latest = null;
        for (ObservationFact o : facts.observations()) {
            if (o.effective() != null
                    && !o.effective().isBefore(from)
                    && !o.effective().isAfter(now)
                    && terms.any(PREGNANCY_STATUS, o.codes())
                    && (latest == null || o.effective().isAfter(latest.effective()))) {
                latest = o;
            }
        }
        return latest;
    }

    /** The pregnancy tests up to now, oldest first (cord-blood hCG left out). */
    private List<Test> tests(PatientFacts facts, Terms terms, Instant now) {
        List<Test> tests = new ArrayList<>();
        for (ObservationFact o : facts.observations()) {
            if (o.effective() == null
                    || o.effective().isAfter(now)
                    || !terms.any(TEST, o.codes())
                    || terms.any(EXCLUDED_TESTS, o.codes())) {
                continue;
            }
            tests.add(read(o, terms));
        }
        tests.sort((x, y) -> x.o().effective().compareTo(y.o().effective()));
        return tests;
    }

    private Test read(ObservationFact o, Terms terms) {
        if (terms.any(POSITIVE, o.valueCodes())) {
            return new Test(o, Reading.POSITIVE, null);
        }
        if (terms.any(NEGATIVE, o.valueCodes())) {
            return new Test(o, Reading.NEGATIVE, null);
        }
        if (o.value() == null) {
            return new Test(o, Reading.UNKNOWN, null);
        }
        Double factor = o.unit() == null ? null : s.hcgUnitFactors().get(o.unit());
        if (factor == null) {
            return new Test(o, Reading.UNCHECKED, null);
        }
        double iu = o.value() * factor;
        Reading reading = iu >= s.hcgPositiveIuPerL()
                ? Reading.POSITIVE
                : iu >= s.hcgEquivocalFromIuPerL() ? Reading.EQUIVOCAL : Reading.NEGATIVE;
        return new Test(o, reading, iu);
    }

    private static Map<String, Object> testRow(Test t) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("test", Details.label(t.o().codes()));
        row.put("code", t.o().codes().isEmpty() ? null : t.o().codes().get(0).code());
        row.put(
                "result",
                t.o().value() != null
                        ? Details.number(t.o().value()) + " " + (t.o().unit() == null ? "" : t.o().unit())
                        : t.o().valueText() != null ? t.o().valueText() : Details.label(t.o().valueCodes()));
        row.put("iuPerL", Details.round(t.iuPerL()));
        row.put("date", Details.date(t.o().effective()));
        row.put("ref", t.o().ref());
        return row;
    }
}
