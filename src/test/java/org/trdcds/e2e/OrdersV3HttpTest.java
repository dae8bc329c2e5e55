package org.trdcds.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
 * The protocol-v3 order-hook scenarios of section E (esketamine above 84 mg, under 18 above the ceiling) through the
 * whole service over real HTTP, with the clock at their asOf: with every prefetch key filled, and with no prefetch
 * (everything from a real HAPI FHIR server).
 */
class OrdersV3HttpTest extends EndToEndTestBase {

    static final String TOKEN = "orders-v3-access-token";
    static final Path DIR_V3 = Path.of("src/test/resources/scenarios-v3");
    static final List<String> MINE = List.of("v3-os-esketamine-above-84", "v3-os-under-18-above-ceiling");

    @RegisterExtension
    static final TestFhirServer FHIR = TestFhirServer.serving(FhirContext.forR4Cached(), allRecords());

    static List<Scenario> scenariosOfSectionE() {
        return Scenarios.of(DIR_V3).stream()
                .filter(s -> MINE.contains(s.name()))
                .toList();
    }

    static Stream<Arguments> scenarios() {
        List<Scenario> mine = scenariosOfSectionE();
        assertThat(mine).hasSize(MINE.size());
        return mine.stream().flatMap(s -> Stream.of(Arguments.of(s, true), Arguments.of(s, false)));
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
        assertThat(ScenarioExpectations.unmet(scenario.expect(), cards)).isEmpty();
        if (!withPrefetch) {
            assertThat(FHIR.requests()).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenariosOfSectionE")
    void theUnder18OrderGetsNoDoseSuggestionAndTheEsketamineCardSuggestsTheLabel(Scenario scenario) throws Exception {
        CLOCK.set(scenario.asOf());
        FHIR.requireToken(TOKEN);
        HttpResponse<String> response = post(
                scenario.service(),
                Scenarios.request(scenario, true, FHIR.baseUrl(), TOKEN).toString());
        JsonNode cards = Scenarios.JSON.readTree(response.body()).get("cards");
        if (scenario.name().contains("under-18")) {
            JsonNode dose = cardOf(cards, "ketamine-dose-check");
            assertThat(dose.path("suggestions").size()).isZero();
            assertThat(dose.get("detail").asText()).contains("under the protocol's minimum age");
            assertThat(cardOf(cards, "outside-protocol-age").get("detail").asText())
                    .contains("the combination protocol (IV ketamine with TMS) is for adults");
        } else {
            JsonNode card = cardOf(cards, "esketamine-dose-check");
            JsonNode order = card.at("/suggestions/0/actions/0/resource");
            assertThat(order.at("/dosageInstruction/0/doseAndRate/0/doseQuantity/value")
                            .asDouble())
                    .isEqualTo(56.0);
            assertThat(order.at("/dosageInstruction/0/text").asText()).doesNotContain("112");
            assertThat(card.get("detail").asText()).contains("above the labelled maximum of 84 mg");
            assertThat(cardOf(cards, "session-monitoring").get("detail").asText())
                    .contains("about 40 minutes after", "no pregnancy test in the last 30 days");
        }
    }

    private static JsonNode cardOf(JsonNode cards, String topic) {
        return Scenarios.cardOf(cards, topic);
    }

    private static Bundle allRecords() {
        return Scenarios.records(scenariosOfSectionE());
    }
}
