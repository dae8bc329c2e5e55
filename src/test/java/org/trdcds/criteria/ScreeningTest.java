package org.trdcds.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trdcds.criteria.FactsFixture.mgDaily;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.trdcds.cards.PhraseText;

class ScreeningTest {

    private final Decision decision = new DecisionFactory(new TestKnowledge()).at(FactsFixture.CLOCK);

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
    void bipolarDepressionTakesTheBipolarPathwayWhereAntidepressantTrialsDoNotCount() {
        FactsFixture f = FactsFixture.candidate();
        f.conditions.clear();
        f.condition("F31.4", "active");
        // v1: a candidate on the antidepressant trials; v2: the bipolar pathway counts bipolar-depression treatments
        assertThat(topics(f)).containsExactly(SafetyTopics.BIPOLAR_MANIC_SWITCH);
        f.med("51272", "completed", 500, 420L, mgDaily(300))
                .med("28439", "completed", 410, 330L, mgDaily(200))
                .phq9(505, 22)
                .phq9(440, 21)
                .phq9(412, 21)
                .phq9(350, 20);
        assertThat(topics(f)).containsExactly(SafetyTopics.BIPOLAR_MANIC_SWITCH, Topics.COMBINATION_CANDIDATE);
    }

    @Test
    void anUntreatedFirstEpisodeGetsNoProtocolCardsButSuicideRiskStillShows() {
        FactsFixture f = new FactsFixture().depressed().bp(3, 170, 100).phq9(3, 20);
        assertThat(screen(f)).isEmpty();
        f.condition("R45.851", "active");
        assertThat(screen(f))
                .as("ideation dated 700 days ago is not current (v2)")
                .isEmpty();
        f.condition("R45.851", "active", 3);
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
        FactsFixture f = new FactsFixture()
                .depressed()
                .med("36437", "completed", 400, 300L, mgDaily(150))
                .phq9(410, 21)
                .phq9(305, 20)
                .med("4493", "completed", 290, 200L, null)
                .phq9(205, 19);
        List<Finding> findings = screen(f);
        assertThat(findings).extracting(Finding::topic).containsExactly(Topics.TRD_INCOMPLETE_DATA);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> missing =
                (List<Map<String, Object>>) findings.get(0).details().get("missing");
        assertThat(missing).singleElement().satisfies(m -> assertThat(m).containsEntry("drug", "fluoxetine"));
    }

    @Test
    void failuresBySwitchEstablishTrdAndTheCardSaysSo() {
        FactsFixture f = FactsFixture.candidate();
        f.observations.removeIf(o -> o.codes().get(0).code().equals("44261-6"));
        f.phq9(10, 22).phq9(160, 20).phq9(115, 19).med("42347", "active", 200, null, mgDaily(300));
        List<Finding> findings = screen(f);
        assertThat(findings).extracting(Finding::topic).containsExactly(Topics.COMBINATION_CANDIDATE);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> trials =
                (List<Map<String, Object>>) findings.get(0).details().get("trials");
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
        FactsFixture f = FactsFixture.candidate()
                .tms(20, 2, "completed")
                .tms(18, 1, "completed")
                .phq9(25, 21)
                .phq9(1, 4);
        List<Finding> findings = screen(f);
        assertThat(findings).extracting(Finding::topic).containsExactly(Topics.TREATMENT_RESPONSE);
        assertThat(findings.get(0).details()).containsEntry("response", true).containsEntry("remission", true);
    }

    @Test
    void aSwitchToALowDoseOrALateFollowOnIsNoFailure() {
        FactsFixture f = FactsFixture.candidate();
        f.observations.removeIf(o -> o.codes().get(0).code().equals("44261-6"));
        f.phq9(10, 22).phq9(160, 20).phq9(115, 19).med("42347", "active", 20, null, mgDaily(300));
        // v1: "followed by another antidepressant" failed both trials; v2: the follow-on started 190 days later
        assertThat(topics(f)).containsExactly(Topics.TRD_INCOMPLETE_DATA);
    }

    @ParameterizedTest(name = "lithium level {0} -> TRD on the bipolar pathway {1}")
    @org.junit.jupiter.params.provider.CsvSource({"0.4, false", "0.8, true"})
    void lithiumIsJudgedByItsSerumLevel(double level, boolean established) {
        FactsFixture f = FactsFixture.candidate();
        f.conditions.clear();
        f.condition("F31.4", "active");
        // quetiapine failed; lithium at a dose the table does not know, judged by its level
        f.med("51272", "completed", 500, 420L, mgDaily(300))
                .med("6448", "completed", 410, 330L, mgDaily(900))
                .phq9(505, 22)
                .phq9(440, 21)
                .phq9(412, 21)
                .phq9(350, 20)
                .observation(TestKnowledge.LOINC, "14334-7", 380, level, "mmol/L");
        assertThat(topics(f).contains(Topics.COMBINATION_CANDIDATE)).isEqualTo(established);
    }

    @Test
    void trialsEndedBeforeTheTrdWindowDoNotCount() {
        FactsFixture f = new FactsFixture()
                .depressed()
                .med("36437", "completed", 1400, 1300L, mgDaily(150))
                .phq9(1410, 21)
                .phq9(1305, 20)
                .med("321988", "completed", 1290, 1200L, mgDaily(20))
                .phq9(1215, 19)
                .med("6130", "completed", 150, 120L, null)
                .phq9(160, 20)
                .phq9(115, 19)
                .phq9(10, 22)
                .bp(5, 124, 78)
                .weight(10, 80);
        // v1: TRD from these old trials and a candidate
        assertThat(topics(f)).isEmpty();
    }

    @Test
    void aScoreBeforeFourWeeksOnTheDoseDoesNotJudgeTheTrial() {
        FactsFixture f = new FactsFixture()
                .depressed()
                .med("36437", "completed", 400, 300L, mgDaily(150))
                .phq9(410, 21)
                .phq9(390, 20);
        List<Trial> trials = Trials.of(f.medications, new Terms(new TestKnowledge()), 14, FactsFixture.NOW);
        Trd.Result trd = new Trd(new TestKnowledge())
                .assess(
                        trials,
                        Scores.of(f.observations, new Terms(new TestKnowledge()), FactsFixture.NOW),
                        FactsFixture.NOW,
                        false);
        assertThat(trd.all().get(0).failure().status()).isEqualTo(Failure.Status.UNKNOWN);
    }

    @Test
    void remissionAtBaselineMeansNoCandidate() {
        FactsFixture f = FactsFixture.candidate().phq9(2, 3);
        assertThat(topics(f)).doesNotContain(Topics.COMBINATION_CANDIDATE, Topics.BASELINE_SEVERITY_MISSING);
    }

    @Test
    void aSingleKetamineDoseOrAnUnscoredCourseIsNoFailedMonotherapy() {
        FactsFixture f = FactsFixture.candidate();
        f.medications.removeIf(m -> m.codes().get(0).code().equals("6130"));
        f.med("6130", "completed", 150, 150L, null);
        assertThat(topics(f)).containsExactly(Topics.MONOTHERAPY_FIRST);
        f.medications.removeIf(m -> m.codes().get(0).code().equals("6130"));
        f.med("6130", "completed", 60, 40L, null);
        assertThat(topics(f)).containsExactly(Topics.TRD_INCOMPLETE_DATA);
    }

    /** PROTOCOL-v2 s3/s7: the mg/kg ceiling marks a racemic ketamine record as not for depression, never esketamine. */
    @Test
    void anEsketamineCourseAt84MgIsAFailedCourseWhileAKetamineRecordAboveTheCeilingIsNone() {
        FactsFixture f = FactsFixture.candidate();
        f.medications.removeIf(m -> m.codes().get(0).code().equals("6130"));
        f.med("2119365", "completed", 160, 130L, new Dose(84.0, "mg", 2.0 / 7, null));
        assertThat(topics(f)).containsExactly(Topics.COMBINATION_CANDIDATE);
        f.medications.removeIf(m -> m.codes().get(0).code().equals("2119365"));
        f.med("6130", "completed", 160, 130L, new Dose(200.0, "mg", 2.0 / 7, null));
        assertThat(topics(f)).containsExactly(Topics.MONOTHERAPY_FIRST);
    }

    @Test
    void underEighteenGetsOnlySuicideRiskCards() {
        FactsFixture f = FactsFixture.candidate().observation(TestKnowledge.LOINC, "44260-8", 2, 1.0, null);
        PatientFacts facts = f.facts();
        PatientFacts minor = new PatientFacts(
                "p-1",
                java.time.LocalDate.of(2010, 1, 1),
                facts.conditions(),
                facts.medications(),
                facts.observations(),
                facts.procedures(),
                facts.draftOrders(),
                facts.unavailable());
        assertThat(decision.decide(minor, HookKind.SCREENING))
                .extracting(Finding::topic)
                .containsExactly(Topics.SUICIDE_RISK_SCREEN_POSITIVE);
    }

    /** PROTOCOL-v2 s5: urgent risk holds the candidate back until a risk assessment is documented after its data. */
    @Test
    void urgentSuicideRiskHoldsTheCandidateUntilARiskAssessmentIsDocumentedAfterIt() {
        FactsFixture f = FactsFixture.candidate().observation(TestKnowledge.LOINC, "44260-8", 5, 3.0, null);
        assertThat(topics(f)).containsExactly(Topics.SUICIDE_RISK_URGENT);
        f.procedures.add(new ProcedureFact(
                "Procedure/risk-before",
                List.of(new Code(TestKnowledge.SNOMED, "225337009")),
                "completed",
                FactsFixture.daysAgo(8),
                FactsFixture.daysAgo(8)));
        assertThat(topics(f)).as("assessed before the answer").containsExactly(Topics.SUICIDE_RISK_URGENT);
        f.procedures.add(new ProcedureFact(
                "Procedure/risk-after",
                List.of(new Code(TestKnowledge.SNOMED, "225337009")),
                "completed",
                FactsFixture.daysAgo(2),
                FactsFixture.daysAgo(2)));
        // v3 section C (one voice): once assessed, the card is the screen-positive one, beside the candidate
        assertThat(topics(f)).containsExactly(Topics.SUICIDE_RISK_SCREEN_POSITIVE, Topics.COMBINATION_CANDIDATE);
    }

    /** PROTOCOL-v2 "Scores": a PHQ-9 panel (44249-1) whose total is a component coded 44261-6 is a PHQ-9 total. */
    @Test
    void phq9TotalsRecordedAsPanelComponentsCount() {
        FactsFixture f = FactsFixture.candidate();
        List<ObservationFact> panels = f.observations.stream()
                .filter(o -> o.codes().get(0).code().equals("44261-6"))
                .map(o -> new ObservationFact(
                        o.ref(),
                        List.of(new Code(TestKnowledge.LOINC, "44249-1")),
                        o.effective(),
                        null,
                        null,
                        List.of(),
                        List.of(new ObservationFact.Component(
                                List.of(new Code(TestKnowledge.LOINC, "44261-6")), o.value(), "{score}"))))
                .toList();
        f.observations.removeIf(o -> o.codes().get(0).code().equals("44261-6"));
        f.observations.addAll(panels);
        assertThat(topics(f)).containsExactly(Topics.COMBINATION_CANDIDATE);
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
        PatientFacts missingHistory = new PatientFacts(
                facts.patientId(),
                null,
                facts.conditions(),
                facts.medications(),
                facts.observations(),
                facts.procedures(),
                facts.draftOrders(),
                java.util.Set.of("MedicationRequest"));
        assertThat(screen(f)).isEmpty();
        List<Finding> findings = decision.decide(missingHistory, HookKind.SCREENING);
        assertThat(findings).extracting(Finding::topic).containsExactly(Topics.TRD_INCOMPLETE_DATA);
        assertThat(PhraseText.of(findings.get(0).details().get("missing"))).contains("medication history");
    }
}
