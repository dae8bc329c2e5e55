package org.trdcds.hooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Probes, Prometheus meters and what the logs may (hookInstance) and may not (token, patient) carry. */
@ExtendWith(OutputCaptureExtension.class)
class OperabilityTest extends EdgeTestBase {

    @Test
    void livenessAndReadinessProbesAnswer() {
        given().get("/actuator/health/liveness").then().statusCode(200);
        given().get("/actuator/health/readiness").then().statusCode(200);
    }

    @Test
    void prometheusExposesLatencyPerServiceAndCardsPerTopic() {
        CdsServicesHttpTest.post("ketamine-tms-order-sign", CdsServicesHttpTest.request("order-sign"))
                .then()
                .statusCode(200);
        String metrics = given().get("/actuator/prometheus")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(metrics)
                .containsPattern("cds_service_latency_seconds_count\\{.*service=\"ketamine-tms-order-sign\".*} [1-9]")
                .containsPattern("cds_cards_total\\{.*topic=\"" + TOPIC + "\".*} [1-9]");
    }

    /** Every counter the README names exists at 0 with its HELP text before anything happened (dashboards, alerts). */
    @Test
    void countersTheReadmeNamesAreRegisteredAtStartUpWithHelpText() {
        String metrics = given().get("/actuator/prometheus")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (String service :
                new String[] {"ketamine-tms-screening", "ketamine-tms-order-sign", "ketamine-tms-order-select"}) {
            assertThat(metrics)
                    .containsPattern("cds_prefetch_unavailable_total\\{.*service=\"" + service + "\".*} ")
                    .containsPattern("cds_service_latency_seconds_count\\{.*service=\"" + service + "\".*} ");
        }
        assertThat(metrics)
                .contains("# HELP cds_prefetch_unavailable_total Hook calls answered 412")
                .contains("# HELP cds_cards_total Cards issued, by topic")
                .contains("# HELP cds_service_latency_seconds Time to answer a hook call")
                .containsPattern("cds_cards_total\\{.*topic=\"suicide-risk-urgent\".*} ");
    }

    @Test
    void logsCarryTheHookInstanceButNeitherTheTokenNorThePatient(CapturedOutput output) {
        ObjectNode body = CdsServicesHttpTest.request("patient-view");
        ((ObjectNode) body.get("context")).put("patientId", "patient-secret-id");
        body.putObject("fhirAuthorization")
                .put("access_token", "token-secret-value")
                .put("token_type", "Bearer")
                .put("scope", "user/*.read")
                .put("subject", "cds");
        CdsServicesHttpTest.post("ketamine-tms-screening", body).then().statusCode(400);
        assertThat(output.getAll())
                .contains("fhirAuthorization.expires_in is required")
                .contains("hookInstance=")
                .doesNotContain("token-secret-value")
                .doesNotContain("patient-secret-id");
    }
}
