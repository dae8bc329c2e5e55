package org.trdcds.hooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** POST /cds-services/{id}/feedback and GET /admin/feedback-summary over real HTTP, against the H2 store. */
class FeedbackEndpointTest extends EdgeTestBase {

    static final String SERVICE = "ketamine-tms-screening";

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyStore() {
        jdbc.update("DELETE FROM feedback_accepted_suggestion");
        jdbc.update("DELETE FROM feedback");
        jdbc.update("DELETE FROM card_issued");
    }

    static Response postFeedback(String service, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/cds-services/" + service + "/feedback");
    }

    static String overridden(UUID card) {
        return """
                {"card": "%s", "outcome": "overridden",
                 "overrideReason": {"reason": {"system": "https://fhir.trd-cds-hooks.org/override", "code": "benefit"},
                                    "userComment": "discussed"},
                 "outcomeTimestamp": "2026-11-27T10:00:00Z"}""".formatted(card);
    }

    long rows(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"29-feedback.json", "30-feedback.json", "31-feedback.json"})
    void specExamplesAreStored(String file) throws Exception {
        String body = Files.readString(FIXTURES.resolve("hl7-cds-hooks/input_pagecontent_index").resolve(file));
        postFeedback(SERVICE, body).then().statusCode(200);
        assertThat(rows("feedback")).isEqualTo(1);
    }

    @Test
    void acceptedSuggestionsAreStored() throws Exception {
        postFeedback(SERVICE, Files.readString(FIXTURES.resolve("hl7-cds-hooks/input_pagecontent_index/29-feedback.json")))
                .then().statusCode(200);
        assertThat(jdbc.queryForObject("SELECT suggestion_uuid FROM feedback_accepted_suggestion", UUID.class))
                .isEqualTo(UUID.fromString("e56e1945-20b3-4393-8503-a1a20fd73152"));
    }

    @Test
    void oneInvalidEntryRefusesTheWholeCallAndStoresNothing() {
        String body = "{\"feedback\": [" + overridden(UUID.randomUUID())
                + ", {\"card\": \"not-a-uuid\", \"outcome\": \"accepted\", \"outcomeTimestamp\": \"2026-11-27T10:00:00Z\"}]}";
        Response response = postFeedback(SERVICE, body);
        response.then().statusCode(400);
        assertThat(response.jsonPath().getString("issue[0].diagnostics"))
                .isEqualTo("feedback[1].card is required and must be a UUID");
        assertThat(rows("feedback")).isZero();
    }

    @ParameterizedTest(name = "{1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "{\"feedback\": {}}|feedback is required: a non-empty array of feedback entries",
            "{\"feedback\": [{\"card\": \"4e0a3a1e-3283-4575-ab82-028d55fe2719\", \"outcome\": \"ignored\", \"outcomeTimestamp\": \"2026-11-27T10:00:00Z\"}]}|feedback[0].outcome must be accepted or overridden",
            "{\"feedback\": [{\"card\": \"4e0a3a1e-3283-4575-ab82-028d55fe2719\", \"outcome\": \"accepted\"}]}|feedback[0].outcomeTimestamp is required (an ISO 8601 instant with offset)",
            "{\"feedback\": [{\"card\": \"4e0a3a1e-3283-4575-ab82-028d55fe2719\", \"outcome\": \"accepted\", \"outcomeTimestamp\": \"2026-11-27T10:00:00Z\", \"overrideReason\": {\"userComment\": \"x\"}}]}|feedback[0].overrideReason is only allowed when outcome is overridden",
            "{\"feedback\": [{\"card\": \"4e0a3a1e-3283-4575-ab82-028d55fe2719\", \"outcome\": \"overridden\", \"outcomeTimestamp\": \"2026-11-27T10:00:00Z\", \"acceptedSuggestions\": [{\"id\": \"e56e1945-20b3-4393-8503-a1a20fd73152\"}]}]}|feedback[0].acceptedSuggestions is only allowed when outcome is accepted",
            "{\"feedback\": [{\"card\": \"4e0a3a1e-3283-4575-ab82-028d55fe2719\", \"outcome\": \"overridden\", \"outcomeTimestamp\": \"2026-11-27T10:00:00Z\", \"overrideReason\": {\"reason\": {\"code\": \"x\"}}}]}|feedback[0].overrideReason.reason must be a Coding with system and code"})
    void invalidFeedbackIs400(String body, String diagnostics) {
        Response response = postFeedback(SERVICE, body);
        response.then().statusCode(400);
        assertThat(response.jsonPath().getString("issue[0].diagnostics")).isEqualTo(diagnostics);
        assertThat(rows("feedback")).isZero();
    }

    @Test
    void feedbackForAnUnknownServiceIs404() {
        postFeedback("no-such-service", "{\"feedback\": [" + overridden(UUID.randomUUID()) + "]}")
                .then().statusCode(404);
    }

    @Test
    void noFeedbackIsLostUnderConcurrentPosts() throws Exception {
        int posts = 64;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < posts; i++) {
                calls.add(() -> postFeedback(SERVICE, "{\"feedback\": [" + overridden(UUID.randomUUID()) + "]}")
                        .statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(calls)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(rows("feedback")).isEqualTo(posts);
    }

    @Test
    void summaryCountsIssuedCardsFeedbackAndTheOverrideRatePerTopic() throws Exception {
        String cardUuid = CdsServicesHttpTest.post(SERVICE, CdsServicesHttpTest.request("patient-view"))
                .jsonPath().getString("cards[0].uuid");
        String secondCard = CdsServicesHttpTest.post(SERVICE, CdsServicesHttpTest.request("patient-view"))
                .jsonPath().getString("cards[0].uuid");
        awaitIssued(2);
        postFeedback(SERVICE, "{\"feedback\": [" + overridden(UUID.fromString(cardUuid)) + "]}").then().statusCode(200);
        postFeedback(SERVICE, """
                {"feedback": [{"card": "%s", "outcome": "accepted", "outcomeTimestamp": "2026-11-27T10:00:00Z"}]}"""
                .formatted(secondCard)).then().statusCode(200);

        Response summary = given().get("/admin/feedback-summary");

        summary.then().statusCode(200);
        assertThat(summary.jsonPath().getString("topics[0].topic")).isEqualTo(TOPIC);
        assertThat(summary.jsonPath().getLong("topics[0].issued")).isEqualTo(2);
        assertThat(summary.jsonPath().getLong("topics[0].accepted")).isEqualTo(1);
        assertThat(summary.jsonPath().getLong("topics[0].overridden")).isEqualTo(1);
        assertThat(summary.jsonPath().getDouble("topics[0].overrideRate")).isEqualTo(0.5);
        assertThat(summary.jsonPath().getList("feedback.outcome")).containsExactly("accepted", "overridden");
        assertThat(summary.jsonPath().getString("feedback[1].overrideReason.code")).isEqualTo("benefit");
        assertThat(summary.jsonPath().getString("feedback[1].service")).isEqualTo(SERVICE);
    }

    @Test
    void onlyTheProcesssOwnWarmUpKeySkipsRecordingAndTheAnswerIsTheSame(@Autowired WarmUpKey key) throws Exception {
        String request = CdsServicesHttpTest.request("patient-view").toString();
        Response rehearsal = given().contentType(ContentType.JSON).header(WarmUpKey.HEADER, key.value())
                .body(request).post("/cds-services/" + SERVICE);
        Response forged = given().contentType(ContentType.JSON).header(WarmUpKey.HEADER, "0".repeat(64))
                .body(request).post("/cds-services/" + SERVICE);
        Response ordinary = CdsServicesHttpTest.post(SERVICE, request);

        for (Response response : List.of(rehearsal, forged, ordinary)) {
            response.then().statusCode(200).contentType("application/json")
                    .header("Content-Length", String.valueOf(response.asByteArray().length));
            assertThat(response.jsonPath().getString("cards[0].source.topic.code")).isEqualTo(TOPIC);
        }
        awaitIssued(2); // the forged key and the ordinary call; the rehearsal is answered but not recorded
        Thread.sleep(300);
        assertThat(rows("card_issued")).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT card_uuid FROM card_issued", UUID.class)).doesNotContain(
                UUID.fromString(rehearsal.jsonPath().getString("cards[0].uuid")));
        assertThat(key.value()).hasSize(64).isNotEqualTo(new WarmUpKey().value());
    }

    private void awaitIssued(int count) throws InterruptedException {
        for (int i = 0; i < 100 && rows("card_issued") < count; i++) {
            Thread.sleep(50);
        }
        assertThat(rows("card_issued")).isEqualTo(count);
    }
}
