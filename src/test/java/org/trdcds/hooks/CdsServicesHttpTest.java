package org.trdcds.hooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.trdcds.criteria.HookKind;
import org.trdcds.fhirdata.DataUnavailableException;
import org.trdcds.fhirdata.FetchPlan;

/** Every status of the edge over real HTTP, each with its OperationOutcome body. */
class CdsServicesHttpTest extends EdgeTestBase {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SCREENING = "ketamine-tms-screening";
    static final String ORDER_SIGN = "ketamine-tms-order-sign";
    static final String ORDER_SELECT = "ketamine-tms-order-select";

    static ObjectNode request(String hook) {
        ObjectNode request = JSON.createObjectNode()
                .put("hook", hook)
                .put("hookInstance", UUID.randomUUID().toString())
                .put("fhirServer", "https://ehr.example.org/fhir");
        ObjectNode context =
                request.putObject("context").put("userId", "Practitioner/doc-1").put("patientId", "p-1");
        if (!"patient-view".equals(hook)) {
            ObjectNode order = context.putObject("draftOrders")
                    .put("resourceType", "Bundle")
                    .putArray("entry")
                    .addObject()
                    .putObject("resource");
            order.put("resourceType", "MedicationRequest")
                    .put("id", "ket-1")
                    .put("status", "draft")
                    .put("intent", "order");
        }
        if ("order-select".equals(hook)) {
            context.putArray("selections").add("MedicationRequest/ket-1");
        }
        return request;
    }

    static Response post(String serviceId, Object body) {
        return given().contentType(ContentType.JSON).body(body.toString()).post("/cds-services/" + serviceId);
    }

    static void assertOutcome(Response response, int status, String code, String diagnostics) {
        response.then().statusCode(status).contentType(ContentType.JSON);
        assertThat(response.jsonPath().getString("resourceType")).isEqualTo("OperationOutcome");
        assertThat(response.jsonPath().getString("issue[0].severity")).isEqualTo("error");
        assertThat(response.jsonPath().getString("issue[0].code")).isEqualTo(code);
        assertThat(response.jsonPath().getString("issue[0].diagnostics")).contains(diagnostics);
    }

    @Nested
    class Discovery {
        @Test
        void listsTheThreeServicesOfTheProtocol() {
            Response response = given().get("/cds-services");
            response.then().statusCode(200);
            assertThat(response.jsonPath().getList("services.id")).containsExactly(SCREENING, ORDER_SIGN, ORDER_SELECT);
            assertThat(response.jsonPath().getList("services.hook"))
                    .containsExactly("patient-view", "order-sign", "order-select");
            assertThat(response.jsonPath().getString("services[0].prefetch.patient"))
                    .isEqualTo("Patient/{{context.patientId}}");
            assertThat(response.jsonPath().getString("services[1].usageRequirements"))
                    .contains("https://fhir.trd-cds-hooks.org/StructureDefinition/ketamine-draft-medicationrequest");
        }
    }

    @Nested
    class Success {
        /** A client built before medicationAdministrations joined the prefetch, without a fhirServer: not 412. */
        @Test
        void anUnsentSupplementaryKeyIsLeftOutOfThePlanOnlyWhenThereIsNoFhirServer() throws Exception {
            ObjectNode body = request("patient-view");
            body.remove("fhirServer");
            ObjectNode prefetch = body.putObject("prefetch");
            prefetch.putObject("patient").put("resourceType", "Patient").put("id", "p-1");

            post(SCREENING, body).then().statusCode(200);
            ArgumentCaptor<FetchPlan> plan = ArgumentCaptor.forClass(FetchPlan.class);
            verify(loader).load(plan.capture());
            assertThat(plan.getValue().queries())
                    .doesNotContainKey("medicationAdministrations")
                    .containsKeys("patient", "conditions", "observations", "medicationRequests", "procedures");

            org.mockito.Mockito.clearInvocations(loader);
            post(SCREENING, request("patient-view")).then().statusCode(200);
            verify(loader).load(plan.capture());
            assertThat(plan.getValue().queries()).containsKey("medicationAdministrations");
        }

        @Test
        void patientViewHandsTheSubstitutedQueriesAndThePrefetchAsReceivedToTheLoader() throws Exception {
            ObjectNode body = request("patient-view");
            body.putObject("fhirAuthorization")
                    .put("access_token", "opaque-token")
                    .put("token_type", "Bearer")
                    .put("expires_in", 300)
                    .put("scope", "user/*.read")
                    .put("subject", "cds-service");
            ObjectNode prefetch = body.putObject("prefetch");
            prefetch.putObject("patient").put("resourceType", "Patient").put("id", "p-1");
            prefetch.putNull("conditions");
            prefetch.put("foreignKey", "not ours, ignored");

            Response response = post(SCREENING, body);

            response.then().statusCode(200);
            assertThat(UUID.fromString(response.jsonPath().getString("cards[0].uuid")))
                    .isNotNull();
            assertThat(response.jsonPath().getString("cards[0].source.topic.code"))
                    .isEqualTo(TOPIC);
            ArgumentCaptor<FetchPlan> plan = ArgumentCaptor.forClass(FetchPlan.class);
            verify(loader).load(plan.capture());
            assertThat(plan.getValue().patientId()).isEqualTo("p-1");
            assertThat(plan.getValue().bearerToken()).isEqualTo("opaque-token");
            assertThat(plan.getValue().fhirServer()).isEqualTo("https://ehr.example.org/fhir");
            assertThat(plan.getValue().queries())
                    .containsEntry("patient", "Patient/p-1")
                    .containsEntry("conditions", "Condition?patient=p-1")
                    .containsKeys("observations", "medicationStatements", "medicationRequests", "procedures");
            assertThat(plan.getValue().queries().get("observations")).startsWith("Observation?patient=p-1&code=");
            assertThat(plan.getValue().prefetch()).containsOnlyKeys("patient", "conditions");
            assertThat(plan.getValue().prefetch().get("patient")).isInstanceOf(Patient.class);
            assertThat(plan.getValue().prefetch().get("conditions")).isNull();
            verify(decision).decide(any(), eq(HookKind.SCREENING));
        }

        @Test
        void orderSelectPassesDraftOrdersSelectionsAndTheRawDraftJson() {
            post(ORDER_SELECT, request("order-select")).then().statusCode(200);

            verify(extractor).extract(any(), any(Bundle.class), eq(List.of("MedicationRequest/ket-1")));
            verify(decision).decide(any(), eq(HookKind.ORDER_CHECK));
            @SuppressWarnings("unchecked")
            ArgumentCaptor<Map<String, String>> drafts = ArgumentCaptor.forClass(Map.class);
            verify(renderer).render(anyList(), eq(ORDER_SELECT), eq("p-1"), drafts.capture());
            assertThat(drafts.getValue()).containsOnlyKeys("MedicationRequest/ket-1");
            assertThat(drafts.getValue().get("MedicationRequest/ket-1")).contains("\"status\":\"draft\"");
        }

        @Test
        void keepsAValidCardUuidFromTheRenderer() {
            String uuid = UUID.randomUUID().toString();
            when(renderer.render(anyList(), anyString(), anyString(), any())).thenReturn(List.of(card(uuid)));
            assertThat(post(SCREENING, request("patient-view")).jsonPath().getString("cards[0].uuid"))
                    .isEqualTo(uuid);
        }
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                invalid("missing hook", SCREENING, r -> r.remove("hook"), "hook is required"),
                invalid(
                        "hook of another service",
                        SCREENING,
                        r -> r.put("hook", "order-sign"),
                        "hook does not match service ketamine-tms-screening"),
                invalid(
                        "hookInstance not a UUID",
                        SCREENING,
                        r -> r.put("hookInstance", "1-1-1-1-1"),
                        "hookInstance must be a UUID"),
                invalid("missing hookInstance", SCREENING, r -> r.remove("hookInstance"), "hookInstance is required"),
                invalid("missing context", SCREENING, r -> r.remove("context"), "context is required"),
                invalid(
                        "missing patientId",
                        SCREENING,
                        r -> ((ObjectNode) r.get("context")).remove("patientId"),
                        "context.patientId is required for hook patient-view"),
                invalid(
                        "missing userId",
                        ORDER_SIGN,
                        r -> ((ObjectNode) r.get("context")).remove("userId"),
                        "context.userId is required for hook order-sign"),
                invalid(
                        "order-sign without draftOrders",
                        ORDER_SIGN,
                        r -> ((ObjectNode) r.get("context")).remove("draftOrders"),
                        "context.draftOrders is required for hook order-sign"),
                invalid(
                        "order-select without selections",
                        ORDER_SELECT,
                        r -> ((ObjectNode) r.get("context")).remove("selections"),
                        "context.selections is required for hook order-select"),
                invalid(
                        "draftOrders not a Bundle",
                        ORDER_SIGN,
                        r -> ((ObjectNode) r.get("context"))
                                .putObject("draftOrders")
                                .put("resourceType", "Patient"),
                        "context.draftOrders must be a FHIR Bundle"),
                invalid(
                        "patientId with a query in it",
                        SCREENING,
                        r -> ((ObjectNode) r.get("context")).put("patientId", "1&_include=*"),
                        "context.patientId must be a FHIR resource id"),
                invalid(
                        "fhirAuthorization without fhirServer",
                        SCREENING,
                        r -> {
                            r.remove("fhirServer");
                            r.putObject("fhirAuthorization").put("access_token", "t");
                        },
                        "fhirServer is required when fhirAuthorization is present"),
                invalid(
                        "fhirAuthorization without access_token",
                        SCREENING,
                        r -> r.putObject("fhirAuthorization").put("token_type", "Bearer"),
                        "fhirAuthorization.access_token is required"),
                invalid(
                        "fhirServer not a URL",
                        SCREENING,
                        r -> r.put("fhirServer", "ehr"),
                        "fhirServer must be an absolute http(s) URL"),
                invalid(
                        "prefetch value not a resource",
                        SCREENING,
                        r -> r.putObject("prefetch").put("patient", "Patient/1"),
                        "prefetch.patient must be a FHIR resource or null"),
                invalid(
                        "prefetch value of an unknown resource type",
                        SCREENING,
                        r -> r.putObject("prefetch").putObject("conditions").put("resourceType", "MedicationOrder"),
                        "prefetch.conditions is not a FHIR R4 resource"));
    }

    static Arguments invalid(String name, String service, Consumer<ObjectNode> change, String diagnostics) {
        return Arguments.of(name, service, change, diagnostics);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void invalidRequestsGet400SayingWhatIsWrong(
            String name, String service, Consumer<ObjectNode> change, String diagnostics) {
        String hook = Map.of(SCREENING, "patient-view", ORDER_SIGN, "order-sign", ORDER_SELECT, "order-select")
                .get(service);
        ObjectNode body = request(hook);
        change.accept(body);
        assertOutcome(post(service, body), 400, diagnostics.contains("required") ? "required" : "invalid", diagnostics);
    }

    @ParameterizedTest(name = "body {0}")
    @MethodSource("malformedBodies")
    void malformedBodiesGet400(String body, String diagnostics) {
        assertOutcome(post(SCREENING, body), 400, "invalid", diagnostics);
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("{", "request body is not valid JSON"),
                Arguments.of("[]", "request body must be a JSON object"),
                Arguments.of("", "request body must be a JSON object"));
    }

    @Test
    void unknownServiceIs404() {
        assertOutcome(
                post("no-such-service", request("patient-view")),
                404,
                "not-found",
                "no CDS service with id 'no-such-service'");
    }

    @Test
    void getOnAServiceIs405() {
        Response response = given().get("/cds-services/" + SCREENING);
        assertOutcome(response, 405, "not-supported", "GET");
        assertThat(response.header("Allow")).contains("POST");
    }

    @Test
    void nonJsonIs415() {
        Response response = given().contentType(ContentType.TEXT).body("hello").post("/cds-services/" + SCREENING);
        assertOutcome(response, 415, "not-supported", "text/plain");
    }

    @Test
    void acceptWithoutJsonIs406FromSpringMvc() {
        Response response = given().contentType(ContentType.JSON)
                .accept("text/html")
                .body(request("patient-view").toString())
                .post("/cds-services/" + SCREENING);
        assertThat(response.statusCode()).isEqualTo(406);
    }

    /**
     * HookCalls answers the usual hook call from the filter chain; a request it leaves to Spring MVC (here an id
     * written with a percent-encoded hyphen, which Spring decodes) gets the same answers and the same errors.
     */
    @Test
    void theFilterAndSpringMvcGiveTheSameAnswersAndErrors() {
        String encoded = "/cds-services/" + SCREENING.replaceFirst("-", "%2D");
        String invalid =
                request("patient-view").put("hookInstance", "not-a-uuid").toString();
        for (String path : List.of("/cds-services/" + SCREENING, encoded)) {
            Response ok = given().urlEncodingEnabled(false)
                    .contentType(ContentType.JSON)
                    .accept("application/json")
                    .body(request("patient-view").toString())
                    .post(path);
            ok.then()
                    .statusCode(200)
                    .contentType("application/json")
                    .header("Content-Length", String.valueOf(ok.asByteArray().length));
            assertThat(ok.jsonPath().getString("cards[0].source.topic.code"))
                    .as(path)
                    .isEqualTo(TOPIC);
            Response refused = given().urlEncodingEnabled(false)
                    .contentType("application/fhir+json")
                    .body(invalid)
                    .post(path);
            assertOutcome(refused, 400, "invalid", "hookInstance must be a UUID");
        }
        // the filter path still names its route in Spring's http.server.requests metric
        String metrics = given().get("/actuator/prometheus").asString();
        assertThat(metrics)
                .containsPattern(
                        "http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*status=\"200\",uri=\"/cds-services/\\{id}\"")
                .doesNotContainPattern(
                        "http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*status=\"200\",uri=\"UNKNOWN\"");
    }

    @Test
    void unavailableDataIs412AndCounted() {
        when(loader.load(any())).thenThrow(new DataUnavailableException("no fhirServer; prefetch.conditions missing"));
        ObjectNode body = request("patient-view");
        body.remove("fhirServer");
        assertOutcome(
                post(SCREENING, body), 412, "incomplete", "the FHIR data the decision needs could not be obtained");
        String metrics = given().get("/actuator/prometheus").asString();
        assertThat(metrics)
                .containsPattern("cds_prefetch_unavailable_total\\{.*service=\"" + SCREENING + "\".*} [1-9]");
    }

    @Nested
    class Limits {
        @Test
        void declaredBodyOverTheLimitIs413() {
            String body =
                    request("patient-view").put("padding", "x".repeat(99_000)).toString() + " ".repeat(300 * 1024);
            assertOutcome(post(SCREENING, body), 413, "too-long", "cds.limits.max-body-bytes");
        }

        @Test
        void chunkedBodyOverTheLimitIs413() throws Exception {
            byte[] body =
                    (request("patient-view").toString() + " ".repeat(310 * 1024)).getBytes(StandardCharsets.UTF_8);
            HttpRequest chunked = HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/cds-services/" + SCREENING))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                    .build();
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).contains("cds.limits.max-body-bytes");
        }

        @Test
        void chunkedBodyUnderTheLimitIsServed() throws Exception {
            byte[] body = request("patient-view").toString().getBytes(StandardCharsets.UTF_8);
            HttpRequest chunked = HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/cds-services/" + SCREENING))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                    .build();
            assertThat(HttpClient.newHttpClient()
                            .send(chunked, HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(200);
        }

        /**
         * 201 resources, as a Bundle's entries and as entries in arrays nested in the entry array (HAPI flattens
         * them, so they count: found by review).
         */
        @ParameterizedTest(name = "entries nested {0} arrays deep")
        @ValueSource(ints = {0, 2})
        void tooManyResourcesIs413(int nesting) {
            ObjectNode body = request("patient-view");
            ArrayNode entries = body.putObject("prefetch")
                    .putObject("conditions")
                    .put("resourceType", "Bundle")
                    .putArray("entry");
            for (int level = 0; level < nesting; level++) {
                entries = entries.addArray();
            }
            for (int i = 0; i < 200; i++) {
                entries.addObject()
                        .putObject("resource")
                        .put("resourceType", "Condition")
                        .put("id", "c" + i);
            }
            assertOutcome(
                    post(SCREENING, body),
                    413,
                    "too-long",
                    "request carries 201 FHIR resources; the limit is 200 (cds.limits.max-resources)");
        }

        @Test
        void tooLongStringIs413() {
            ObjectNode body = request("patient-view").put("extension", "x".repeat(100_001));
            assertOutcome(post(SCREENING, body), 413, "too-long", "cds.limits.max-string-length");
        }

        @Test
        void tooDeepNestingIs413() {
            String body = request("patient-view")
                    .toString()
                    .replaceFirst("\\{", "{\"extension\":" + "[".repeat(41) + "]".repeat(41) + ",");
            assertOutcome(post(SCREENING, body), 413, "too-long", "cds.limits.max-nesting-depth");
        }
    }

    @Test
    void unexpectedFailureIs500WithoutInternalsAndTheServiceKeepsServing() {
        when(decision.decide(any(), any())).thenThrow(new IllegalStateException("secret internal detail"));
        Response failed = post(SCREENING, request("patient-view"));
        assertOutcome(failed, 500, "exception", "internal error");
        assertThat(failed.asString()).doesNotContain("secret internal detail").doesNotContain("IllegalStateException");

        doReturn(List.of()).when(decision).decide(any(), any());
        post(SCREENING, request("patient-view")).then().statusCode(200);
    }

    @ParameterizedTest(name = "preflight {0}")
    @MethodSource("corsPaths")
    void corsPreflightAllowsAuthorizationAndContentType(String path) {
        Response response = given().header("Origin", "https://sandbox.cds-hooks.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options(path);
        response.then().statusCode(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(response.header("Access-Control-Allow-Headers").toLowerCase())
                .contains("authorization")
                .contains("content-type");
        assertThat(response.header("Access-Control-Allow-Methods")).contains("POST");
    }

    static Stream<String> corsPaths() {
        return Stream.of("/cds-services", "/cds-services/" + SCREENING, "/cds-services/" + SCREENING + "/feedback");
    }
}
