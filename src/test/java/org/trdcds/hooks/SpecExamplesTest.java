package org.trdcds.hooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.trdcds.hooks.HookInvocation.CardsResponse;

/**
 * Every JSON of src/test/resources/fixtures/cds-hooks-examples: requests of the hooks we serve go through POST (200, or a
 * clear 4xx, never 5xx); feedback goes through the feedback parser; request fragments go through the request parser;
 * responses and discovery documents are read as such.
 */
class SpecExamplesTest extends EdgeTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> SERVICE_BY_HOOK = Map.of(
            "patient-view",
            "ketamine-tms-screening",
            "order-sign",
            "ketamine-tms-order-sign",
            "order-select",
            "ketamine-tms-order-select");

    @Autowired
    ServiceCatalog catalog;

    @Autowired
    HookRequestParser hookParser;

    @Autowired
    FeedbackRequestParser feedbackParser;

    @Autowired
    ObjectMapper objectMapper;

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    static Stream<Path> requests() throws IOException {
        return fixtures().filter(file -> read(file).has("hookInstance"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void requestsOfOurHooksAreServedOrRefusedClearly(Path file) throws IOException {
        JsonNode request = read(file);
        String service = SERVICE_BY_HOOK.get(request.path("hook").asText());
        assertThat(service).as("a hook this service answers").isNotNull();

        Response response = given().contentType(ContentType.JSON)
                .body(Files.readString(file))
                .post("/cds-services/" + service);

        boolean complete = request.path("context").has("patientId");
        if (complete) {
            response.then().statusCode(200);
            assertThat(response.jsonPath().getList("cards")).hasSize(1);
        } else {
            response.then().statusCode(400);
            assertThat(response.jsonPath().getString("issue[0].diagnostics"))
                    .isEqualTo("context.patientId is required for hook patient-view");
        }
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"examples/patient-view-candidate.json", "examples/order-sign-ketamine.json"})
    void theReadmeExamplesAreServed(String example) throws IOException {
        Path file = Path.of(example);
        String service = SERVICE_BY_HOOK.get(read(file).path("hook").asText());
        given().contentType(ContentType.JSON)
                .body(Files.readString(file))
                .post("/cds-services/" + service)
                .then()
                .statusCode(200);
        org.mockito.ArgumentCaptor<org.trdcds.fhirdata.FetchPlan> plan =
                org.mockito.ArgumentCaptor.forClass(org.trdcds.fhirdata.FetchPlan.class);
        org.mockito.Mockito.verify(loader).load(plan.capture());
        assertThat(plan.getValue().prefetch())
                .containsOnlyKeys(catalog.find(service).orElseThrow().prefetch().keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyOtherExampleParses(Path file) throws IOException {
        JsonNode example = read(file);
        byte[] bytes = Files.readAllBytes(file);
        if (example.has("feedback")) {
            assertThat(feedbackParser.parse(bytes)).isNotEmpty();
        } else if (example.has("cards")) {
            assertThat(objectMapper.readValue(bytes, CardsResponse.class).cards())
                    .isNotNull();
        } else if (example.has("services")) {
            assertThat(objectMapper
                            .readValue(bytes, ServiceCatalog.Discovery.class)
                            .services())
                    .isNotEmpty();
        } else if (example.has("context") && !example.has("hookInstance")) {
            parseAsOrderSelect(file, (ObjectNode) example);
        } else {
            assertThatCode(() -> new RequestJson(limits()).readObject(bytes)).doesNotThrowAnyException();
        }
    }

    /** A context fragment, completed into an order-select call: parsed, or refused with a 400 that says why. */
    private void parseAsOrderSelect(Path file, ObjectNode fragment) {
        fragment.put("hook", "order-select")
                .put("hookInstance", UUID.randomUUID().toString());
        byte[] body = fragment.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        CdsService service = catalog.find("ketamine-tms-order-select").orElseThrow();
        CdsException refused = catchThrowableOfType(CdsException.class, () -> hookParser.parse(service, body));
        if (refused != null) {
            assertThat(refused.status().value())
                    .as(file + ": " + refused.getMessage())
                    .isEqualTo(400);
            assertThat(refused.getMessage()).startsWith("context.");
        } else {
            assertThat(fragment.path("context").has("draftOrders")).isTrue();
        }
    }

    private static org.trdcds.edge.CdsLimits limits() {
        return new org.trdcds.edge.CdsLimits(
                org.springframework.util.unit.DataSize.ofMegabytes(10),
                100,
                1_000_000,
                5000,
                java.time.Duration.ofSeconds(10),
                0);
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(file + " is not JSON", e);
        }
    }
}
