package org.trdcds.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The worked scenarios at the fact level: expected topics with the clock fixed at asOf. */
class ScenarioDecisionTest {

    static final Path SCENARIOS = Path.of("src/test/resources/scenarios");
    private final TestKnowledge knowledge = new TestKnowledge();

    static Stream<Path> scenarios() throws IOException {
        return Files.list(SCENARIOS).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    private List<Finding> decide(ScenarioReader.Scenario s) {
        return knowledge.factory().at(Clock.fixed(s.asOf(), ZoneOffset.UTC)).decide(s.facts(), s.kind());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void expectedTopics(Path file) throws IOException {
        ScenarioReader.Scenario s = ScenarioReader.read(file);
        List<String> topics = decide(s).stream().map(Finding::topic).toList();
        assertThat(topics).as(s.name()).containsAll(s.included());
        assertThat(topics).as(s.name()).noneMatch(s.excluded()::contains);
        assertThat(topics.isEmpty()).as(s.name() + " no cards").isEqualTo(s.noCards());
    }

    @Test
    void candidateNamesTheFailedTrialsAndThePriorKetamineCourse() throws IOException {
        Finding candidate = decide(ScenarioReader.read(SCENARIOS.resolve("pv-candidate.json")))
                .get(0);
        assertThat(candidate.topic()).isEqualTo(Topics.COMBINATION_CANDIDATE);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> trials =
                (List<Map<String, Object>>) candidate.details().get("trials");
        assertThat(trials).extracting(t -> t.get("drug")).containsExactly("sertraline", "escitalopram");
        assertThat(trials).extracting(t -> t.get("failedBy")).containsOnly("score");
        assertThat(trials.get(0)).containsEntry("dailyDoseMg", 150.0).containsEntry("weeks", 14L);
        assertThat(candidate.details())
                .containsEntry("failureDefinition", knowledge.parameters().failureDefinition())
                .containsEntry("minFailedTrials", 2);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> monotherapy =
                (List<Map<String, Object>>) candidate.details().get("monotherapy");
        assertThat(monotherapy).singleElement().satisfies(m -> assertThat(m).containsEntry("kind", "ketamine"));
        assertThat(candidate.evidence())
                .contains(
                        "Condition/cond-1",
                        "MedicationStatement/ms-2",
                        "MedicationStatement/ms-3",
                        "MedicationStatement/ms-10",
                        "Observation/obs-9",
                        "Observation/obs-11");
    }

    @Test
    void overdoseSuggestsFortyMilligrams() throws IOException {
        Finding check = decide(ScenarioReader.read(SCENARIOS.resolve("os-ketamine-overdose.json"))).stream()
                .filter(f -> f.topic().equals(Topics.KETAMINE_DOSE_CHECK))
                .findFirst()
                .orElseThrow();
        assertThat(check.details())
                .containsEntry("suggestedDoseMg", 40.0)
                .containsEntry("suggestedMinutes", 40)
                .containsEntry("draftOrderRef", "MedicationRequest/ket-2");
    }
}
