package org.trdcds.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trdcds.criteria.FactsFixture.NOW;
import static org.trdcds.criteria.FactsFixture.mgDaily;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trdcds.cards.PhraseText;

class FailureTest {

    private final Terms terms = new Terms(new TestKnowledge());
    private final Adequacy adequacy = new Adequacy(new TestKnowledge());
    private final Failure failure = new Failure(TestKnowledge.DEFAULTS, adequacy);

    /** Assesses the first trial of the record. */
    private Failure.Result assess(FactsFixture f) {
        return assess(failure, f);
    }

    private Failure.Result assess(Failure with, FactsFixture f) {
        List<Trial> trials = Trials.of(f.medications, terms, 14, NOW);
        return with.assess(
                trials.get(0), adequacy.assess(trials.get(0), NOW), trials, Scores.of(f.observations, terms, NOW), NOW);
    }

    @ParameterizedTest(name = "PHQ-9 20 -> {0}: {1}")
    @CsvSource({"10.2, FAILED", "10, NOT_FAILED", "22, FAILED", "0, NOT_FAILED"})
    void failsBelowTheReductionThreshold(double during, Failure.Status expected) {
        FactsFixture f = new FactsFixture()
                .med("36437", "completed", 200, 100L, mgDaily(100))
                .phq9(210, 20)
                .phq9(120, during);
        Failure.Result result = assess(f);
        assertThat(result.status()).isEqualTo(expected);
        assertThat(result.change().baseline().value()).isEqualTo(20);
    }

    @ParameterizedTest(name = "score {0} days after the end -> {1}")
    @CsvSource({"14, score", "15, switch"})
    void scoresCountUpToTheWindowAfterTheEnd(long daysAfterEnd, String how) {
        FactsFixture f = new FactsFixture()
                .med("36437", "completed", 200, 100L, mgDaily(100))
                .med("4493", "active", 90, null, mgDaily(20))
                .phq9(210, 20)
                .phq9(100 - daysAfterEnd, 19);
        Failure.Result result = assess(f);
        assertThat(result.status()).isEqualTo(Failure.Status.FAILED);
        assertThat(result.how()).isEqualTo(how);
    }

    @Test
    void withoutScoresAnEndedTrialFollowedByAnotherAntidepressantFailedBySwitch() {
        FactsFixture f = new FactsFixture()
                .med("36437", "completed", 200, 100L, mgDaily(100))
                .med("4493", "active", 90, null, mgDaily(20));
        Failure.Result result = assess(f);
        assertThat(result.how()).isEqualTo("switch");
        assertThat(PhraseText.of(result.reason()))
                .contains("switched to fluoxetine")
                .contains("switch is the evidence");
    }

    @Test
    void withoutScoresAnEndedTrialNotFollowedByAnotherIsUnknown() {
        FactsFixture f = new FactsFixture().med("36437", "completed", 200, 100L, mgDaily(100));
        assertThat(assess(f).status()).isEqualTo(Failure.Status.UNKNOWN);
    }

    @Test
    void anOngoingTrialWithoutScoresIsUnknownNeverFailed() {
        FactsFixture f = new FactsFixture()
                .med("36437", "active", 200, null, mgDaily(100))
                .med("4493", "active", 90, null, mgDaily(20));
        assertThat(assess(f).status()).isEqualTo(Failure.Status.UNKNOWN);
    }

    @Test
    void aScoreWithoutAnEarlierScoreOfTheSameScaleCannotBeJudged() {
        FactsFixture f = new FactsFixture()
                .med("36437", "completed", 200, 100L, mgDaily(100))
                .observation(TestKnowledge.SCALES, "madrs-total", 210, 30.0, "{score}")
                .phq9(120, 20);
        assertThat(assess(f).status()).isEqualTo(Failure.Status.UNKNOWN);
    }

    @Test
    void theDelphiDefinitionIsAParameter() {
        Failure delphi = new Failure(TestKnowledge.with("failureMaxReduction", 0.25), adequacy);
        FactsFixture f = new FactsFixture()
                .med("36437", "completed", 200, 100L, mgDaily(100))
                .phq9(210, 20)
                .phq9(120, 14);
        assertThat(assess(delphi, f).status()).isEqualTo(Failure.Status.NOT_FAILED);
        assertThat(assess(f).status()).isEqualTo(Failure.Status.FAILED);
    }
}
