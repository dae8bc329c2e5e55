package org.trdcds.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trdcds.criteria.FactsFixture.NOW;
import static org.trdcds.criteria.FactsFixture.mgDaily;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trdcds.cards.PhraseText;

class AdequacyTest {

    private final TestKnowledge knowledge = new TestKnowledge();
    private final Adequacy adequacy = new Adequacy(knowledge);

    private Adequacy.Result assess(FactsFixture f) {
        List<Trial> trials = Trials.of(f.medications, new Terms(knowledge), 14, NOW);
        assertThat(trials).hasSize(1);
        return adequacy.assess(trials.get(0), NOW);
    }

    @ParameterizedTest(name = "{0} days at {1} mg sertraline -> {2}")
    @CsvSource({"41, 50, INADEQUATE", "42, 50, ADEQUATE", "100, 49, INADEQUATE", "100, 50, ADEQUATE"})
    void doseAtOrAboveTheMinimumForTheRequiredDays(long days, double mg, Adequacy.Status expected) {
        FactsFixture f = new FactsFixture().med("36437", "completed", 200, 200 - days, mgDaily(mg));
        Adequacy.Result result = assess(f);
        assertThat(result.status()).isEqualTo(expected);
        assertThat(result.minimum().mgPerDay()).isEqualTo(50);
    }

    @ParameterizedTest(name = "ongoing for {0} days -> {1}")
    @CsvSource({"41, INADEQUATE", "42, ADEQUATE"})
    void anOngoingTrialCountsUntilNow(long days, Adequacy.Status expected) {
        assertThat(assess(new FactsFixture().med("36437", "active", days, null, mgDaily(100)))
                        .status())
                .isEqualTo(expected);
    }

    @Test
    void unknownDoseMakesAdequacyUnknownAndSaysWhatToDocument() {
        Adequacy.Result result = assess(new FactsFixture().med("36437", "completed", 200, 100L, null));
        assertThat(result.status()).isEqualTo(Adequacy.Status.UNKNOWN);
        assertThat(result.missing()).hasSize(1);
        assertThat(PhraseText.of(result.missing().get(0)))
                .contains("daily dose")
                .contains("the record started 20")
                .doesNotContain("MedicationStatement/");
    }

    @Test
    void unknownEndMakesAdequacyUnknownWhenTheTrialCouldHaveLastedLongEnough() {
        Adequacy.Result result = assess(new FactsFixture().med("36437", "completed", 200, null, mgDaily(100)));
        assertThat(result.status()).isEqualTo(Adequacy.Status.UNKNOWN);
        assertThat(result.missing()).hasSize(1);
        assertThat(PhraseText.of(result.missing().get(0))).startsWith("end date");
    }

    @Test
    void noMinimumDoseInTheTableIsUnknownAndSaysSo() {
        TestKnowledge noTrazodoneRow = new TestKnowledge().withoutMinimumDose("10737");
        List<Trial> trials = Trials.of(
                new FactsFixture().med("10737", "completed", 200, 100L, mgDaily(300)).medications,
                new Terms(noTrazodoneRow),
                14,
                NOW);
        Adequacy.Result result = new Adequacy(noTrazodoneRow).assess(trials.get(0), NOW);
        assertThat(result.status()).isEqualTo(Adequacy.Status.UNKNOWN);
        assertThat(PhraseText.of(result.reason())).contains("no minimum adequate dose");
    }

    @Test
    void mergedRecordsCountOnlyTheDaysAtTheMinimumDose() {
        FactsFixture lowThenShortHigh = new FactsFixture()
                .med("36437", "completed", 200, 150L, mgDaily(25))
                .med("36437", "completed", 150, 120L, mgDaily(100));
        assertThat(assess(lowThenShortHigh).status()).isEqualTo(Adequacy.Status.INADEQUATE);
        FactsFixture lowThenLongHigh = new FactsFixture()
                .med("36437", "completed", 200, 150L, mgDaily(25))
                .med("36437", "completed", 150, 100L, mgDaily(100));
        assertThat(assess(lowThenLongHigh).status()).isEqualTo(Adequacy.Status.ADEQUATE);
    }

    @Test
    void aRecordWithoutDoseMergedWithAShortAdequateOneIsUnknownNotInadequate() {
        FactsFixture f = new FactsFixture()
                .med("36437", "completed", 200, 170L, mgDaily(100))
                .med("36437", "completed", 170, 100L, null);
        Adequacy.Result result = assess(f);
        assertThat(result.status()).isEqualTo(Adequacy.Status.UNKNOWN);
        assertThat(result.missing()).hasSize(1);
    }

    @Test
    void aRecordBelowTheMinimumIsNotRescuedByAnotherWithoutDose() {
        FactsFixture f = new FactsFixture()
                .med("36437", "completed", 200, 170L, mgDaily(25))
                .med("36437", "completed", 170, 160L, null);
        assertThat(assess(f).status()).isEqualTo(Adequacy.Status.INADEQUATE);
    }
}
