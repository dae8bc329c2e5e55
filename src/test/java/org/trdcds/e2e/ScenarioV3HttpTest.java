package org.trdcds.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trdcds.e2e.Scenarios.Scenario;

/**
 * The worked scenarios of protocol version 3 (src/test/resources/scenarios-v3: the lead's v3-* and the checker's
 * chk-*) through the whole service over real HTTP, the clock at their asOf, in every mode a scenario lists (default
 * prefetch and fetch): {@code prefetch} fills every key of the service's discovery templates from the record (as an
 * EHR does; no fhirServer), {@code fetch} sends no prefetch and a {@link RecordFhirServer} holding the record,
 * {@code prefetch+server} does both, so what the templates do not ask for (a Medication named by reference) must be
 * fetched. Every expectation of a scenario is checked in every mode and all failures are reported together.
 *
 * <p>KNOWN-FAILING.txt lists scenarios the code does not pass yet, each with its reason: they run and are reported
 * (as skipped, with their failures), not failed; a listed scenario that passes fails, so the list only shrinks. A
 * per-mode table is written to target/scenarios-v3-report.md.
 */
class ScenarioV3HttpTest extends EndToEndTestBase {

    static final Path DIR = Path.of("src/test/resources/scenarios-v3");
    static final Path KNOWN_FAILING = DIR.resolve("KNOWN-FAILING.txt");
    static final String TOKEN = "scenario-v3-access-token";
    static final List<String> DEFAULT_MODES = List.of("prefetch", "fetch");
    private static final FhirContext FHIR_CONTEXT = FhirContext.forR4Cached();
    private static final Map<String, String> REPORT = new ConcurrentSkipListMap<>();

    @RegisterExtension
    static final RecordFhirServer FHIR = new RecordFhirServer(FHIR_CONTEXT, allRecords(), TOKEN);

    static List<Scenario> scenarios() {
        return Scenarios.of(DIR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void answersAsTheContractSays(Scenario scenario) throws Exception {
        CLOCK.set(scenario.asOf());
        List<String> failures = new ArrayList<>();
        for (String mode : modes(scenario)) {
            List<String> unmet = run(scenario, mode);
            REPORT.put(scenario.name() + " | " + mode, unmet.isEmpty() ? "pass" : "FAIL: " + String.join("; ", unmet));
            unmet.forEach(failure -> failures.add("[" + mode + "] " + failure));
        }
        String known = knownFailing().get(scenario.name());
        if (known != null) {
            assertThat(failures)
                    .as(scenario.name() + " is listed in KNOWN-FAILING.txt (" + known
                            + ") but passes in every mode: remove it from the list")
                    .isNotEmpty();
            Assumptions.abort("known failing (" + known + "): " + String.join(" | ", failures));
        }
        assertThat(failures)
                .as(scenario.name() + ": " + scenario.json().path("why").asText())
                .isEmpty();
    }

    @Test
    void everyKnownFailingEntryNamesAScenario() {
        List<String> names = scenarios().stream().map(Scenario::name).toList();
        assertThat(names).containsAll(knownFailing().keySet());
    }

    /** The runner's own FHIR server answers what prefetch+server needs: a batched _id search and an _include. */
    @Test
    void theRecordServerAnswersMedicationByIdAndInclude() throws Exception {
        JsonNode byId = get("/Medication?_id=chk-kmed-5,kmed-1,unknown");
        assertThat(byId.findValuesAsText("id")).contains("chk-kmed-5", "kmed-1").doesNotContain("unknown");
        JsonNode included = get("/MedicationStatement?patient=chk-a1&_include=MedicationStatement:medication"
                + "&status=active,completed");
        assertThat(included.path("total").asInt()).isEqualTo(4);
        assertThat(get("/Observation?patient=Patient/chk-d7&code=http://loinc.org%7C21198-7")
                        .path("total")
                        .asInt())
                .isEqualTo(1);
        assertThat(FHIR.authorizations()).containsOnly("Bearer " + TOKEN);
        assertThat(HTTP.send(
                                HttpRequest.newBuilder(URI.create(FHIR.baseUrl() + "/Medication?_id=kmed-1"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .as("no token")
                .isEqualTo(401);
    }

    private JsonNode get(String pathAndQuery) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(FHIR.baseUrl() + pathAndQuery))
                        .header("Authorization", "Bearer " + TOKEN)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Scenarios.JSON.readTree(response.body());
    }

    @Test
    void everyScenarioNamesItsRuleAndModes() {
        for (Scenario scenario : scenarios()) {
            if (scenario.name().startsWith("chk-")) {
                assertThat(scenario.json().path("rule").asText())
                        .as(scenario.name())
                        .isNotBlank();
            }
            assertThat(modes(scenario))
                    .as(scenario.name())
                    .isNotEmpty()
                    .allMatch(List.of("prefetch", "fetch", "prefetch+server")::contains);
        }
    }

    /** The unmet expectations of one scenario in one mode (a transport failure is one). */
    private List<String> run(Scenario scenario, String mode) throws Exception {
        FHIR.clearRequests();
        boolean prefetch = mode.startsWith("prefetch");
        boolean server = !mode.equals("prefetch");
        ObjectNode request = Scenarios.request(scenario, false, server ? FHIR.baseUrl() : null, server ? TOKEN : null);
        if (prefetch) {
            request.set("prefetch", prefetchFromTemplates(scenario));
        }
        HttpResponse<String> response = post(scenario.service(), request.toString());
        if (response.statusCode() != 200) {
            return List.of(
                    "HTTP " + response.statusCode() + ": " + response.body().replaceAll("\\s+", " "));
        }
        List<String> unmet = new ArrayList<>(ScenarioExpectations.unmet(
                scenario.expect(), Scenarios.JSON.readTree(response.body()).path("cards")));
        if (mode.equals("fetch") && FHIR.requests().isEmpty()) {
            unmet.add("fetch mode made no FHIR request");
        }
        if (server && !FHIR.authorizations().stream().allMatch(("Bearer " + TOKEN)::equals)) {
            unmet.add("a FHIR request without the bearer token");
        }
        return unmet;
    }

    /** Every prefetch key of the service's discovery entry, filled from the scenario's record as an EHR would. */
    private ObjectNode prefetchFromTemplates(Scenario scenario) throws Exception {
        JsonNode discovery = Scenarios.JSON.readTree(HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cds-services"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        JsonNode templates = null;
        for (JsonNode service : discovery.path("services")) {
            if (service.path("id").asText().equals(scenario.service())) {
                templates = service.path("prefetch");
            }
        }
        assertThat(templates).as("discovery entry of " + scenario.service()).isNotNull();
        List<Resource> record = record(scenario.json());
        ObjectNode prefetch = Scenarios.JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> template : (Iterable<Map.Entry<String, JsonNode>>) templates::fields) {
            String query = template.getValue()
                    .asText()
                    .replace("{{context.patientId}}", scenario.patientId())
                    .replace("{{context.userId}}", "Practitioner/example");
            int question = query.indexOf('?');
            if (question < 0) {
                String[] typeAndId = query.split("/");
                record.stream()
                        .filter(r -> r.fhirType().equals(typeAndId[0])
                                && r.getIdElement().getIdPart().equals(typeAndId[1]))
                        .findFirst()
                        .ifPresent(r -> prefetch.set(template.getKey(), json(r)));
                continue;
            }
            Bundle answer = RecordQueries.search(
                    query.substring(0, question), RecordQueries.parameters(query.substring(question + 1)), record);
            prefetch.set(template.getKey(), json(answer));
        }
        return prefetch;
    }

    private static JsonNode json(Resource resource) {
        try {
            return Scenarios.JSON.readTree(FHIR_CONTEXT.newJsonParser().encodeResourceToString(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> modes(Scenario scenario) {
        JsonNode modes = scenario.json().path("modes");
        if (!modes.isArray() || modes.isEmpty()) {
            return DEFAULT_MODES;
        }
        List<String> out = new ArrayList<>();
        modes.forEach(m -> out.add(m.asText()));
        return out;
    }

    /** Scenario name -> reason, from KNOWN-FAILING.txt (name, white space, reason; '#' starts a comment line). */
    static Map<String, String> knownFailing() {
        Map<String, String> known = new LinkedHashMap<>();
        try {
            if (!Files.exists(KNOWN_FAILING)) {
                return known;
            }
            for (String line : Files.readAllLines(KNOWN_FAILING)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] nameAndReason = trimmed.split("\\s+", 2);
                known.put(nameAndReason[0], nameAndReason.length > 1 ? nameAndReason[1] : "no reason given");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return known;
    }

    private static List<Resource> record(JsonNode scenario) {
        return FHIR_CONTEXT
                .newJsonParser()
                .parseResource(Bundle.class, scenario.path("record").toString())
                .getEntry()
                .stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .toList();
    }

    private static List<Resource> allRecords() {
        return Stream.of(Scenarios.of(DIR))
                .flatMap(List::stream)
                .flatMap(s -> record(s.json()).stream())
                .toList();
    }

    @AfterAll
    static void writeReport() throws IOException {
        StringBuilder out = new StringBuilder("| scenario | mode | result |\n|---|---|---|\n");
        REPORT.forEach((key, result) -> out.append("| ")
                .append(key.replace(" | ", " | "))
                .append(" | ")
                .append(result.replace("|", "\\|"))
                .append(" |\n"));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/scenarios-v3-report.md"), out);
    }
}
