package org.trdcds.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trdcds.criteria.FactsFixture.mgDaily;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScreeningTest {

    private final ProtocolDecision decision = new ProtocolDecision(new TestKnowledge(), FactsFixture.CLOCK);

    private List<Finding> screen(FactsFixture f) {
        return decision.decide(f.facts(), HookKind.SCREENING);
    }

    private List<String> topics(FactsFixture f) {
        return screen(f).stream().map(Finding::topic).toList();
    }

    @Test
    void noDepressiveDisorderNoCardsEvenWithContraindications() {
        FactsFixture f = FactsFixture.candidate();
        f.conditions.clear();
        f.condition("I16.0", "active").condition("F10.20", "active");
        assertThat(screen(f)).isEmpty();
    }

    @Test
    void depressionInRemissionIsNotActive() {
        FactsFixture f = FactsFixture.candidate();
        f.conditions.clear();
        f.condition("F33.2", "remission");
        assertThat(screen(f)).isEmpty();
    }

    @Test
    void bipolarDepressedEpisodeCountsAsDepression() {
        FactsFixture f = FactsFixture.candidate();
        f.conditions.clear();
        f.condition("F31.4", "active");
        assertThat(topics(f)).containsExactly(Topics.BIPOLAR_MANIC_SWITCH, Topics.COMBINATION_CANDIDATE);
    }

    @Test
    void anUntreatedFirstEpisodeGetsNoProtocolCardsButSuicideRiskStillShows() {
        FactsFixture f = new FactsFixture().depressed().bp(3, 170, 100).phq9(3, 20);
        assertThat(screen(f)).isEmpty();
        f.condition("R45.851", "active");
        assertThat(topics(f)).containsExactly(Topics.SUICIDE_RISK_URGENT);
    }

    @Test
    void noPriorCourseMeansMonotherapyFirst() {
        FactsFixture f = FactsFixture.candidate();
        f.medications.removeIf(m -> m.codes().get(0).code().equals("6130"));
        assertThat(topics(f)).containsExactly(Topics.MONOTHERAPY_FIRST);
    }

    @Test
    void aMissingDoseThatCouldCompleteTrdGivesIncompleteDataListingWhatToDocument() {
        FactsFixture f = new FactsFixture().depressed()
                .med("36437", "completed", 400, 300L, mgDaily(150)).phq9(410, 21).phq9(305, 20)
                .med("4493", "completed", 290, 200L, null).phq9(205, 19);
        List<Finding> findings = screen(f);
        assertThat(findings).extracting(Finding::topic).containsExactly(Topics.TRD_INCOMPLETE_DATA);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> missing = (List<Map<String, Object>>) findings.get(0).details().get("missing");
        assertThat(missing).singleElement().satisfies(m -> assertThat(m).containsEntry("drug", "fluoxetine"));
    }

    @Test
    void failuresBySwitchEstablishTrdAndTheCardSaysSo() {
        FactsFixture f = FactsFixture.candidate();
        f.observations.removeIf(o -> o.codes().get(0).code().equals("44261-6"));
        f.phq9(10, 22).phq9(160, 20).med("42347", "active", 20, null, mgDaily(300));
        List<Finding> findings = screen(f);
        assertThat(findings).extracting(Finding::topic).containsExactly(Topics.COMBINATION_CANDIDATE);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> trials = (List<Map<String, Object>>) findings.get(0).details().get("trials");
        assertThat(trials.get(0)).containsEntry("failedBy", "switch");
    }

    @Test
    void missingBaselineAndBloodPressureReachCardsInsteadOfTheCandidate() {
        FactsFixture f = FactsFixture.candidate();
        f.observations.removeIf(o -> o.codes().get(0).code().equals("85354-9"));
        f.observations.removeIf(o -> o.effective().isAfter(FactsFixture.daysAgo(30))
                && o.codes().get(0).code().equals("44261-6"));
        assertThat(topics(f)).containsExactly(Topics.BASELINE_SEVERITY_MISSING, Topics.BLOOD_PRESSURE_UNKNOWN);
    }

    @Test
    void anActiveCourseGivesTreatmentResponseInsteadOfCandidacy() {
        FactsFixture f = FactsFixture.candidate().tms(20, 2, "completed").tms(18, 1, "completed").phq9(1, 4);
        List<Finding> findings = screen(f);
        assertThat(findings).extracting(Finding::topic).containsExactly(Topics.TREATMENT_RESPONSE);
        assertThat(findings.get(0).details()).containsEntry("response", true).containsEntry("remission", true);
    }

    @Test
    void aCourseWithLastingResponseIsNoFailedMonotherapy() {
        FactsFixture f = FactsFixture.candidate().phq9(5, 8);
        assertThat(topics(f)).isEmpty();
    }

    @Test
    void anInadequateSecondTrialLeavesTrdNotEstablished() {
        FactsFixture f = FactsFixture.candidate();
        f.medications.removeIf(m -> m.codes().get(0).code().equals("321988"));
        f.med("321988", "completed", 290, 260L, mgDaily(20));
        assertThat(topics(f)).isEmpty();
    }

    @Test
    void anUnavailableMedicationHistoryMakesTrdUnknownNotFalse() {
        FactsFixture f = new FactsFixture().depressed().phq9(3, 20);
        PatientFacts facts = f.facts();
        PatientFacts missingHistory = new PatientFacts(facts.patientId(), null, facts.conditions(),
                facts.medications(), facts.observations(), facts.procedures(), facts.draftOrders(),
                java.util.Set.of("MedicationRequest"));
        assertThat(screen(f)).isEmpty();
        List<Finding> findings = decision.decide(missingHistory, HookKind.SCREENING);
        assertThat(findings).extracting(Finding::topic).containsExactly(Topics.TRD_INCOMPLETE_DATA);
        assertThat(findings.get(0).details().get("missing").toString()).contains("medication history");
    }
}
