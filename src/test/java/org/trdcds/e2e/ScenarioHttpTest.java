package org.trdcds.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trdcds.e2e.Scenarios.Scenario;
import org.trdcds.fhirdata.TestFhirServer;

/**
 * The worked scenarios of src/test/resources/scenarios through the whole service over real HTTP, with the clock at their asOf:
 * once with every prefetch key filled, once with no prefetch so that everything comes from a real FHIR server
 * (HAPI RestfulServer, paged at 5 entries, demanding the bearer token).
 */
class ScenarioHttpTest extends EndToEndTestBase {

    static final String TOKEN = "scenario-access-token";

    @RegisterExtension
    static final TestFhirServer FHIR = TestFhirServer.serving(FhirContext.forR4Cached(), allRecords());

    static Stream<Arguments> scenarios() {
        return Scenarios.all().stream().flatMap(s -> Stream.of(Arguments.of(s, true), Arguments.of(s, false)));
    }

    @ParameterizedTest(name = "{0}, prefetch={1}")
    @MethodSource("scenarios")
    void answersTheExpectedCards(Scenario scenario, boolean withPrefetch) throws Exception {
        CLOCK.set(scenario.asOf());
        FHIR.requireToken(TOKEN);
        ObjectNode request = Scenarios.request(scenario, withPrefetch, FHIR.baseUrl(), TOKEN);

        HttpResponse<String> response = post(scenario.service(), request.toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode cards = Scenarios.JSON.readTree(response.body()).get("cards");
        List<String> topics = new ArrayList<>();
        cards.forEach(card -> topics.add(card.at("/source/topic/code").asText()));
        JsonNode expect = scenario.expect();
        if (expect.get("noCards").asBoolean()) {
            assertThat(topics).isEmpty();
        }
        expect.get("topicsIncluded").forEach(topic -> assertThat(topics).contains(topic.asText()));
        expect.get("topicsExcluded").forEach(topic -> assertThat(topics).doesNotContain(topic.asText()));
        expect.get("checks").forEach(check -> assertCheck(check, cards));
        if (withPrefetch) {
            assertThat(FHIR.requests())
                    .as("a complete prefetch needs no FHIR call")
                    .isEmpty();
        } else {
            assertThat(FHIR.requests()).isNotEmpty();
            assertThat(FHIR.authorizations()).containsOnly("Bearer " + TOKEN);
        }
    }

    private static void assertCheck(JsonNode check, JsonNode cards) {
        switch (check.get("kind").asText()) {
            case "detail-mentions" -> {
                JsonNode card = cardOf(cards, check.get("value").get(0).asText());
                check.get("value")
                        .get(1)
                        .forEach(text -> assertThat(card.get("detail").asText()).contains(text.asText()));
            }
            case "links-to" -> {
                JsonNode card = cardOf(cards, check.get("value").get(0).asText());
                check.get("value")
                        .get(1)
                        .forEach(id -> assertThat(card.get("links").findValuesAsText("url"))
                                .anySatisfy(url -> assertThat(url).contains(id.asText())));
            }
            case "dose-suggestion" -> {
                JsonNode card = cardOf(cards, "ketamine-dose-check");
                List<Double> doses = new ArrayList<>();
                card.get("suggestions")
                        .forEach(suggestion -> suggestion.get("actions").forEach(action -> {
                            assertThat(action.get("type").asText()).isEqualTo("update");
                            action.get("resource")
                                    .findValues("doseQuantity")
                                    .forEach(quantity ->
                                            doses.add(quantity.get("value").asDouble()));
                        }));
                assertThat(doses).containsOnly(check.get("value").asDouble());
            }
            case "indicator" ->
                assertThat(cardOf(cards, check.get("value").get(0).asText())
                                .get("indicator")
                                .asText())
                        .isEqualTo(check.get("value").get(1).asText());
            case "delete-suggestion" ->
                assertThat(deleted(cards)).contains(check.get("value").asText());
            case "no-delete-suggestion" ->
                assertThat(deleted(cards)).doesNotContain(check.get("value").asText());
            default -> throw new AssertionError("unknown check kind " + check);
        }
    }

    /** The resourceId of every delete action of every card. */
    private static List<String> deleted(JsonNode cards) {
        List<String> ids = new ArrayList<>();
        cards.forEach(card -> card.path("suggestions")
                .forEach(suggestion -> suggestion.path("actions").forEach(action -> {
                    if (action.path("type").asText().equals("delete")) {
                        ids.add(action.path("resourceId").asText());
                    }
                })));
        return ids;
    }

    private static JsonNode cardOf(JsonNode cards, String topic) {
        for (JsonNode card : cards) {
            if (card.at("/source/topic/code").asText().equals(topic)) {
                return card;
            }
        }
        throw new AssertionError("no card of topic " + topic + " in " + cards);
    }

    private static Bundle allRecords() {
        FhirContext fhir = FhirContext.forR4Cached();
        Bundle all = new Bundle();
        Scenarios.all()
                .forEach(scenario -> fhir.newJsonParser()
                        .parseResource(
                                Bundle.class, scenario.json().get("record").toString())
                        .getEntry()
                        .forEach(all::addEntry));
        return all;
    }
}
