package org.trdcds.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Shadow mode and the audit link over real HTTP (H2): the screening service in shadow answers no card with the
 * statuses of live, its would-be cards are recorded as shadow cards with the patient's HMAC link and listed on
 * /admin/shadow and its CSV; the order-sign service stays live and its cards carry the link and the indicator as
 * issued. Feedback: one outcome per card, control characters and over-long fields refused, a per-client quota.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:shadow-mode;DB_CLOSE_DELAY=-1",
            "cds.warm-up.rounds=0",
            "cds.clock.fixed-instant=2026-11-27T04:22:50Z",
            "cds.services.ketamine-tms-screening.mode=shadow",
            "cds.audit.link-key=" + ShadowModeHttpTest.KEY,
            "cds.feedback.entries-per-minute=30"
        })
class ShadowModeHttpTest {

    static final String KEY = "shadow-test-key-0123456789abcdef-0123";
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static ObjectNode example(String file) throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(Files.readString(Path.of("examples", file)));
        request.put("hookInstance", UUID.randomUUID().toString());
        return request;
    }

    long await(String where) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long n = 0;
        while (System.nanoTime() < deadline
                && (n = jdbc.queryForObject("SELECT COUNT(*) FROM card_issued WHERE " + where, Long.class)) == 0) {
            Thread.sleep(20);
        }
        return n;
    }

    @Test
    void aShadowServiceAnswersNoCardRecordsTheWouldBeCardsAndListsThemForReview() throws Exception {
        ObjectNode request = example("patient-view-candidate.json");
        String patient = request.path("context").path("patientId").asText();
        String link = new PatientLinks(AuditProperties.PatientLinkMode.HASHED, KEY.getBytes(StandardCharsets.UTF_8))
                .link(patient);

        HttpResponse<String> answer = post("/cds-services/ketamine-tms-screening", request.toString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("cards").size()).isZero();
        assertThat(await("shadow = TRUE AND patient_link = '" + link + "'")).isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM card_issued WHERE patient_link = ?", Long.class, patient))
                .as("the FHIR id is never stored in hashed mode")
                .isZero();
        String topic = jdbc.queryForObject(
                "SELECT topic FROM card_issued WHERE patient_link = ? AND shadow = TRUE " + "FETCH FIRST 1 ROWS ONLY",
                String.class,
                link);

        String page = get("/admin/shadow").body();
        assertThat(page).contains("id=\"shadow-weeks\"", topic, link, "ketamine-tms-screening");
        assertThat(get("/admin/shadow?patient=" + patient).body()).contains(link);
        assertThat(get("/admin/shadow?patient=someone-else").body()).doesNotContain(link);
        HttpResponse<String> csv = get("/admin/shadow.csv?topic=" + topic);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("issued_at,service,hook,topic").contains(link + ",", "patient-view");
        assertThat(get("/admin/shadow?indicator=loud").statusCode()).isEqualTo(400);
        assertThat(get("/admin/knowledge").body()).contains("ketamine-tms-screening (cards recorded for review");
        assertThat(meters.get("cds.service.mode")
                        .tag("service", "ketamine-tms-screening")
                        .tag("mode", "shadow")
                        .gauge()
                        .value())
                .isEqualTo(1.0);
        assertThat(meters.get("cds.service.mode")
                        .tag("service", "ketamine-tms-screening")
                        .tag("mode", "live")
                        .gauge()
                        .value())
                .isZero();
        assertThat(meters.get("cds.service.mode")
                        .tag("service", "ketamine-tms-order-sign")
                        .tag("mode", "live")
                        .gauge()
                        .value())
                .isEqualTo(1.0);
        assertThat(get("/cds-services").body()).contains("ketamine-tms-screening", "ketamine-tms-order-sign");
    }

    @Test
    void errorsStayErrorsInShadowMode() throws Exception {
        ObjectNode request = example("patient-view-candidate.json");
        request.remove("hookInstance");
        assertThat(post("/cds-services/ketamine-tms-screening", request.toString())
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("/cds-services/ketamine-tms-screening", "{").statusCode())
                .isEqualTo(400);
    }

    @Test
    void aLiveCardCarriesItsAuditColumnsOneOutcomeAndRefusesBadText() throws Exception {
        ObjectNode request = example("order-sign-ketamine.json");
        JsonNode cards = JSON.readTree(post("/cds-services/ketamine-tms-order-sign", request.toString())
                        .body())
                .path("cards");
        assertThat(cards.size()).isPositive();
        JsonNode card = cards.get(0);
        String uuid = card.path("uuid").asText();
        assertThat(await("card_uuid = '" + uuid + "'")).isEqualTo(1);
        assertThat(jdbc.queryForMap(
                        "SELECT hook, indicator, shadow, client, knowledge_version FROM card_issued "
                                + "WHERE card_uuid = ?",
                        UUID.fromString(uuid)))
                .containsEntry("HOOK", "order-sign")
                .containsEntry("INDICATOR", card.path("indicator").asText())
                .containsEntry("SHADOW", false)
                .containsEntry("CLIENT", "loopback");

        String reason = card.path("overrideReasons").get(0).path("code").asText();
        String system = card.path("overrideReasons").get(0).path("system").asText();
        String nul = feedback(uuid, system, reason, "display", "with a \\u0000 NUL");
        HttpResponse<String> refused = post("/cds-services/ketamine-tms-order-sign/feedback", nul);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("userComment must not contain control characters")
                .doesNotContain("NUL");
        HttpResponse<String> tooLong = post(
                "/cds-services/ketamine-tms-order-sign/feedback",
                feedback(uuid, system, reason, "d".repeat(501), "ok"));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("display must be a string of at most 500 characters");
        assertThat(post(
                                "/cds-services/ketamine-tms-order-sign/feedback",
                                feedback(uuid, system, reason, "Benefit", "line one\nline two"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(post(
                                "/cds-services/ketamine-tms-order-sign/feedback",
                                feedback(uuid, system, reason, "Benefit", "changed my mind"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM feedback WHERE card_uuid = ?", Long.class, UUID.fromString(uuid)))
                .isEqualTo(1);
        assertThat(get("/admin/feedback/cases?topic="
                                + card.path("source").path("topic").path("code").asText())
                        .body())
                .contains("overridden (" + reason + ")");
    }

    @Test
    void feedbackOnAShadowCardIsNotFoundAndTheQuotaAnswers429() throws Exception {
        post(
                "/cds-services/ketamine-tms-screening",
                example("patient-view-candidate.json").toString());
        assertThat(await("shadow = TRUE")).isPositive();
        String shadowCard = jdbc.queryForObject(
                "SELECT card_uuid FROM card_issued WHERE shadow = TRUE " + "FETCH FIRST 1 ROWS ONLY", String.class);
        String entry = "{\"card\": \"" + shadowCard + "\", \"outcome\": \"accepted\", \"outcomeTimestamp\": \""
                + Instant.now() + "\"}";
        assertThat(post("/cds-services/ketamine-tms-screening/feedback", "{\"feedback\": [" + entry + "]}")
                        .statusCode())
                .isEqualTo(404);
        String many = "{\"feedback\": [" + String.join(",", java.util.Collections.nCopies(30, entry)) + "]}";
        HttpResponse<String> throttled = post("/cds-services/ketamine-tms-screening/feedback", many);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.body()).contains("feedback entries in one minute from this client");
    }

    static String feedback(String card, String system, String code, String display, String comment) {
        return """
                {"feedback": [{"card": "%s", "outcome": "overridden", "outcomeTimestamp": "%s",
                 "overrideReason": {"reason": {"system": "%s", "code": "%s", "display": "%s"},
                 "userComment": "%s"}}]}""".formatted(card, Instant.now(), system, code, display, comment.replace("\n", "\\n"));
    }
}
