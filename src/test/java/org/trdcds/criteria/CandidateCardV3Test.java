package org.trdcds.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** PROTOCOL-v3 section F: the candidate card's untried options and checks as they ran; a broad-only diagnosis. */
class CandidateCardV3Test {

    private final Decision decision = new DecisionFactory(new TestKnowledge()).at(FactsFixture.CLOCK);

    private Finding finding(FactsFixture f, String topic) {
        return decision.decide(f.facts(), HookKind.SCREENING).stream()
                .filter(x -> x.topic().equals(topic))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + topic));
    }

    @SuppressWarnings("unchecked")
    private static List<String> untried(Finding f) {
        return ((List<Map<String, Object>>) f.details().get("untriedOptions"))
                .stream()
                        .map(r -> r.get("name") + (Boolean.TRUE.equals(r.get("unknown")) ? " (unknown)" : ""))
                        .toList();
    }

    @Test
    void v2TheCandidateNamesTheEstablishedOptionsNotTried() {
        Finding candidate = finding(FactsFixture.candidate(), Topics.COMBINATION_CANDIDATE);
        assertThat(candidate.details())
                .containsEntry("ectTried", false)
                .containsEntry("esketamineTried", false)
                .containsEntry("conditionCount", 1)
                .containsEntry("pregnancyTestRecorded", false);
        assertThat(untried(candidate))
                .containsExactly(
                        "brexpiprazole",
                        "cariprazine",
                        "olanzapine-fluoxetine",
                        "quetiapine",
                        "lithium",
                        "aripiprazole");
    }

    @Test
    void anAdequateAugmentationIsTriedAShortOneIsRecordedWithAdequacyUnknownAndEctCounts() {
        FactsFixture f = FactsFixture.candidate()
                .med("89013", "completed", 200, 100L, FactsFixture.mgDaily(10))
                .med("6448", "completed", 60, 50L, FactsFixture.mgDaily(900));
        f.procedures.add(new ProcedureFact(
                "Procedure/ect",
                List.of(new Code(TestKnowledge.CPT, "90870")),
                "completed",
                FactsFixture.daysAgo(400),
                FactsFixture.daysAgo(400)));
        Finding candidate = finding(f, Topics.COMBINATION_CANDIDATE);
        assertThat(candidate.details()).containsEntry("ectTried", true);
        // aripiprazole has no dose-table row: recorded, adequacy unknown; lithium 10 days: not adequate
        assertThat(untried(candidate))
                .containsExactly(
                        "brexpiprazole",
                        "cariprazine",
                        "olanzapine-fluoxetine",
                        "quetiapine",
                        "lithium (unknown)",
                        "aripiprazole (unknown)");
    }

    /** PROTOCOL-v3 F names olanzapine-fluoxetine (its dose-table row's name), never olanzapine alone. */
    @Test
    void withTheShippedKnowledgeTheCombinationProductIsTheOptionOlanzapineFluoxetine() {
        Decision shipped = org.trdcds.knowledge.ProjectKnowledge.decisions().at(FactsFixture.CLOCK);
        java.util.function.Function<FactsFixture, Finding> candidate =
                f -> shipped.decide(f.facts(), HookKind.SCREENING).stream()
                        .filter(x -> x.topic().equals(Topics.COMBINATION_CANDIDATE))
                        .findFirst()
                        .orElseThrow();
        assertThat(untried(candidate.apply(FactsFixture.candidate())))
                .contains("olanzapine-fluoxetine", "lithium", "cariprazine")
                .doesNotContain("olanzapine")
                .doesNotHaveDuplicates();
        // fluoxetine 25 mg / olanzapine 6 mg daily for 8 weeks: tried (the row's minimum is in fluoxetine mg)
        FactsFixture tried = FactsFixture.candidate().med("403969", "completed", 120, 60L, FactsFixture.mgDaily(25));
        assertThat(untried(candidate.apply(tried))).doesNotContain("olanzapine-fluoxetine", "olanzapine");
    }

    @Test
    void v2OnlyABroadCodeWithTwoFailedTrialsAsksToConfirmTheDiagnosis() {
        FactsFixture f = FactsFixture.candidate();
        f.conditions.clear();
        f.condition("F32.A", "active");
        Finding incomplete = finding(f, Topics.TRD_INCOMPLETE_DATA);
        assertThat(incomplete.details()).containsEntry("broadDiagnosis", "dx F32.A");
        FactsFixture none = FactsFixture.candidate();
        none.conditions.clear();
        none.condition("F34.1", "active");
        assertThat(decision.decide(none.facts(), HookKind.SCREENING))
                .extracting(Finding::topic)
                .doesNotContain(Topics.TRD_INCOMPLETE_DATA);
    }

    @Test
    void noBirthDateIsACheckThatCouldNotRun() {
        FactsFixture f = FactsFixture.candidate();
        Finding candidate = finding(f, Topics.COMBINATION_CANDIDATE);
        assertThat(candidate.details()).containsEntry("ageUnknown", true);
        PatientFacts dated = new PatientFacts(
                "p-1",
                java.time.LocalDate.of(1980, 1, 1),
                f.conditions,
                f.medications,
                f.observations,
                f.procedures,
                f.orders,
                Set.of(),
                "female");
        Finding withAge = decision.decide(dated, HookKind.SCREENING).stream()
                .filter(x -> x.topic().equals(Topics.COMBINATION_CANDIDATE))
                .findFirst()
                .orElseThrow();
        assertThat(withAge.details()).containsEntry("ageUnknown", false);
    }
}
