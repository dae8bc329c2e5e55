package org.trdcds.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trdcds.criteria.FactsFixture.NOW;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VitalsAndSafetyTest {

    private final TestKnowledge knowledge = new TestKnowledge();
    private final Terms terms = new Terms(knowledge);
    private final ProtocolDecision decision = new ProtocolDecision(knowledge, FactsFixture.CLOCK);

    private List<String> screeningTopics(FactsFixture f) {
        return decision.decide(f.facts(), HookKind.SCREENING).stream().map(Finding::topic).toList();
    }

    @ParameterizedTest(name = "mean of {0}/{1} and {2}/{3} -> uncontrolled {4}")
    @CsvSource({"139, 89, 139, 89, false", "140, 80, 140, 80, true", "130, 90, 130, 90, true",
            "150, 95, 130, 83, true", "150, 95, 129, 83, false"})
    void bloodPressureIsJudgedOnTheMeanOverTheWindow(double s1, double d1, double s2, double d2, boolean expected) {
        FactsFixture f = new FactsFixture().bp(3, s1, d1).bp(20, s2, d2).bp(31, 200, 120);
        BloodPressure.Result result = BloodPressure.of(f.observations, terms, TestKnowledge.DEFAULTS, NOW);
        assertThat(result.uncontrolled()).isEqualTo(expected);
        assertThat(result.systolicCount()).isEqualTo(2);
    }

    @Test
    void standaloneSystolicAndDiastolicObservationsCount() {
        FactsFixture f = new FactsFixture().observation(TestKnowledge.LOINC, "8480-6", 2, 142.0, "mm[Hg]")
                .observation(TestKnowledge.LOINC, "8462-4", 2, 80.0, "mm[Hg]");
        BloodPressure.Result result = BloodPressure.of(f.observations, terms, TestKnowledge.DEFAULTS, NOW);
        assertThat(result.known()).isTrue();
        assertThat(result.uncontrolled()).isTrue();
        assertThat(BloodPressure.of(List.of(), terms, TestKnowledge.DEFAULTS, NOW).known()).isFalse();
    }

    @ParameterizedTest(name = "weight {0} days ago in {2} -> {3} kg")
    @CsvSource(nullValues = "null", value = {"89, 80, kg, 80", "90, 80, kg, 80", "91, 80, kg, null",
            "10, 176.37, [lb_av], 80", "10, 80000, g, 80", "10, 80, null, null"})
    void weightWithinTheWindowInKilograms(long daysAgo, double value, String unit, Double expectedKg) {
        FactsFixture f = new FactsFixture().observation(TestKnowledge.LOINC, "29463-7", daysAgo, value, unit);
        Weight.Result result = Weight.latest(f.observations, terms, 90, NOW);
        if (expectedKg == null) {
            assertThat(result).isNull();
        } else {
            assertThat(result.kg()).isCloseTo(expectedKg, org.assertj.core.data.Offset.offset(0.01));
        }
    }

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource({"F10.20, active, contraindication-active-substance-use",
            "F16.20, relapse, contraindication-active-substance-use",
            "G40.919, active, contraindication-uncontrolled-seizures",
            "G40.803, recurrence, contraindication-uncontrolled-seizures",
            "I16.0, active, contraindication-uncontrolled-hypertension",
            "R45.851, active, suicide-risk-urgent",
            "F31.81, remission, bipolar-manic-switch",
            "F20.9, active, psychosis-caution"})
    void contraindicationsFromActiveConditions(String code, String status, String topic) {
        assertThat(screeningTopics(FactsFixture.candidate().condition(code, status))).contains(topic)
                .doesNotContain(Topics.ABSOLUTE.contains(topic) ? Topics.COMBINATION_CANDIDATE : "none");
    }

    @ParameterizedTest(name = "{0} ({1}) -> no contraindication")
    @CsvSource({"F10.21, active", "F17.210, active", "F10.20, remission", "G40.909, active", "G40.801, active",
            "F20.9, inactive", "R45.851, resolved"})
    void notContraindications(String code, String status) {
        assertThat(screeningTopics(FactsFixture.candidate().condition(code, status)))
                .containsExactly(Topics.COMBINATION_CANDIDATE);
    }

    @ParameterizedTest(name = "item 9 = {0} {1} days ago -> urgent {2}")
    @CsvSource({"0, 5, false", "1, 5, true", "1, 31, false", "3, 30, true"})
    void phq9Item9Numeric(double value, long daysAgo, boolean urgent) {
        FactsFixture f = FactsFixture.candidate().observation(TestKnowledge.LOINC, "44260-8", daysAgo, value, null);
        assertThat(screeningTopics(f).contains(Topics.SUICIDE_RISK_URGENT)).isEqualTo(urgent);
    }

    @Test
    void phq9Item9AnswerCode() {
        FactsFixture f = FactsFixture.candidate();
        f.observations.add(new ObservationFact("Observation/item9", List.of(new Code(TestKnowledge.LOINC, "44260-8")),
                FactsFixture.daysAgo(2), null, null, List.of(new Code(TestKnowledge.LOINC, "LA6569-3")), List.of()));
        List<Finding> findings = decision.decide(f.facts(), HookKind.SCREENING);
        assertThat(findings).extracting(Finding::topic).containsExactly(Topics.SUICIDE_RISK_URGENT);
        assertThat(findings.get(0).evidence()).contains("Observation/item9");
    }
}
