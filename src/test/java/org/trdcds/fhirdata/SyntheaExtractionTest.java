package org.trdcds.fhirdata;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trdcds.criteria.Code;
import org.trdcds.criteria.ObservationFact;
import org.trdcds.criteria.PatientFacts;

/** Every Synthea transaction bundle of src/test/resources/fixtures/synthea is extracted, and what is in it shows up as facts. */
class SyntheaExtractionTest {

    private static final Path SYNTHEA = Path.of("src/test/resources/fixtures/synthea");
    private static final IParser PARSER =
            FhirContext.forR4Cached().newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));

    private final HapiFactExtractor extractor = new HapiFactExtractor();

    static Stream<Path> bundles() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SYNTHEA)) {
            files = walk.filter(file -> file.toString().endsWith(".json.gz"))
                    .sorted()
                    .toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(30);
        return files.stream();
    }

    private static Bundle read(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return PARSER.parseResource(Bundle.class, in);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void everyBundleIsExtracted(Path file) throws IOException {
        PatientData data = new PatientDataCollector().add(read(file)).build();

        PatientFacts facts = extractor.extract(data, null, null);

        boolean patientFile = data.patient() != null;
        assertThat(facts.patientId() != null).isEqualTo(patientFile);
        if (patientFile) {
            assertThat(facts.birthDate()).isNotNull();
            assertThat(facts.observations())
                    .isNotEmpty()
                    .allSatisfy(observation -> assertThat(observation.ref()).startsWith("Observation/"));
        }
        if (patientFile && file.getParent().getFileName().toString().equals("synthea-mdd")) {
            assertThat(facts.conditions())
                    .anySatisfy(condition -> assertThat(condition.codes())
                            .contains(new Code("http://snomed.info/sct", "370143000", "Major depression disorder")));
        }
        List<ObservationFact> phq9 = facts.observations().stream()
                .filter(observation -> observation.codes().stream()
                        .anyMatch(code -> code.code().equals("44261-6")))
                .toList();
        assertThat(phq9).allSatisfy(score -> assertThat(score.value()).isBetween(0.0, 27.0));
        assertThat(facts.observations())
                .filteredOn(observation -> observation.codes().stream()
                        .anyMatch(code -> code.code().equals("85354-9")))
                .allSatisfy(bp -> assertThat(bp.components())
                        .extracting(ObservationFact.Component::value)
                        .doesNotContainNull());
    }
}
