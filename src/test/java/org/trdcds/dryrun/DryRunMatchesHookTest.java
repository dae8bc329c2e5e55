package org.trdcds.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.trdcds.TestClock;

/**
 * The dry run decides each patient as the patient-view hook does: every Synthea patient and every worked scenario,
 * written as a $export with shifted ids (resources of all patients shuffled together, Observations over several
 * files), is run through the dry-run command at the records' instant; then each patient's record is sent to the real
 * service over HTTP as patient-view prefetch at the same instant. The topics and indicators must be the same.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:dry-run-matches-hook;DB_CLOSE_DELAY=-1")
@Import(DryRunMatchesHookTest.ClockConfiguration.class)
class DryRunMatchesHookTest {

    static final TestClock CLOCK = new TestClock(Instant.EPOCH);
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void everyPatientGetsTheCardsOfThePatientViewHook(@TempDir Path dir) throws Exception {
        List<ExportFixture.Record> records = Stream.concat(
                        ExportFixture.synthea().stream(), ExportFixture.scenarios().stream())
                .toList();
        Map<Instant, List<ExportFixture.Record>> byInstant = records.stream()
                .collect(Collectors.groupingBy(ExportFixture.Record::asOf, TreeMap::new, Collectors.toList()));
        int compared = 0;
        Set<String> topicsSeen = new HashSet<>();
        int run = 0;
        for (Map.Entry<Instant, List<ExportFixture.Record>> group : byInstant.entrySet()) {
            Path input = dir.resolve("export-" + run);
            Path out = dir.resolve("out-" + run);
            String suffix = "-dr" + run;
            writeExport(input, group.getValue(), suffix, run % 2 == 0);
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            int exit = DryRunCommand.run(
                    new String[] {
                        "--input",
                        input.toString(),
                        "--out",
                        out.toString(),
                        "--as-of",
                        group.getKey().toString(),
                        "--partitions",
                        "3",
                        "--threads",
                        "2"
                    },
                    new PrintStream(console, true),
                    new PrintStream(console, true));
            assertThat(exit).as(console.toString()).isZero();
            JsonNode summary =
                    ExportFixture.JSON.readTree(out.resolve("summary.json").toFile());
            assertThat(summary.get("patients").asInt())
                    .isEqualTo(group.getValue().size());
            assertThat(summary.get("asOf").asText()).isEqualTo(group.getKey().toString());
            Map<String, List<String>> dryRunCards = cardsByPatient(out.resolve("cards.ndjson"));

            CLOCK.set(group.getKey());
            for (ExportFixture.Record record : group.getValue()) {
                String patientId = record.patientId() + suffix;
                List<String> hook = hookCards(patientId, ExportFixture.shifted(record, suffix));
                assertThat(dryRunCards.getOrDefault(patientId, List.of()))
                        .as(record.name() + " at " + group.getKey())
                        .isEqualTo(hook);
                hook.forEach(card -> topicsSeen.add(card.split(" ")[0]));
                compared++;
            }
            run++;
        }
        assertThat(compared).isEqualTo(records.size());
        assertThat(topicsSeen)
                .as("the comparison covers many kinds of card")
                .hasSizeGreaterThanOrEqualTo(8)
                .contains("combination-candidate");
    }

    /** All patients' resources shuffled together, as an export does not group them by patient. */
    static void writeExport(Path dir, List<ExportFixture.Record> records, String suffix, boolean gzip)
            throws Exception {
        List<ObjectNode> all = new ArrayList<>();
        records.forEach(record -> all.addAll(ExportFixture.shifted(record, suffix)));
        Collections.shuffle(all, new Random(20261207));
        try (ExportFixture.Writer writer = new ExportFixture.Writer(dir, gzip, 2_000)) {
            for (ObjectNode resource : all) {
                writer.write(resource);
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("Observation."))
                            .count())
                    .as("Observations over several files")
                    .isGreaterThan(gzip ? 1 : 0);
        }
    }

    static Map<String, List<String>> cardsByPatient(Path cardsNdjson) throws Exception {
        Map<String, List<String>> cards = new TreeMap<>();
        for (String line : Files.readAllLines(cardsNdjson)) {
            JsonNode card = ExportFixture.JSON.readTree(line);
            assertThat(card.get("summary").asText()).isNotBlank();
            cards.computeIfAbsent(card.get("patient").asText(), p -> new ArrayList<>())
                    .add(card.get("topic").asText() + " "
                            + card.get("indicator").asText());
        }
        cards.values().forEach(Collections::sort);
        return cards;
    }

    /** patient-view over HTTP with the record as prefetch (Medication is in no prefetch key, as in the catalog). */
    private List<String> hookCards(String patientId, List<ObjectNode> resources) throws Exception {
        ObjectNode request = ExportFixture.JSON.createObjectNode();
        request.put("hook", "patient-view")
                .put("hookInstance", UUID.randomUUID().toString());
        request.putObject("context").put("userId", "Practitioner/dry-run").put("patientId", patientId);
        ObjectNode prefetch = request.putObject("prefetch");
        prefetch.set(
                "patient",
                resources.stream()
                        .filter(r -> r.get("resourceType").asText().equals("Patient"))
                        .findFirst()
                        .orElseThrow());
        org.trdcds.e2e.Scenarios.SEARCH_KEYS.forEach((key, type) -> {
            ArrayNode entries = prefetch.putObject(key)
                    .put("resourceType", "Bundle")
                    .put("type", "searchset")
                    .putArray("entry");
            resources.stream()
                    .filter(r -> r.get("resourceType").asText().equals(type))
                    .forEach(r -> entries.addObject().set("resource", r));
        });
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cds-services/ketamine-tms-screening"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> cards = new ArrayList<>();
        ExportFixture.JSON
                .readTree(response.body())
                .get("cards")
                .forEach(card -> cards.add(card.at("/source/topic/code").asText() + " "
                        + card.get("indicator").asText()));
        Collections.sort(cards);
        return cards;
    }

    @TestConfiguration
    static class ClockConfiguration {
        @Bean
        @Primary
        Clock settableClock() {
            return CLOCK;
        }
    }
}
