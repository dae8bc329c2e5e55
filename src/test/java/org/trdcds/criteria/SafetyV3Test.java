package org.trdcds.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trdcds.criteria.FactsFixture.daysAgo;
import static org.trdcds.criteria.TestKnowledge.CPT;
import static org.trdcds.criteria.TestKnowledge.ICD10CM;
import static org.trdcds.criteria.TestKnowledge.LOINC;
import static org.trdcds.criteria.TestKnowledge.SNOMED;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PROTOCOL-v3 section D, one row per rule. Rows marked "v2:" fail under protocol version 2.
 */
class SafetyV3Test {

    private final Decision decision = new DecisionFactory(new TestKnowledge()).at(FactsFixture.CLOCK);

    private static PatientFacts facts(FactsFixture f, LocalDate birthDate) {
        return new PatientFacts(
                "p-1", birthDate, f.conditions, f.medications, f.observations, f.procedures, f.orders, Set.of());
    }

    private List<Finding> screen(FactsFixture f) {
        return decision.decide(f.facts(), HookKind.SCREENING);
    }

    private List<Finding> orders(FactsFixture f, LocalDate birthDate) {
        return decision.decide(facts(f, birthDate), HookKind.ORDER_CHECK);
    }

    private static List<String> topics(List<Finding> findings) {
        return findings.stream().map(Finding::topic).toList();
    }

    private static Finding find(List<Finding> findings, String topic) {
        return findings.stream()
                .filter(x -> x.topic().equals(topic))
                .findFirst()
                .orElseThrow();
    }

    private static FactsFixture test(
            FactsFixture f, String loinc, long daysAgo, Double value, String unit, String answer) {
        f.observations.add(new ObservationFact(
                "Observation/t-" + f.observations.size(),
                List.of(new Code(LOINC, loinc)),
                daysAgo(daysAgo),
                value,
                unit,
                answer == null ? List.of() : List.of(new Code(SNOMED, answer)),
                List.of(),
                "final",
                null));
        return f;
    }

    private static FactsFixture tmsOrder(FactsFixture f) {
        f.orders.add(new DraftOrder(
                "ServiceRequest/tms", "ServiceRequest", List.of(new Code(CPT, "90868")), "TMS", null, true));
        return f;
    }

    // --- pregnancy

    @ParameterizedTest(name = "{0} dated {1} days ago -> pregnancy {2}")
    @CsvSource({
        "O99.342, 100, true", // v2: O99.342 not in the set (VSAC Pregnancy, complete)
        "Z34.90, 290, true", // v2: 280-day window
        "Z34.90, 310, false"
    })
    void aPregnancyConditionIn300Days(String code, long daysAgo, boolean pregnant) {
        FactsFixture f = FactsFixture.candidate().condition(code, "active", daysAgo);
        assertThat(topics(screen(f)).contains(SafetyTopics.PREGNANCY)).isEqualTo(pregnant);
        assertThat(topics(screen(f)).contains(Topics.COMBINATION_CANDIDATE)).isEqualTo(!pregnant);
    }

    @ParameterizedTest(name = "{0} {1} {2} / {3}, {4} days ago -> {5}")
    @CsvSource(
            nullValues = "none",
            value = {
                "2106-3, none, none, 10828004, 10, block", // v2: no pregnancy test rule
                "2118-8, none, none, 260373001, 10, block",
                "19080-1, 30, [IU]/L, none, 10, block", // hCG >= 25 IU/L
                "19080-1, 25, m[IU]/mL, none, 10, block",
                "19080-1, 24, m[IU]/mL, none, 10, repeat", // equivocal 5-24: a 'repeat the test' line, no card
                "19080-1, 4, [IU]/L, none, 10, none",
                "55870-0, 300, [IU]/L, none, 10, none", // cord blood
                "19080-1, 300, ng/mL, none, 10, warning", // other units: could not check
                "2106-3, none, none, 10828004, 60, warning", // older than 30 days, no outcome: a warning line
                "2106-3, none, none, 10828004, 320, none"
            })
    void pregnancyTests(String loinc, Double value, String unit, String answer, long daysAgo, String expected) {
        FactsFixture f = test(FactsFixture.candidate(), loinc, daysAgo, value, unit, answer);
        List<Finding> findings = screen(f);
        if ("none".equals(expected) || expected == null || "repeat".equals(expected)) {
            assertThat(topics(findings)).doesNotContain(SafetyTopics.PREGNANCY).contains(Topics.COMBINATION_CANDIDATE);
            Object check =
                    find(findings, Topics.COMBINATION_CANDIDATE).details().get("pregnancyCheck");
            assertThat(((java.util.Map<?, ?>) check).get("equivocalTest") != null)
                    .as("the candidate's pregnancy check: repeat the test")
                    .isEqualTo("repeat".equals(expected));
            return;
        }
        Finding card = find(findings, SafetyTopics.PREGNANCY);
        assertThat(card.details().containsKey(Blocks.WARNING_ONLY)).isEqualTo("warning".equals(expected));
        assertThat(topics(findings).contains(Topics.COMBINATION_CANDIDATE)).isEqualTo("warning".equals(expected));
        if ("ng/mL".equals(unit)) {
            assertThat(card.details().get("uncheckedTest")).isNotNull();
        }
        if (daysAgo == 60) {
            assertThat(card.details().get("oldPositiveTest")).isNotNull();
        }
    }

    @Test
    void aLaterNegativeTestAnswersAPositiveOne() {
        FactsFixture f = test(
                test(FactsFixture.candidate(), "2106-3", 10, null, null, "10828004"),
                "2106-3",
                3,
                null,
                null,
                "260385009");
        assertThat(topics(screen(f))).doesNotContain(SafetyTopics.PREGNANCY);
    }

    @Test
    void anHcgTumourTurnsAPositiveTestIntoAWarning() {
        FactsFixture f =
                test(FactsFixture.candidate().condition("C58", "active", 40), "19080-1", 5, 900.0, "[IU]/L", null);
        Finding card = find(screen(f), SafetyTopics.PREGNANCY);
        assertThat(card.details()).containsEntry(Blocks.WARNING_ONLY, true);
        assertThat((List<?>) card.details().get("tumours")).hasSize(1);
    }

    @ParameterizedTest(name = "pregnancy {0} days ago, end {1} {2} days ago -> pregnant {3}")
    @CsvSource({
        "100, O80, 100, false", // the same day counts (v2: delivery not read)
        "100, O80, 20, false",
        "100, O80, 150, true",
        "100, 59400, 50, false"
    })
    void anEndOfPregnancyOnOrAfterTheEvidenceEndsIt(
            long pregnancyDaysAgo, String end, long endDaysAgo, boolean pregnant) {
        FactsFixture f = FactsFixture.candidate().condition("Z34.90", "active", pregnancyDaysAgo);
        if (end.startsWith("O")) {
            f.condition(end, "resolved", endDaysAgo);
        } else {
            f.procedures.add(new ProcedureFact(
                    "Procedure/del",
                    List.of(new Code(CPT, end)),
                    "completed",
                    daysAgo(endDaysAgo),
                    daysAgo(endDaysAgo)));
        }
        List<Finding> findings = screen(f);
        assertThat(topics(findings).contains(SafetyTopics.PREGNANCY)).isEqualTo(pregnant);
        if (pregnant) {
            assertThat((List<?>)
                            find(findings, SafetyTopics.PREGNANCY).details().get("olderEnds"))
                    .hasSize(1);
        }
    }

    @Test
    void theChecksListSaysNoTestRecordedOrNoPositiveTest() { // v2: "pregnancy" alone
        Finding none = find(screen(FactsFixture.candidate()), Topics.COMBINATION_CANDIDATE);
        assertThat(none.details().get("pregnancyCheck")).isEqualTo(Map.of("conditionCount", 1, "testRecorded", false));
        Finding negative = find(
                screen(test(FactsFixture.candidate(), "2106-3", 3, null, null, "260385009")),
                Topics.COMBINATION_CANDIDATE);
        assertThat(negative.details().get("pregnancyCheck"))
                .isEqualTo(Map.of("conditionCount", 1, "testRecorded", true));
    }

    // --- breastfeeding

    @Test
    void breastfeedingIsALactationCautionOnEveryHookBesideKetamine() { // v2: no such topic
        FactsFixture f = FactsFixture.candidate().condition("Z39.1", "active", 100);
        assertThat(topics(screen(f))).contains(SafetyTopics.LACTATION_CAUTION, Topics.COMBINATION_CANDIDATE);
        assertThat(topics(orders(f.ketamineOrder("MedicationRequest/k", 40.0, 40.0), null)))
                .contains(SafetyTopics.LACTATION_CAUTION);
        FactsFixture tmsOnly = tmsOrder(FactsFixture.candidate().condition("Z39.1", "active", 100));
        assertThat(topics(orders(tmsOnly, null))).doesNotContain(SafetyTopics.LACTATION_CAUTION);
        FactsFixture old = FactsFixture.candidate().condition("Z39.1", "active", 400);
        assertThat(topics(screen(old))).doesNotContain(SafetyTopics.LACTATION_CAUTION);
    }

    // --- MOUD

    @ParameterizedTest(name = "{0} with MOUD {1} -> substance-use block {2}")
    @CsvSource({
        "F11.20, true, false", // v2: blocked
        "F11.20, false, true",
        "F10.20, true, true"
    })
    void opioidUseDisorderOnMaintenanceIsACautionNotABlock(String code, boolean moud, boolean blocked) {
        FactsFixture f = FactsFixture.candidate().condition(code, "active", 200);
        if (moud) {
            f.med("1819", "active", 100, null, FactsFixture.mgDaily(16));
        }
        List<Finding> findings = screen(f);
        assertThat(topics(findings).contains(SafetyTopics.ACTIVE_SUBSTANCE_USE)).isEqualTo(blocked);
        if (moud && code.startsWith("F11")) {
            assertThat(find(findings, SafetyTopics.CONCURRENT_MEDICATION).details())
                    .containsKey("opioidUseDisorderOnMaintenance");
        }
    }

    // --- neurostimulators and a treated aneurysm

    @Test
    void aStimulatorSitedBelowTheNeckIsAWarningWithoutDelete() { // v2: blocked TMS
        FactsFixture f = tmsOrder(FactsFixture.candidate());
        f.conditions.add(new ConditionFact(
                "Condition/scs",
                List.of(new Code(ICD10CM, "Z96.82", "neurostimulator")),
                "active",
                "confirmed",
                daysAgo(300),
                null,
                null,
                List.of(new Code(SNOMED, "122496007", "Thoracic spinal cord structure"))));
        Finding card = find(orders(f, null), SafetyTopics.TMS_IMPLANT);
        assertThat(card.details()).containsEntry(Blocks.WARNING_ONLY, true).doesNotContainKey("draftOrderRefs");
        assertThat(((List<?>) card.details().get("belowNeck"))).hasSize(1);
        assertThat(topics(screen(FactsFixture.candidate().condition("Z96.82", "active", 300))))
                .contains(SafetyTopics.TMS_IMPLANT)
                .doesNotContain(Topics.COMBINATION_CANDIDATE);
    }

    @Test
    void aTreatedAneurysmAddsAKetamineLineOnTheImplantCard() {
        FactsFixture f = FactsFixture.candidate();
        f.procedures.add(new ProcedureFact(
                "Procedure/clip", List.of(new Code(SNOMED, "230898002")), "completed", daysAgo(900), daysAgo(900)));
        assertThat(find(screen(f), SafetyTopics.TMS_IMPLANT).details()).containsEntry("treatedAneurysm", true);
    }

    // --- older adults and cognition

    @ParameterizedTest(name = "born {0}, dementia {1}, ketamine session {2} days ago -> caution {3}")
    @CsvSource({
        "1955-01-01, false, 0, true", // v2: no such topic
        "1966-01-01, false, 0, false",
        "1966-01-01, true, 0, true",
        "1955-01-01, false, 5, false"
    })
    void olderAdultCautionForTheFirstOrderOfACourse(
            String born, boolean dementia, long sessionDaysAgo, boolean caution) {
        FactsFixture f = FactsFixture.candidate().ketamineOrder("MedicationRequest/k", 40.0, 40.0);
        if (dementia) {
            f.condition("F03.90", "active", 100);
        }
        if (sessionDaysAgo > 0) {
            f.med("6130", "completed", sessionDaysAgo, sessionDaysAgo, null);
        }
        List<Finding> findings = orders(f, LocalDate.parse(born));
        assertThat(topics(findings).contains(Topics.OLDER_ADULT_CAUTION)).isEqualTo(caution);
        assertThat(topics(screen(FactsFixture.candidate()))).doesNotContain(Topics.OLDER_ADULT_CAUTION);
    }

    @Test
    void onPatientViewOlderAgeIsALineOfTheCandidateCard() {
        List<Finding> findings =
                decision.decide(facts(FactsFixture.candidate(), LocalDate.of(1950, 1, 1)), HookKind.SCREENING);
        Map<?, ?> line = (Map<?, ?>)
                find(findings, Topics.COMBINATION_CANDIDATE).details().get("olderAdult");
        assertThat(line.get("ageYears")).isEqualTo(76);
        assertThat(topics(findings)).doesNotContain(Topics.OLDER_ADULT_CAUTION);
    }

    // --- two NMDA antagonists, myocardial infarction onset unknown

    @Test
    void ketamineOrderWithEsketamineIsTwoNmdaAntagonists() { // v2: not named
        FactsFixture f = FactsFixture.candidate()
                .ketamineOrder("MedicationRequest/k", 40.0, 40.0)
                .med("2119365", "active", 10, null, null);
        assertThat(find(orders(f, null), SafetyTopics.CONCURRENT_MEDICATION).details())
                .containsEntry("twoNmdaAntagonists", true);
    }

    @Test
    void aMyocardialInfarctionKnownOnlyByItsRecordedDateIsAWarningLine() { // v2: blocked ketamine
        FactsFixture f = FactsFixture.candidate();
        f.conditions.add(new ConditionFact(
                "Condition/mi",
                List.of(new Code(ICD10CM, "I21.9", "MI")),
                "active",
                "confirmed",
                null,
                null,
                daysAgo(10)));
        List<Finding> findings = screen(f);
        Finding card = find(findings, SafetyTopics.VASCULAR);
        assertThat(card.details()).containsEntry(Blocks.WARNING_ONLY, true);
        assertThat((List<?>) card.details().get("onsetUnknown")).hasSize(1);
        assertThat(topics(findings)).contains(Topics.COMBINATION_CANDIDATE);
        FactsFixture known = FactsFixture.candidate().condition("I21.9", "active", 10);
        assertThat(find(screen(known), SafetyTopics.VASCULAR).details()).doesNotContainKey(Blocks.WARNING_ONLY);
    }
}
