package org.trdcds.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trdcds.criteria.FactsFixture.NOW;
import static org.trdcds.criteria.FactsFixture.daysAgo;
import static org.trdcds.criteria.FactsFixture.mgDaily;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrialsTest {

    private final Terms terms = new Terms(new TestKnowledge());

    private List<Trial> trials(FactsFixture f) {
        return Trials.of(f.medications, terms, 14, NOW);
    }

    @ParameterizedTest(name = "gap of {0} days -> {1} trial(s)")
    @CsvSource({"13, 1", "14, 1", "15, 2"})
    void sameIngredientRecordsMergeWhenAtMostTheGapApart(long gap, int expected) {
        FactsFixture f = new FactsFixture()
                .med("36437", "completed", 200, 150L, mgDaily(100))
                .med("36437", "completed", 150 - gap, 50L, mgDaily(100));
        assertThat(trials(f)).hasSize(expected);
    }

    @Test
    void productCodeAndIngredientCodeAreTheSameIngredientAndMerge() {
        FactsFixture f = new FactsFixture()
                .med("36437", "completed", 200, 150L, mgDaily(100))
                .med("312941", "completed", 150, 50L, new Dose(2.0, "{tbl}", 1.0, null));
        List<Trial> trials = trials(f);
        assertThat(trials).singleElement().satisfies(t -> {
            assertThat(t.ingredient()).isEqualTo("36437");
            assertThat(t.name()).isEqualTo("sertraline");
            assertThat(t.segments()).extracting(Segment::dailyMg).containsExactly(100.0, 100.0);
        });
    }

    @ParameterizedTest(name = "{0} {1} x {2}/day -> {3} mg/day")
    @CsvSource(
            nullValues = "null",
            value = {
                "312941, 1, {tbl}, 2, 100",
                "312938, 1, tablet, 1, 100",
                "312941, 1, capsule, 1, 50",
                "36437, 0.1, g, 1, 100",
                "36437, 50000, ug, 2, 100",
                "36437, 50, mg, null, null",
                "36437, null, mg, 1, null",
                "36437, 2, {tbl}, 1, null",
                "36437, 5, mL, 1, null"
            })
    void dailyDoseInMg(String code, Double value, String unit, Double perDay, Double expected) {
        FactsFixture f = new FactsFixture().med(code, "active", 10, null, new Dose(value, unit, perDay, null));
        assertThat(trials(f).get(0).segments().get(0).dailyMg()).isEqualTo(expected);
    }

    @Test
    void anOpenActiveRecordRunsUntilNowAndAnOpenCompletedOneHasAnUnknownEnd() {
        FactsFixture f = new FactsFixture()
                .med("36437", "active", 50, null, mgDaily(100))
                .med("4493", "completed", 300, null, mgDaily(20));
        List<Trial> trials = trials(f);
        assertThat(trials).extracting(Trial::name).containsExactly("fluoxetine", "sertraline");
        assertThat(trials.get(0).end()).isNull();
        assertThat(trials.get(0).ongoing()).isFalse();
        assertThat(trials.get(1).end()).isEqualTo(NOW);
        assertThat(trials.get(1).ongoing()).isTrue();
    }

    @Test
    void recordsNotTakenKetamineAndNonAntidepressantsAreNoTrials() {
        FactsFixture f = new FactsFixture()
                .med("36437", "intended", 50, null, mgDaily(100))
                .med("36437", "entered-in-error", 50, null, mgDaily(100))
                .med("6130", "completed", 50, 10L, null)
                .med("29046", "active", 50, null, mgDaily(10));
        assertThat(trials(f)).isEmpty();
    }

    @Test
    void undatedRecordsFormATrialWithUnknownPeriod() {
        FactsFixture f = new FactsFixture();
        f.medications.add(new MedicationFact(
                "MedicationRequest/r-1",
                List.of(new Code(Terms.RXNORM, "4493")),
                "Prozac",
                "completed",
                null,
                null,
                mgDaily(20)));
        assertThat(trials(f)).singleElement().satisfies(t -> {
            assertThat(t.start()).isNull();
            assertThat(t.undated()).containsExactly("MedicationRequest/r-1");
        });
        assertThat(daysAgo(0)).isEqualTo(NOW);
    }

    @org.junit.jupiter.api.Test
    void aCombinationProductWithItsOwnDoseRowIsItsOwnTrial() {
        FactsFixture f = new FactsFixture()
                .med("42347", "completed", 400, 300L, FactsFixture.mgDaily(300))
                .med("2611260", "completed", 290, 200L, new Dose(1.0, "{tbl}", 2.0, null));
        Terms terms = new Terms(new TestKnowledge());
        List<Trial> trials = Trials.of(f.medications, terms, 14, FactsFixture.NOW);
        assertThat(trials).extracting(Trial::ingredient).containsExactly("42347", "2611260");
        assertThat(trials.get(1).name()).isEqualTo("dextromethorphan-bupropion");
        assertThat(new Adequacy(new TestKnowledge())
                        .assess(trials.get(1), FactsFixture.NOW)
                        .status())
                .isEqualTo(Adequacy.Status.ADEQUATE);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "selegiline as {0} -> {1}")
    @org.junit.jupiter.params.provider.CsvSource({"patch, ADEQUATE", "oral, INADEQUATE", "unknown, UNKNOWN"})
    void aRouteSpecificRowAppliesOnlyToThatRoute(String how, Adequacy.Status expected) {
        FactsFixture f = new FactsFixture();
        String code = how.equals("patch") ? "865206" : "9639";
        Dose dose = how.equals("patch")
                ? new Dose(1.0, "patch", 1.0, null)
                : new Dose(10.0, "mg", 1.0, null, false, null, how.equals("oral") ? "oral route" : null);
        f.medications.add(new MedicationFact(
                "MedicationStatement/s",
                List.of(new Code(TestKnowledge.RXNORM, code)),
                null,
                "completed",
                FactsFixture.daysAgo(200),
                FactsFixture.daysAgo(100),
                dose));
        List<Trial> trials = Trials.of(f.medications, new Terms(new TestKnowledge()), 14, FactsFixture.NOW);
        assertThat(new Adequacy(new TestKnowledge())
                        .assess(trials.get(0), FactsFixture.NOW)
                        .status())
                .isEqualTo(expected);
    }
}
