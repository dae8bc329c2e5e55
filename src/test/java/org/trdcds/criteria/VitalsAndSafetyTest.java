package org.trdcds.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trdcds.criteria.FactsFixture.NOW;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trdcds.cards.PhraseText;

/** Blood pressure, weight, contraindications and cautions of docs/protocol.md version 2 (each table has v1-failing rows). */
class VitalsAndSafetyTest {

    private final TestKnowledge knowledge = new TestKnowledge();
    private final Terms terms = new Terms(knowledge);
    private final Decision decision = new DecisionFactory(knowledge).at(FactsFixture.CLOCK);

    private List<String> screeningTopics(FactsFixture f) {
        return decision.decide(f.facts(), HookKind.SCREENING).stream()
                .map(Finding::topic)
                .toList();
    }

    private BloodPressure.Result bp(FactsFixture f) {
        return BloodPressure.of(f.observations, terms, TestKnowledge.DEFAULTS, NOW, List.of());
    }

    @ParameterizedTest(name = "latest {0}/{1}, {2}/{3}, {4}/{5} (+ 3 old 120/80) -> uncontrolled {6}, elevated {7}")
    @CsvSource({
        "139, 89, 139, 89, 139, 89, false, false",
        "140, 80, 140, 80, 140, 80, false, true", // v1: uncontrolled at 140 mean; v2: a warning
        "159, 99, 159, 99, 159, 99, false, true",
        "160, 80, 160, 80, 160, 80, true, false",
        "130, 100, 130, 100, 130, 100, true, false",
        "185, 115, 120, 80, 120, 80, true, false", // one reading >= 180/110 blocks (v1 averaged it away)
        "179, 80, 120, 80, 120, 80, false, false"
    })
    void theLatestThreeReadingsDecide(
            double s1, double d1, double s2, double d2, double s3, double d3, boolean uncontrolled, boolean elevated) {
        FactsFixture f = new FactsFixture()
                .bp(1, s1, d1)
                .bp(2, s2, d2)
                .bp(3, s3, d3)
                .bp(10, 120, 80)
                .bp(11, 120, 80)
                .bp(12, 120, 80)
                .bp(31, 200, 120);
        BloodPressure.Result result = bp(f);
        assertThat(result.uncontrolled()).isEqualTo(uncontrolled);
        assertThat(result.elevated()).isEqualTo(elevated);
        assertThat(result.systolicCount()).isEqualTo(3);
    }

    @Test
    void readingsDuringAKetamineSessionAndFourHoursAfterAreLeftOut() {
        FactsFixture f = new FactsFixture().bp(1, 186, 112).bp(9, 124, 78);
        Segment session = Segment.of(
                "MedicationAdministration/k",
                "completed",
                FactsFixture.daysAgo(1).minusSeconds(600),
                FactsFixture.daysAgo(1).minusSeconds(60),
                NOW,
                null);
        BloodPressure.Result result =
                BloodPressure.of(f.observations, terms, TestKnowledge.DEFAULTS, NOW, List.of(session));
        assertThat(result.uncontrolled()).isFalse();
        assertThat(result.excluded()).isEqualTo(2);
        assertThat(bp(f).uncontrolled()).isTrue();
    }

    @Test
    void standaloneSystolicAndDiastolicObservationsCount() {
        FactsFixture f = new FactsFixture()
                .observation(TestKnowledge.LOINC, "8480-6", 2, 162.0, "mm[Hg]")
                .observation(TestKnowledge.LOINC, "8462-4", 2, 80.0, "mm[Hg]");
        assertThat(bp(f).known()).isTrue();
        assertThat(bp(f).uncontrolled()).isTrue();
        assertThat(BloodPressure.of(List.of(), terms, TestKnowledge.DEFAULTS, NOW, List.of())
                        .known())
                .isFalse();
    }

    @ParameterizedTest(name = "weight {0} days ago: {1} {2} -> {3} kg")
    @CsvSource(
            nullValues = "null",
            value = {
                "89, 80, kg, 80",
                "90, 80, kg, 80",
                "91, 80, kg, null",
                "10, 176.37, [lb_av], 80",
                "10, 80000, g, 80",
                "10, 80, null, null",
                "10, 8, kg, null",
                "10, 301, kg, null",
                "10, 29.9, kg, null"
            }) // implausible: v1 accepted them
    void plausibleWeightWithinTheWindowInKilograms(long daysAgo, double value, String unit, Double expectedKg) {
        FactsFixture f = new FactsFixture().observation(TestKnowledge.LOINC, "29463-7", daysAgo, value, unit);
        Weight.Result result = Weight.latest(f.observations, terms, TestKnowledge.DEFAULTS, NOW);
        if (expectedKg == null) {
            assertThat(result.ref()).isNull();
        } else {
            assertThat(result.kg()).isCloseTo(expectedKg, org.assertj.core.data.Offset.offset(0.01));
        }
    }

    @Test
    void anImplausibleNewerWeightIsNamedAndTheOlderPlausibleOneUsed() {
        FactsFixture f = new FactsFixture().weight(20, 80).observation(TestKnowledge.LOINC, "29463-7", 2, 8.0, "kg");
        Weight.Result result = Weight.latest(f.observations, terms, TestKnowledge.DEFAULTS, NOW);
        assertThat(result.kg()).isEqualTo(80);
        assertThat(result.ignored()).hasSize(1);
        assertThat(PhraseText.of(result.ignored().get(0))).contains("8 kg");
    }

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource({
        "F10.20, active, contraindication-active-substance-use",
        "F16.20, relapse, contraindication-active-substance-use",
        "G40.919, active, contraindication-uncontrolled-seizures",
        "G40.803, recurrence, contraindication-uncontrolled-seizures",
        "F20.9, active, psychosis-caution",
        "F33.3, active, psychosis-caution",
        "I67.1, active, contraindication-vascular",
        "I61.9, resolved, contraindication-vascular",
        "Z96.21, active, contraindication-tms-implant"
    })
    void contraindicationsAndCautionsHoldTheCandidateBack(String code, String status, String topic) {
        assertThat(screeningTopics(FactsFixture.candidate().condition(code, status)))
                .contains(topic)
                .doesNotContain(Topics.COMBINATION_CANDIDATE);
    }

    @ParameterizedTest(name = "{0} ({1}) onset {2} days ago -> {3}, candidate {4}")
    @CsvSource({
        "G40.909, active, 700, seizure-disorder-caution, true",
        "F31.81, remission, 700, bipolar-manic-switch, true",
        "R45.851, active, 3, suicide-risk-urgent, false",
        "Z34.90, active, 100, contraindication-pregnancy, false",
        "I21.9, active, 20, contraindication-vascular, false"
    })
    void datedRules(String code, String status, long onset, String topic, boolean candidate) {
        List<String> topics = screeningTopics(FactsFixture.candidate().condition(code, status, onset));
        assertThat(topics).contains(topic);
        assertThat(topics.contains(Topics.COMBINATION_CANDIDATE)).isEqualTo(candidate);
    }

    @ParameterizedTest(name = "{0} ({1}) -> still a candidate")
    @CsvSource({
        "F10.21, active",
        "F17.210, active",
        "F10.20, remission",
        "F20.9, inactive",
        "R45.851, resolved",
        "I21.9, active"
    }) // the MI onset (700 days ago) is outside the 42-day window
    void notContraindications(String code, String status) {
        assertThat(screeningTopics(FactsFixture.candidate().condition(code, status)))
                .contains(Topics.COMBINATION_CANDIDATE);
    }

    @ParameterizedTest(name = "latest item 9 = {0} {1} days ago (earlier 3) -> {2}")
    @CsvSource({
        "0, 5, suicide-risk-urgent",
        "1, 5, suicide-risk-urgent", // v3 C: a later lower answer does not clear
        "1, 31, suicide-risk-urgent",
        "2, 5, suicide-risk-urgent",
        "3, 30, suicide-risk-urgent"
    })
    void theLatestItem9AnswerSetsTheTier(double value, long daysAgo, String topic) {
        FactsFixture f = FactsFixture.candidate()
                .observation(TestKnowledge.LOINC, "44260-8", 25, 3.0, null)
                .observation(TestKnowledge.LOINC, "44260-8", daysAgo, value, null);
        List<String> topics = screeningTopics(f);
        // v1: item 9 = 1 was urgent, and an earlier 3 stayed urgent after a later 0
        if (topic.equals("none")) {
            assertThat(topics)
                    .doesNotContain(Topics.SUICIDE_RISK_URGENT, Topics.SUICIDE_RISK_SCREEN_POSITIVE)
                    .contains(Topics.COMBINATION_CANDIDATE);
        } else {
            assertThat(topics).contains(topic);
        }
        assertThat(topics.contains(Topics.COMBINATION_CANDIDATE)).isEqualTo(!topic.equals("suicide-risk-urgent"));
    }

    @Test
    void aSuicideAttemptWithinAYearIsUrgentWhateverItsStatus() {
        FactsFixture f = FactsFixture.candidate();
        f.conditions.add(new ConditionFact(
                "Condition/attempt",
                List.of(new Code(TestKnowledge.ICD10CM, "T43.222A")),
                "resolved",
                "confirmed",
                FactsFixture.daysAgo(200),
                FactsFixture.daysAgo(190)));
        assertThat(screeningTopics(f))
                .contains(Topics.SUICIDE_RISK_URGENT)
                .doesNotContain(Topics.COMBINATION_CANDIDATE);
    }

    @Test
    void phq9Item9AnswerCodeOfAPanelComponent() {
        FactsFixture f = FactsFixture.candidate();
        f.observations.add(new ObservationFact(
                "Observation/panel",
                List.of(new Code(TestKnowledge.LOINC, "44249-1")),
                FactsFixture.daysAgo(2),
                null,
                null,
                List.of(),
                List.of(new ObservationFact.Component(
                        List.of(new Code(TestKnowledge.LOINC, "44260-8")),
                        null,
                        null,
                        List.of(new Code(TestKnowledge.LOINC, "LA6570-1"))))));
        List<Finding> findings = decision.decide(f.facts(), HookKind.SCREENING);
        assertThat(findings)
                .extracting(Finding::topic)
                .contains(Topics.SUICIDE_RISK_URGENT)
                .doesNotContain(Topics.COMBINATION_CANDIDATE);
        assertThat(findings.get(0).evidence()).contains("Observation/panel");
    }

    @Test
    void aSpectrumOnlyPatientGetsSuicideCardsButNoProtocolCards() {
        FactsFixture f = FactsFixture.candidate();
        f.conditions.clear();
        f.condition("F32.A", "active").observation(TestKnowledge.LOINC, "44260-8", 2, 3.0, null);
        // v3 (PROTOCOL-v3 F): only a broad code with 2 failed trials -> trd-incomplete-data "confirm the diagnosis"
        assertThat(screeningTopics(f)).containsExactly(Topics.SUICIDE_RISK_URGENT, Topics.TRD_INCOMPLETE_DATA);
    }
}
