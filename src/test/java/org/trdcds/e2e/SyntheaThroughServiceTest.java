package org.trdcds.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trdcds.knowledge.Knowledge;
import org.trdcds.knowledge.ProjectKnowledge;

/**
 * Every Synthea patient of src/test/resources/fixtures/synthea through patient-view with prefetch, as an EHR would send it
 * (observations and procedures narrowed to the codes of the catalog's queries). None may fail; patients without a
 * depressive disorder get no cards. The table of cards is written to target/synthea-cards.md.
 */
class SyntheaThroughServiceTest extends EndToEndTestBase {

    static final Path SYNTHEA = Path.of("src/test/resources/fixtures/synthea");
    static final Map<String, String> TABLE = new TreeMap<>();

    static Stream<Path> patients() throws IOException {
        try (Stream<Path> files = Files.walk(SYNTHEA)) {
            // one bundle per patient; hospitalInformation* and practitionerInformation* hold no patient
            return files
                    .filter(file -> file.toString().endsWith(".json.gz"))
                    .filter(file -> !file.getFileName().toString().matches("(hospital|practitioner)Information.*"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @BeforeAll
    static void fixTheClock() {
        CLOCK.set(Instant.parse("2026-11-27T04:22:50Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patients")
    void answersEverySyntheaPatient(Path bundleFile) throws Exception {
        JsonNode bundle;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(bundleFile))) {
            bundle = Scenarios.JSON.readTree(in);
        }
        List<JsonNode> resources = bundle.get("entry").findValues("resource");
        JsonNode patient = resources.stream()
                .filter(r -> r.get("resourceType").asText().equals("Patient"))
                .findFirst()
                .orElseThrow();

        HttpResponse<String> response =
                post("ketamine-tms-screening", request(patient, resources).toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> topics = new ArrayList<>();
        Scenarios.JSON
                .readTree(response.body())
                .get("cards")
                .forEach(card -> topics.add(card.at("/source/topic/code").asText()));
        boolean depressed = resources.stream()
                .anyMatch(r -> r.get("resourceType").asText().equals("Condition")
                        && r.at("/code/coding/0/code").asText().equals("370143000"));
        if (!depressed) {
            assertThat(topics).as("no depressive disorder, no cards").isEmpty();
        }
        TABLE.put(
                bundleFile.getParent().getFileName() + " | "
                        + bundleFile.getFileName().toString().split("_")[0],
                topics.isEmpty() ? "(none)" : String.join(", ", topics));
    }

    @AfterAll
    static void writeTable() throws IOException {
        StringBuilder table = new StringBuilder("| set | patient | cards |\n|---|---|---|\n");
        TABLE.forEach((patient, cards) ->
                table.append("| ").append(patient).append(" | ").append(cards).append(" |\n"));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/synthea-cards.md"), table);
    }

    private static ObjectNode request(JsonNode patient, List<JsonNode> resources) {
        Knowledge knowledge = ProjectKnowledge.get();
        ObjectNode request = Scenarios.JSON.createObjectNode();
        request.put("hook", "patient-view");
        request.put("hookInstance", UUID.randomUUID().toString());
        ObjectNode context = request.putObject("context");
        context.put("userId", "Practitioner/example");
        context.put("patientId", patient.get("id").asText());
        ObjectNode prefetch = request.putObject("prefetch");
        prefetch.set("patient", patient);
        Scenarios.SEARCH_KEYS.forEach((key, type) -> {
            ArrayNode entries = prefetch.putObject(key)
                    .put("resourceType", "Bundle")
                    .put("type", "searchset")
                    .putArray("entry");
            resources.stream()
                    .filter(r -> r.get("resourceType").asText().equals(type))
                    .filter(r -> switch (type) {
                        case "Observation" ->
                            hasCode(
                                    r,
                                    knowledge,
                                    "phq9-total",
                                    "madrs-total",
                                    "phq9-item9",
                                    "phq9-panel",
                                    "bp-panel",
                                    "systolic-bp",
                                    "diastolic-bp",
                                    "body-weight",
                                    "pregnancy-status",
                                    "lithium-level");
                        case "Procedure" ->
                            hasCode(
                                    r,
                                    knowledge,
                                    "tms-procedures",
                                    "tms-implant-procedures",
                                    "suicide-risk-assessment");
                        default -> true;
                    })
                    .forEach(resource -> entries.addObject().set("resource", resource));
        });
        return request;
    }

    private static boolean hasCode(JsonNode resource, Knowledge knowledge, String... valueSets) {
        for (JsonNode coding : resource.at("/code/coding")) {
            for (String valueSet : valueSets) {
                if (knowledge.inValueSet(
                        valueSet,
                        coding.path("system").asText(),
                        coding.path("code").asText())) {
                    return true;
                }
            }
        }
        return false;
    }
}
