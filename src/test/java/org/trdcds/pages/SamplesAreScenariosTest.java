package org.trdcds.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The preview page's samples (src/main/resources/samples, shipped in the jar) are byte copies of the worked scenarios
 * the tests decide (src/test/resources/scenarios, scenarios-v2 and scenarios-v3): a scenario edited without its sample, or the
 * other way round, fails here. Copy the scenario over the sample to fix it.
 */
class SamplesAreScenariosTest {

    private static final Path SAMPLES = Path.of("src/main/resources/samples");
    private static final List<Path> SCENARIOS = List.of(
            Path.of("src/test/resources/scenarios"),
            Path.of("src/test/resources/scenarios-v2"),
            Path.of("src/test/resources/scenarios-v3"));

    @Test
    void everySampleIsAByteCopyOfTheScenarioOfItsName() throws IOException {
        List<Path> samples;
        try (Stream<Path> files = Files.list(SAMPLES)) {
            samples = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(samples).extracting(f -> f.getFileName().toString()).contains("pv-candidate.json");
        assertThat(samples)
                .as("a sample of each topic new in protocol v3")
                .extracting(f -> f.getFileName().toString())
                .contains("v3-os-esketamine-above-84.json", "v3-os-under-18-above-ceiling.json");
        for (Path sample : samples) {
            Path scenario = SCENARIOS.stream()
                    .map(dir -> dir.resolve(sample.getFileName()))
                    .filter(Files::exists)
                    .findFirst()
                    .orElse(null);
            assertThat(scenario)
                    .as("the scenario of sample " + sample.getFileName())
                    .isNotNull();
            assertThat(Files.readAllBytes(sample))
                    .as(sample + " = " + scenario)
                    .isEqualTo(Files.readAllBytes(scenario));
        }
    }
}
