package org.trdcds.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;
import org.trdcds.config.FhirConfiguration;
import org.trdcds.edge.CdsLimits;

/**
 * HAPI parses prefetch resources straight from the request's Jackson tree; the result must be exactly what HAPI
 * makes of the same JSON text (compared by HAPI's own encoding of both).
 */
class PrefetchTreeParsingTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CdsLimits LIMITS =
            new CdsLimits(DataSize.ofMegabytes(50), 100, 1_000_000, 100_000, java.time.Duration.ofSeconds(10), 0);
    private static final HookRequestParser PARSER = new HookRequestParser(new RequestJson(LIMITS), FHIR, LIMITS);
    private static final CdsService SCREENING = new ServiceCatalog(JSON, org.trdcds.knowledge.ProjectKnowledge.get())
            .find("ketamine-tms-screening")
            .orElseThrow();

    static Stream<Path> records() throws IOException {
        Path smallestSynthea;
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/fixtures/synthea"))) {
            smallestSynthea = files.filter(path -> path.toString().endsWith(".json.gz"))
                    .min((a, b) -> Long.compare(a.toFile().length(), b.toFile().length()))
                    .orElseThrow();
        }
        try (Stream<Path> scenarios = Files.list(Path.of("src/test/resources/scenarios"))) {
            return Stream.concat(scenarios.sorted().toList().stream(), Stream.of(smallestSynthea));
        }
    }

    @ParameterizedTest
    @MethodSource("records")
    void recordParsedFromTheTreeEqualsHapisParseOfTheText(Path file) throws IOException {
        String bundle = file.toString().endsWith(".gz")
                ? gunzip(file)
                : JSON.readTree(file.toFile()).get("record").toString();

        assertThat(encode(fromRequest(bundle)))
                .isEqualTo(encode(FhirConfiguration.lenientJsonParser(FHIR).parseResource(bundle)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0.10",
                "1.50",
                "120.000",
                "1e2",
                "1.5E-3",
                "12345678901234567890.123456789012345",
                "-0.0",
                "40",
                "9223372036854775808"
            })
    void decimalsKeepEveryDigit(String number) {
        String observation = """
                {"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Observation",
                "id":"o1","status":"final","code":{"text":"\\u00e9 weight"},
                "valueQuantity":{"value":%s,"unit":"kg"}}}]}""".formatted(number);

        String fromTree = encode(fromRequest(observation));

        assertThat(fromTree)
                .isEqualTo(encode(FhirConfiguration.lenientJsonParser(FHIR).parseResource(observation)));
        assertThat(fromTree).contains("é weight");
    }

    @Test
    void draftOrdersKeepTheirOwnJsonAfterHapiReadTheTree() throws IOException {
        String order = """
                {"resourceType":"MedicationRequest","id":"draft-1","status":"draft","intent":"order",
                "subject":{"reference":"Patient/p1"},"medicationCodeableConcept":{"text":"ketamine"},
                "dosageInstruction":[{"doseAndRate":[{"doseQuantity":{"value":0.50,"unit":"mg/kg"}}]}]}""";
        byte[] body = ("{\"hook\":\"order-sign\",\"hookInstance\":\"3f1c2b52-6f0e-4c7a-9a51-2d3c7e5f8a10\","
                        + "\"context\":{\"userId\":\"Practitioner/1\",\"patientId\":\"p1\",\"draftOrders\":"
                        + "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":" + order
                        + "}]}}}")
                .getBytes(StandardCharsets.UTF_8);
        CdsService orderSign = new ServiceCatalog(JSON, org.trdcds.knowledge.ProjectKnowledge.get())
                .find("ketamine-tms-order-sign")
                .orElseThrow();

        HookRequest request = PARSER.parse(orderSign, body);

        assertThat(request.draftOrders().getEntry()).hasSize(1);
        assertThat(request.draftOrderJson().get("MedicationRequest/draft-1")).contains("\"value\":0.50");
        assertThat(JSON.readTree(request.draftOrderJson().get("MedicationRequest/draft-1")))
                .isEqualTo(JSON.readTree(order));
    }

    @Test
    void aResourceHapiCannotReadIsStillRefusedNamingTheKey() {
        assertThatThrownBy(() -> fromRequest("{\"resourceType\":\"NoSuchType\",\"id\":\"x\"}"))
                .isInstanceOf(CdsException.class)
                .hasMessageContaining("prefetch.conditions is not a FHIR R4 resource");
    }

    /**
     * The resource as a hook call's prefetch key is read (request JSON settings, HAPI from the tree), without the
     * checks of what a key may hold (RequestScopeTest): these records are whole patient records of other ids.
     */
    private static IBaseResource fromRequest(String resource) {
        return HookRequestParser.parseTree(
                FHIR,
                (com.fasterxml.jackson.databind.node.ObjectNode) new RequestJson(LIMITS)
                        .readObject(request(resource))
                        .get("prefetch")
                        .get("conditions"),
                "prefetch.conditions");
    }

    private static byte[] request(String resource) {
        return ("{\"hook\":\"patient-view\",\"hookInstance\":\"3f1c2b52-6f0e-4c7a-9a51-2d3c7e5f8a10\","
                        + "\"context\":{\"userId\":\"Practitioner/1\",\"patientId\":\"p1\"},\"prefetch\":{\"conditions\":"
                        + resource + "}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(IBaseResource resource) {
        IParser parser = FHIR.newJsonParser();
        return parser.encodeResourceToString(resource);
    }

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
