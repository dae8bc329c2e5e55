package org.trdcds.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trdcds.criteria.FactsFixture.daysAgo;
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
 * PROTOCOL-v3 section C, one row per rule. Rows marked "v2:" fail under protocol version 2 (the behaviour the row
 * replaces is named).
 */
class SuicideV3Test {

    private final Decision decision = new DecisionFactory(new TestKnowledge()).at(FactsFixture.CLOCK);

    private List<Finding> screen(FactsFixture f) {
        return decision.decide(f.facts(), HookKind.SCREENING);
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

    static FactsFixture item9(FactsFixture f, long daysAgo, int answer) {
        return f.observation(LOINC, "44260-8", daysAgo, (double) answer, null);
    }

    static FactsFixture snomedCondition(FactsFixture f, String code, long daysAgo) {
        f.conditions.add(new ConditionFact(
                "Condition/s-" + code,
                List.of(new Code(SNOMED, code, "sct " + code)),
                "active",
                "confirmed",
                daysAgo(daysAgo),
                null));
        return f;
    }

    static FactsFixture procedure(
            FactsFixture f, String ref, String status, long daysAgo, List<Code> outcome, String outcomeText) {
        f.procedures.add(new ProcedureFact(
                ref,
                List.of(new Code(SNOMED, "225337009", "Suicide risk assessment")),
                status,
                daysAgo(daysAgo),
                daysAgo(daysAgo),
                outcome,
                outcomeText));
        return f;
    }

    static FactsFixture instrument(FactsFixture f, String ref, String status, long daysAgo, Double value, String text) {
        f.observations.add(new ObservationFact(
                ref,
                List.of(new Code(LOINC, "93374-7")),
                daysAgo(daysAgo),
                value,
                null,
                List.of(),
                List.of(),
                status,
                text));
        return f;
    }

    // --- scope

    @ParameterizedTest(name = "{0}: item 9 = {1} -> {2}")
    @CsvSource(
            nullValues = "none",
            value = {
                "nothing coded, 3, suicide-risk-urgent", // v2: no cards off the spectrum
                "SNOMED 35489007 only, 2, suicide-risk-urgent", // v2: no cards (35489007 not on the spectrum)
                "nothing coded, 1, none",
                "F33.2, 1, suicide-risk-screen-positive"
            })
    void urgentTriggersShowForAnyPatientItem9Of1OnlyOnTheSpectrum(String coded, int answer, String expected) {
        FactsFixture f = new FactsFixture();
        if (coded.startsWith("SNOMED")) {
            snomedCondition(f, "35489007", 100);
        } else if (coded.startsWith("F33")) {
            f.depressed();
        }
        List<String> topics = topics(screen(item9(f, 2, answer)));
        assertThat(topics).isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    @Test
    void item9Of1OffTheSpectrumWithAKetamineRecordShowsTheScreenPositiveCard() { // v2: no cards
        FactsFixture f = item9(new FactsFixture(), 2, 1).med("6130", "completed", 60, 59L, null);
        assertThat(topics(screen(f))).containsExactly(Topics.SUICIDE_RISK_SCREEN_POSITIVE);
        FactsFixture order = item9(new FactsFixture(), 2, 1).ketamineOrder("MedicationRequest/k", 40.0, 40.0);
        assertThat(topics(decision.decide(order.facts(), HookKind.ORDER_CHECK)))
                .containsExactly(Topics.SUICIDE_RISK_SCREEN_POSITIVE);
    }

    // --- clearing the urgent tier

    @Test
    void aLaterLowerAnswerDoesNotClearAndTheCardNamesIt() { // v2: the latest answer (0) decided: no card
        FactsFixture f = item9(item9(new FactsFixture().depressed(), 10, 3), 2, 0);
        Finding urgent = find(screen(f), Topics.SUICIDE_RISK_URGENT);
        assertThat(urgent.details())
                .containsEntry("item9Answer", "3")
                .containsEntry("laterAnswer", Map.of("answer", "0", "date", Details.date(daysAgo(2))));
    }

    @ParameterizedTest(name = "procedure {0} {1} days ago, outcome {2} -> {3}")
    @CsvSource(
            nullValues = "none",
            value = {
                "completed, 2, none, suicide-risk-screen-positive", // v2: urgent stayed, beside the candidate
                "completed, 2, Low risk, suicide-risk-screen-positive",
                "completed, 2, High risk, suicide-risk-urgent", // v2: lifted whatever the outcome
                "completed, 2, Imminent risk of suicide, suicide-risk-urgent",
                "in-progress, 2, none, suicide-risk-urgent", // v2: in-progress counted
                "completed, 8, none, suicide-risk-urgent"
            }) // before the trigger
    void aProcedureAfterTheLatestTriggerWithAnOutcomeNotHighLiftsTheHold(
            String status, long daysAgo, String outcome, String expected) {
        FactsFixture f = FactsFixture.candidate().condition("T43.222A", "resolved", 5);
        procedure(f, "Procedure/sra", status, daysAgo, List.of(), outcome);
        List<Finding> findings = screen(f);
        assertThat(topics(findings))
                .contains(expected)
                .doesNotContain(
                        expected.endsWith("urgent") ? Topics.SUICIDE_RISK_SCREEN_POSITIVE : Topics.SUICIDE_RISK_URGENT);
        assertThat(topics(findings).contains(Topics.COMBINATION_CANDIDATE)).isEqualTo(!expected.endsWith("urgent"));
    }

    @Test
    void aCodedHighOutcomeKeepsTheUrgentTier() {
        FactsFixture f = FactsFixture.candidate().condition("T43.222A", "resolved", 5);
        procedure(f, "Procedure/sra", "completed", 2, List.of(new Code(SNOMED, "15621000119106")), null);
        assertThat(topics(screen(f))).contains(Topics.SUICIDE_RISK_URGENT).doesNotContain(Topics.COMBINATION_CANDIDATE);
    }

    @Test
    void oneVoiceWhenAnAssessmentLiftsTheHold() { // v2: the urgent card said "held back" beside the candidate
        FactsFixture f = FactsFixture.candidate().condition("T43.222A", "resolved", 5);
        procedure(f, "Procedure/sra", "completed", 2, List.of(), null);
        List<Finding> findings = screen(f);
        Finding card = find(findings, Topics.SUICIDE_RISK_SCREEN_POSITIVE);
        assertThat(card.details()).containsEntry("assessed", true).doesNotContainKey("heldBack");
        assertThat(((List<?>) card.details().get("attempts"))).hasSize(1);
        assertThat(card.details().get("assessment"))
                .isEqualTo(Map.of(
                        "date", Details.date(daysAgo(2)), "result", Phrase.of("risk.noHighRecorded"), "high", false));
        assertThat(topics(findings)).contains(Topics.COMBINATION_CANDIDATE).doesNotContain(Topics.SUICIDE_RISK_URGENT);
    }

    @ParameterizedTest(name = "instrument {0}, value {1} / \"{2}\" -> lifted {3}")
    @CsvSource(
            nullValues = "none",
            value = {
                "final, none, Low risk, true",
                "amended, none, moderate, true",
                "final, none, High, false",
                "preliminary, none, Low risk, false",
                "final, 4, none, false",
                "final, none, see note, false"
            })
    void aFinalInstrumentResultNotHighLiftsTheHoldAnUnreadableOneNothing(
            String status, Double value, String text, boolean lifted) {
        FactsFixture f = item9(FactsFixture.candidate(), 6, 3);
        instrument(f, "Observation/sra", status, 2, value, text);
        List<Finding> findings = screen(f);
        assertThat(topics(findings).contains(Topics.SUICIDE_RISK_URGENT)).isEqualTo(!lifted);
        assertThat(topics(findings).contains(Topics.COMBINATION_CANDIDATE)).isEqualTo(lifted);
        boolean unreadable = "final".equals(status) && text == null || "see note".equals(text);
        if (unreadable) {
            assertThat(find(findings, Topics.SUICIDE_RISK_URGENT).details())
                    .containsEntry("assessmentUnreadable", Map.of("date", Details.date(daysAgo(2))));
        }
    }

    @Test
    void theEsketamineSentenceIsForAdultsOnly() {
        FactsFixture f = item9(new FactsFixture().depressed(), 2, 3);
        PatientFacts minor = new PatientFacts(
                "p-1",
                LocalDate.of(2012, 1, 1),
                f.conditions,
                f.medications,
                f.observations,
                f.procedures,
                f.orders,
                Set.of());
        PatientFacts adult = new PatientFacts(
                "p-1",
                LocalDate.of(1980, 1, 1),
                f.conditions,
                f.medications,
                f.observations,
                f.procedures,
                f.orders,
                Set.of());
        assertThat(decision.decide(minor, HookKind.SCREENING).get(0).details()).containsEntry("adult", false);
        assertThat(decision.decide(adult, HookKind.SCREENING).get(0).details()).containsEntry("adult", true);
    }
}
