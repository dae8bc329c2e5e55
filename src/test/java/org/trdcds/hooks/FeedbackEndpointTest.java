package org.trdcds.hooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
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
import org.trdcds.cards.Card;

/** POST /cds-services/{id}/feedback and GET /admin/feedback-summary over real HTTP, against the H2 store. */
class FeedbackEndpointTest extends EdgeTestBase {

    static final String SERVICE = "ketamine-tms-screening";

    @Autowired
    JdbcTemplate jdbc;

    static final String OVERRIDE_SYSTEM = "https://fhir.trd-cds-hooks.org/override";
    static final String NOW = java.time.Instant.now().toString();

    final UUID suggestion = UUID.randomUUID();

    @BeforeEach
    void emptyStore() {
        jdbc.update("DELETE FROM feedback_accepted_suggestion");
        jdbc.update("DELETE FROM feedback");
        jdbc.update("DELETE FROM card_issued");
    }

    /** The stub card offers one suggestion and two override reasons. */
    @BeforeEach
    void cardsWithSuggestionAndOverrideReasons() {
        Card offering = new Card(
                null,
                "A candidate for IV ketamine + TMS",
                null,
                "info",
                card(null).source(),
                List.of(new Card.Suggestion("Order it", suggestion.toString(), true, List.of())),
                "at-most-one",
                List.of(
                        new Card.Coding(OVERRIDE_SYSTEM, "benefit", "Benefit outweighs risk"),
                        new Card.Coding(OVERRIDE_SYSTEM, "other", null)),
                null);
        when(renderer.render(anyList(), anyString(), anyString(), anyMap())).thenReturn(List.of(offering));
    }

    static Response postFeedback(String service, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/cds-services/" + service + "/feedback");
    }

    /** A hook call answered just now; its card's uuid (not yet waited for in the database). */
    static UUID issueCard() {
        return UUID.fromString(CdsServicesHttpTest.post(SERVICE, CdsServicesHttpTest.request("patient-view"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("cards[0].uuid"));
    }

    static String overridden(UUID card) {
        return overridden(card, "benefit", NOW);
    }

    static String overridden(UUID card, String code, String timestamp) {
        return """
                {"card": "%s", "outcome": "overridden",
                 "overrideReason": {"reason": {"system": "%s", "code": "%s"}, "userComment": "discussed"},
                 "outcomeTimestamp": "%s"}""".formatted(card, OVERRIDE_SYSTEM, code, timestamp);
    }

    static String accepted(UUID card, UUID suggestion) {
        return """
                {"card": "%s", "outcome": "accepted", "acceptedSuggestions": [{"id": "%s"}],
                 "outcomeTimestamp": "%s"}""".formatted(card, suggestion, NOW);
    }

    static String feedback(String... entries) {
        return "{\"feedback\": [" + String.join(",", entries) + "]}";
    }

    long rows(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    @Test
    void feedbackPostedTheMomentTheHookAnswersIsAcceptedWhileTheCardMayStillBeQueued() {
        for (int i = 0; i < 10; i++) {
            UUID card = issueCard();
            postFeedback(SERVICE, feedback(accepted(card, suggestion))).then().statusCode(200);
        }
        assertThat(rows("feedback")).isEqualTo(10);
        assertThat(rows("feedback_accepted_suggestion")).isEqualTo(10);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM feedback f JOIN card_issued c ON c.card_uuid = " + "f.card_uuid",
                        Long.class))
                .isEqualTo(10);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"29-feedback.json", "30-feedback.json", "31-feedback.json"})
    void specExamplesNameCardsThisServiceNeverIssued404(String file) throws Exception {
        String body = Files.readString(
                FIXTURES.resolve("hl7-cds-hooks/input_pagecontent_index").resolve(file));
        Response response = postFeedback(SERVICE, body);
        response.then().statusCode(404);
        assertThat(response.jsonPath().getString("issue[0].diagnostics"))
                .matches(
                        "feedback\\[0\\]\\.card [0-9a-f-]{36} is not a card service 'ketamine-tms-screening' issued to this client");
        assertThat(rows("feedback")).isZero();
    }

    @Test
    void aCardOfAnotherServiceIsNotFoundAtThisServicesFeedbackUrl() {
        UUID card = issueCard();
        postFeedback("ketamine-tms-order-sign", feedback(overridden(card)))
                .then()
                .statusCode(404);
        postFeedback(SERVICE, feedback(overridden(card))).then().statusCode(200);
    }

    @Test
    void identicalFeedbackIsStoredOnceAndCountedOnce() {
        UUID card = issueCard();
        for (int i = 0; i < 5; i++) {
            postFeedback(SERVICE, feedback(overridden(card), overridden(card)))
                    .then()
                    .statusCode(200);
        }

        assertThat(rows("feedback")).isEqualTo(1);
        Response summary = given().get("/admin/feedback-summary");
        // TOPIC is an info card: its one "overridden" answer is counted as a dismissal
        assertThat(summary.jsonPath().getLong("topics[0].dismissed")).isEqualTo(1);
        assertThat(summary.jsonPath().getLong("topics[0].accepted")).isZero();
    }

    /** Issue 19 F5: one outcome per card; the latest (by outcomeTimestamp) replaces the earlier one. */
    @Test
    void aCardHasOneOutcomeTheLatestReplacesAnEarlierOneAndALateOlderOneChangesNothing() {
        UUID card = issueCard();
        String earlier = java.time.Instant.parse(NOW).minusSeconds(60).toString();
        String later = java.time.Instant.parse(NOW).plusSeconds(1).toString();
        postFeedback(SERVICE, feedback(overridden(card, "benefit", earlier)))
                .then()
                .statusCode(200);
        postFeedback(SERVICE, feedback(accepted(card, suggestion))).then().statusCode(200);
        postFeedback(SERVICE, feedback(overridden(card, "other", earlier)))
                .then()
                .statusCode(200);
        for (int i = 0; i < 5; i++) {
            postFeedback(
                            SERVICE,
                            feedback(java.util.Collections.nCopies(100, overridden(card, "benefit", later))
                                    .toArray(String[]::new)))
                    .then()
                    .statusCode(200);
        }

        assertThat(rows("feedback")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT outcome FROM feedback", String.class))
                .isEqualTo("overridden");
        Response summary = given().get("/admin/feedback-summary");
        assertThat(summary.jsonPath().getLong("topics[0].issued")).isEqualTo(1);
        assertThat(summary.jsonPath().getLong("topics[0].dismissed")
                        + summary.jsonPath().getLong("topics[0].overridden")
                        + summary.jsonPath().getLong("topics[0].accepted"))
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "override reason not offered|overridden-code|feedback[0].overrideReason.reason https://fhir.trd-cds-hooks.org/override|made-up is not one of the override reasons the card offered",
                "suggestion of another card|accepted-other|feedback[0].acceptedSuggestions: ",
                "year 999999999|timestamp-far|feedback[0].outcomeTimestamp must be between 7 days before the card was issued",
                "two weeks before the card|timestamp-old|feedback[0].outcomeTimestamp must be between 7 days before the card was issued"
            })
    void feedbackNamingWhatTheCardDidNotOfferIs400(String name, String kind, String diagnostics) {
        UUID card = issueCard();
        String entry = switch (kind) {
            case "overridden-code" -> overridden(card, "made-up", NOW);
            case "accepted-other" -> accepted(card, UUID.randomUUID());
            case "timestamp-far" -> overridden(card, "benefit", "+999999999-12-31T00:00:00Z");
            default ->
                overridden(
                        card,
                        "benefit",
                        java.time.Instant.now()
                                .minus(java.time.Duration.ofDays(14))
                                .toString());
        };
        Response response = postFeedback(SERVICE, feedback(entry));
        response.then().statusCode(400);
        assertThat(response.jsonPath().getString("issue[0].diagnostics")).startsWith(diagnostics);
        assertThat(rows("feedback")).isZero();
    }

    @Test
    void arraysAreBounded() {
        UUID card = issueCard();
        String entries = String.join(",", java.util.Collections.nCopies(101, overridden(card)));
        Response tooMany = postFeedback(SERVICE, "{\"feedback\": [" + entries + "]}");
        tooMany.then().statusCode(400);
        assertThat(tooMany.jsonPath().getString("issue[0].diagnostics"))
                .isEqualTo("feedback holds 101 entries; at most 100 in one call");

        String suggestions = String.join(",", java.util.Collections.nCopies(21, "{\"id\": \"" + suggestion + "\"}"));
        Response tooManySuggestions = postFeedback(SERVICE, """
                {"feedback": [{"card": "%s", "outcome": "accepted", "acceptedSuggestions": [%s],
                 "outcomeTimestamp": "%s"}]}""".formatted(card, suggestions, NOW));
        tooManySuggestions.then().statusCode(400);
        assertThat(tooManySuggestions.jsonPath().getString("issue[0].diagnostics"))
                .isEqualTo("feedback[0].acceptedSuggestions holds 21 entries; at most 20");
        assertThat(rows("feedback")).isZero();
    }

    @Test
    void oneInvalidEntryRefusesTheWholeCallAndStoresNothing() {
        String body = "{\"feedback\": [" + overridden(issueCard())
                + ", {\"card\": \"not-a-uuid\", \"outcome\": \"accepted\", \"outcomeTimestamp\": \"2026-11-27T10:00:00Z\"}]}";
        Response response = postFeedback(SERVICE, body);
        response.then().statusCode(400);
        assertThat(response.jsonPath().getString("issue[0].diagnostics"))
                .isEqualTo("feedback[1].card is required and must be a UUID");
        assertThat(rows("feedback")).isZero();
    }

    @ParameterizedTest(name = "{1}")
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "{\"feedback\": {}}|feedback is required: a non-empty array of feedback entries",
                "{\"feedback\": [{\"card\": \"4e0a3a1e-3283-4575-ab82-028d55fe2719\", \"outcome\": \"ignored\", \"outcomeTimestamp\": \"2026-11-27T10:00:00Z\"}]}|feedback[0].outcome must be accepted or overridden",
                "{\"feedback\": [{\"card\": \"4e0a3a1e-3283-4575-ab82-028d55fe2719\", \"outcome\": \"accepted\"}]}|feedback[0].outcomeTimestamp is required (an ISO 8601 instant with offset)",
                "{\"feedback\": [{\"card\": \"4e0a3a1e-3283-4575-ab82-028d55fe2719\", \"outcome\": \"accepted\", \"outcomeTimestamp\": \"2026-11-27T10:00:00Z\", \"overrideReason\": {\"userComment\": \"x\"}}]}|feedback[0].overrideReason is only allowed when outcome is overridden",
                "{\"feedback\": [{\"card\": \"4e0a3a1e-3283-4575-ab82-028d55fe2719\", \"outcome\": \"overridden\", \"outcomeTimestamp\": \"2026-11-27T10:00:00Z\", \"acceptedSuggestions\": [{\"id\": \"e56e1945-20b3-4393-8503-a1a20fd73152\"}]}]}|feedback[0].acceptedSuggestions is only allowed when outcome is accepted",
                "{\"feedback\": [{\"card\": \"4e0a3a1e-3283-4575-ab82-028d55fe2719\", \"outcome\": \"overridden\", \"outcomeTimestamp\": \"2026-11-27T10:00:00Z\", \"overrideReason\": {\"reason\": {\"code\": \"x\"}}}]}|feedback[0].overrideReason.reason must be a Coding with system and code"
            })
    void invalidFeedbackIs400(String body, String diagnostics) {
        Response response = postFeedback(SERVICE, body);
        response.then().statusCode(400);
        assertThat(response.jsonPath().getString("issue[0].diagnostics")).isEqualTo(diagnostics);
        assertThat(rows("feedback")).isZero();
    }

    @Test
    void feedbackForAnUnknownServiceIs404() {
        postFeedback("no-such-service", feedback(overridden(UUID.randomUUID())))
                .then()
                .statusCode(404);
    }

    @Test
    void noFeedbackIsLostUnderConcurrentPosts() throws Exception {
        int posts = 32;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < posts; i++) {
                calls.add(() ->
                        postFeedback(SERVICE, feedback(overridden(issueCard()))).statusCode());
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
    void summaryCountsIssuedCardsFeedbackAndInfoDismissalsApartFromOverrides() throws Exception {
        UUID card = issueCard();
        UUID secondCard = issueCard();
        postFeedback(SERVICE, feedback(overridden(card))).then().statusCode(200);
        postFeedback(SERVICE, """
                {"feedback": [{"card": "%s", "outcome": "accepted", "outcomeTimestamp": "%s"}]}""".formatted(secondCard, NOW)).then().statusCode(200);

        Response summary = given().get("/admin/feedback-summary");

        summary.then().statusCode(200);
        assertThat(summary.jsonPath().getString("topics[0].topic")).isEqualTo(TOPIC);
        assertThat(summary.jsonPath().getLong("topics[0].issued")).isEqualTo(2);
        assertThat(summary.jsonPath().getLong("topics[0].accepted")).isEqualTo(1);
        // the topic's cards are info cards: an "overridden" answer is a dismissal, and no override rate is given
        assertThat(summary.jsonPath().getString("topics[0].indicator")).isEqualTo("info");
        assertThat(summary.jsonPath().getLong("topics[0].overridden")).isZero();
        assertThat(summary.jsonPath().getLong("topics[0].dismissed")).isEqualTo(1);
        assertThat(summary.jsonPath().getString("topics[0].overrideRate")).isNull();
        assertThat(summary.jsonPath().getString("definitions.overrideRate")).contains("warning and critical");
        assertThat(summary.jsonPath().getList("feedback.outcome")).containsExactly("accepted", "overridden");
        assertThat(summary.jsonPath().getString("feedback[1].overrideReason.code"))
                .isEqualTo("benefit");
        assertThat(summary.jsonPath().getString("feedback[1].service")).isEqualTo(SERVICE);
    }

    @Test
    void onlyTheProcesssOwnWarmUpKeySkipsRecordingAndTheAnswerIsTheSame(@Autowired WarmUpKey key) throws Exception {
        String request = CdsServicesHttpTest.request("patient-view").toString();
        Response rehearsal = given().contentType(ContentType.JSON)
                .header(WarmUpKey.HEADER, key.value())
                .body(request)
                .post("/cds-services/" + SERVICE);
        Response forged = given().contentType(ContentType.JSON)
                .header(WarmUpKey.HEADER, "0".repeat(64))
                .body(request)
                .post("/cds-services/" + SERVICE);
        Response ordinary = CdsServicesHttpTest.post(SERVICE, request);

        for (Response response : List.of(rehearsal, forged, ordinary)) {
            response.then()
                    .statusCode(200)
                    .contentType("application/json")
                    .header("Content-Length", String.valueOf(response.asByteArray().length));
            assertThat(response.jsonPath().getString("cards[0].source.topic.code"))
                    .isEqualTo(TOPIC);
        }
        awaitIssued(2); // the forged key and the ordinary call; the rehearsal is answered but not recorded
        Thread.sleep(300);
        assertThat(rows("card_issued")).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT card_uuid FROM card_issued", UUID.class))
                .doesNotContain(UUID.fromString(rehearsal.jsonPath().getString("cards[0].uuid")));
        assertThat(key.value()).hasSize(64).isNotEqualTo(new WarmUpKey().value());
    }

    private void awaitIssued(int count) throws InterruptedException {
        for (int i = 0; i < 100 && rows("card_issued") < count; i++) {
            Thread.sleep(50);
        }
        assertThat(rows("card_issued")).isEqualTo(count);
    }
}
