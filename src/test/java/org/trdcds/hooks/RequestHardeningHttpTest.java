package org.trdcds.hooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.trdcds.security.RawHttp;

/**
 * Issue 12 at the edge, over real HTTP (loopback-only mode, spring.main.cloud-platform=kubernetes): strict JSON,
 * errors that name positions and never echo the body, no forged log lines, another patient's data refused, a
 * prefetch key of the wrong types refused, X-Forwarded-For never deciding "loopback", a huge header answered with
 * JSON, and refusals counted by reason.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestHardeningHttpTest extends EdgeTestBase {

    static final String SCREENING = "ketamine-tms-screening";
    static final String SIGN = "ketamine-tms-order-sign";

    static Response post(String serviceId, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/cds-services/" + serviceId);
    }

    static void assertRefused(Response response, int status, String diagnostics) {
        response.then().statusCode(status).contentType(ContentType.JSON);
        assertThat(response.jsonPath().getString("resourceType")).isEqualTo("OperationOutcome");
        assertThat(response.jsonPath().getString("issue[0].diagnostics")).isEqualTo(diagnostics);
    }

    @Test
    void duplicateKeysAndTrailingContentAre400AtTheirPosition() {
        String duplicate = CdsServicesHttpTest.request("patient-view")
                .toString()
                .replace("\"hook\":\"patient-view\"", "\"hook\":\"patient-view\",\"hook\":\"order-sign\"");
        assertRefused(
                post(SCREENING, duplicate),
                400,
                "request body is not valid JSON: a duplicate key at line 1, column 30 (byte offset 29)");

        String trailing = CdsServicesHttpTest.request("patient-view") + " {\"hook\":\"x\"}";
        Response response = post(SCREENING, trailing);
        response.then().statusCode(400);
        assertThat(response.jsonPath().getString("issue[0].diagnostics"))
                .startsWith("request body is not valid JSON: content after the JSON object at line 1");
    }

    @Test
    void parseErrorsNameThePositionNeverTheContent(CapturedOutput output) {
        Response response = post(SCREENING, "{\"hook\": Smith-Jones-1961}");

        assertRefused(
                response, 400, "request body is not valid JSON: malformed JSON at line 1, column 10 (byte offset 9)");
        assertThat(output.getAll()).doesNotContain("Smith");

        ObjectNode badResource = CdsServicesHttpTest.request("patient-view");
        badResource.putObject("prefetch").putObject("conditions").put("resourceType", "Smithson-Patient-Name");
        assertThat(post(SCREENING, badResource.toString()).asString()).doesNotContain("Smithson");
        assertThat(output.getAll()).doesNotContain("Smithson");
    }

    @Test
    void callerTextCannotForgeALogLine(CapturedOutput output) {
        ObjectNode forged = CdsServicesHttpTest.request("patient-view")
                .put("hook", "patient-view\n2026-12-01T00:00:00.000Z  INFO 1 --- [main] FORGED : admin logged in");
        Response response = post("no-such-service\u001b[31m", forged.toString());

        response.then().statusCode(404);
        response = post(SCREENING, forged.toString());
        response.then().statusCode(400);
        assertThat(output.getAll())
                .doesNotContain("\nFORGED")
                .doesNotContain("\n2026-12-01T00:00:00.000Z")
                .doesNotContain("\u001b[31m");
    }

    @Test
    void aPrefetchedPatientOrConditionOfAnotherPatientIs400NamingTheKey() {
        ObjectNode call = CdsServicesHttpTest.request("patient-view");
        call.putObject("prefetch")
                .putObject("patient")
                .put("resourceType", "Patient")
                .put("id", "someone-else");
        assertRefused(
                post(SCREENING, call.toString()),
                400,
                "prefetch.patient holds a resource of another patient than context.patientId");

        ObjectNode conditions = CdsServicesHttpTest.request("patient-view");
        conditions
                .putObject("prefetch")
                .putObject("conditions")
                .put("resourceType", "Bundle")
                .put("type", "searchset")
                .putArray("entry")
                .addObject()
                .putObject("resource")
                .put("resourceType", "Condition")
                .put("id", "c1")
                .putObject("subject")
                .put("reference", "Patient/someone-else");
        assertRefused(
                post(SCREENING, conditions.toString()),
                400,
                "prefetch.conditions holds a resource of another patient than context.patientId");
    }

    @Test
    void aDraftOrderForAnotherPatientIs400NamingTheOrder() {
        ObjectNode call = CdsServicesHttpTest.request("order-sign");
        ((ObjectNode) call.at("/context/draftOrders/entry/0/resource"))
                .putObject("subject")
                .put("reference", "Patient/someone-else");

        assertRefused(
                post(SIGN, call.toString()),
                400,
                "context.draftOrders entry 0 (MedicationRequest/ket-1) is for another patient than context.patientId");
    }

    @Test
    void aPrefetchKeyHoldingATypeItsTemplateDoesNotQueryIs400NamingTheKey() {
        ObjectNode call = CdsServicesHttpTest.request("patient-view");
        call.putObject("prefetch")
                .putObject("conditions")
                .put("resourceType", "Bundle")
                .put("type", "searchset")
                .putArray("entry")
                .addObject()
                .putObject("resource")
                .put("resourceType", "Observation")
                .put("id", "o1");

        assertRefused(
                post(SCREENING, call.toString()),
                400,
                "prefetch.conditions holds a Observation resource, a type its prefetch template does not query");
    }

    @Test
    void xForwardedForNeverDecidesLoopbackEvenOnKubernetes() {
        // loopback-only mode: if 10.1.2.3 were believed, this loopback caller would be refused
        given().header("X-Forwarded-For", "10.1.2.3")
                .header("Forwarded", "for=10.1.2.3")
                .get("/cds-services")
                .then()
                .statusCode(200);
        given().header("X-Forwarded-For", "10.1.2.3")
                .get("/actuator/prometheus")
                .then()
                .statusCode(200);
    }

    @Test
    void aHugeAuthorizationHeaderGetsAJsonOperationOutcome() throws Exception {
        String answer = RawHttp.exchange(
                port,
                "GET /cds-services HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + "x".repeat(70_000)
                        + "\r\nConnection: close\r\n\r\n");

        assertThat(answer)
                .startsWith("HTTP/1.1 400")
                .containsIgnoringCase("Content-Type: application/json")
                .contains("\"resourceType\":\"OperationOutcome\"")
                .doesNotContain("<html");
    }

    @Test
    void refusalsAreCountedByReasonEveryReasonFromZero() {
        post(SCREENING, "{").then().statusCode(400);

        String metrics = given().get("/actuator/prometheus").asString();
        assertThat(metrics)
                .contains("# HELP cds_refusals_total Calls refused with a 4xx, by reason")
                .containsPattern("cds_refusals_total\\{[^}]*reason=\"invalid\"[^}]*} [1-9]")
                .containsPattern("cds_refusals_total\\{[^}]*reason=\"timeout\"[^}]*} 0.0");
    }
}
