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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trdcds.e2e.Scenarios.Scenario;
import org.trdcds.fhirdata.TestFhirServer;

/**
 * The shared patient-view scenarios of PROTOCOL-v3 sections C and D (src/test/resources/scenarios-v3/v3-pv-*.json)
 * through the whole service over real HTTP, with the clock at their asOf: once with every prefetch key filled, once
 * with everything fetched from a real FHIR server (HAPI RestfulServer).
 */
class SafetyV3HttpTest extends EndToEndTestBase {

    static final String TOKEN = "safety-v3-token";
    static final Path DIR = Path.of("src/test/resources/scenarios-v3");

    @RegisterExtension
    static final TestFhirServer FHIR = TestFhirServer.serving(FhirContext.forR4Cached(), allRecords());

    static List<Scenario> patientView() {
        return Scenarios.of(DIR).stream()
                .filter(s -> s.json().get("name").asText().startsWith("v3-pv-"))
                .toList();
    }

    static Stream<Arguments> scenarios() {
        return patientView().stream().flatMap(s -> Stream.of(Arguments.of(s, true), Arguments.of(s, false)));
    }

    @Test
    void theThreeSharedPatientViewScenariosAreHere() {
        assertThat(patientView()).hasSize(3);
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
        List<String> topics = Scenarios.topics(cards);
        assertThat(scenario.expect().get("topicsIncluded")).isNotEmpty();
        assertThat(ScenarioExpectations.unmet(scenario.expect(), cards))
                .as(response.body())
                .isEmpty();
        for (JsonNode card : cards) {
            if (topics.contains("combination-candidate")) {
                assertThat(card.get("detail").asText()).as("one voice").doesNotContain("held back");
            }
        }
        if (withPrefetch) {
            assertThat(FHIR.requests())
                    .as("a complete prefetch needs no FHIR call")
                    .isEmpty();
        }
    }

    @Test
    void theAssessedAttemptIsOneScreenPositiveCardNamingBoth() throws Exception {
        Scenario scenario = patientView().stream()
                .filter(s -> s.json().get("name").asText().equals("v3-pv-attempt-assessed-one-voice"))
                .findFirst()
                .orElseThrow();
        CLOCK.set(scenario.asOf());
        FHIR.requireToken(TOKEN);
        HttpResponse<String> response = post(
                scenario.service(),
                Scenarios.request(scenario, true, FHIR.baseUrl(), TOKEN).toString());
        JsonNode cards = Scenarios.JSON.readTree(response.body()).get("cards");
        JsonNode screen = Scenarios.cardOf(cards, "suicide-risk-screen-positive");
        assertThat(screen.get("indicator").asText()).isEqualTo("warning");
        assertThat(screen.get("detail").asText())
                .contains("T43.222A", "Suicide risk assessment on 2026-11-26", "reassess before each session");
    }

    private static Bundle allRecords() {
        return Scenarios.records(patientView());
    }
}
