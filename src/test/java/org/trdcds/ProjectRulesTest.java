package org.trdcds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.trdcds.knowledge.Knowledge;
import org.trdcds.knowledge.ProjectKnowledge;

/** Rules of the project that span layers: the knowledge the code names exists, and cards cite only what is known. */
class ProjectRulesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern NAMED_ID = Pattern.compile("static final String [A-Z0-9_]+ = \"([a-z0-9]+(?:-[a-z0-9]+)*)\";");

    @Test
    void everyValueSetTheRulesNameIsInFhirProfiles() throws IOException {
        Knowledge knowledge = ProjectKnowledge.get();
        Set<String> named = new HashSet<>();
        for (Path source : javaFiles(Path.of("src/main/java/org/trdcds/criteria"))) {
            Matcher matcher = NAMED_ID.matcher(Files.readString(source));
            while (matcher.find()) {
                named.add(matcher.group(1));
            }
        }
        named.removeAll(JSON.readTree(Path.of("fhir-profiles/vocabulary/CodeSystem-card-topics.json")
                        .toFile())
                .get("concept")
                .findValuesAsText("code"));
        assertThat(named).as("value-set ids named by the criteria").hasSizeGreaterThanOrEqualTo(15);
        assertThat(knowledge.valueSetIds()).containsAll(named);
        named.forEach(id -> assertThat(knowledge.expansion(id)).as(id).isNotEmpty());
    }

    @Test
    void everyOverrideReasonOfTheTemplatesIsInItsCodeSystem() throws IOException {
        JsonNode codeSystem = JSON.readTree(Path.of("fhir-profiles/vocabulary/CodeSystem-override-reasons.json")
                .toFile());
        Set<String> codes = new HashSet<>(codeSystem.get("concept").findValuesAsText("code"));
        int reasons = 0;
        for (JsonNode template : templates()) {
            for (JsonNode reason : template.path("overrideReasons")) {
                assertThat(reason.get("system").asText())
                        .isEqualTo(codeSystem.get("url").asText());
                assertThat(codes)
                        .as(template.get("topic").asText())
                        .contains(reason.get("code").asText());
                reasons++;
            }
        }
        assertThat(reasons).isPositive();
    }

    @Test
    void evidenceLinksCiteOnlyIdentifiersOfTheClinicalReference() throws IOException {
        String reference = Files.readString(Path.of("docs/clinical-reference.md"));
        Pattern identifier = Pattern.compile("pubmed\\.ncbi\\.nlm\\.nih\\.gov/(\\d+)|doi\\.org/(10\\.[^\\s)]+)");
        int links = 0;
        for (JsonNode template : templates()) {
            String text = template.toString();
            assertThat(text).as("the unidentified 2023 case series' figures").doesNotContain("34.5", "9.5%");
            assertThat(text)
                    .as("PubMed 29525051 is Riva-Posse 2018 (Dunlop is a co-author)")
                    .doesNotContain("Dunlop");
            for (JsonNode link : template.path("links")) {
                String url = link.get("url").asText();
                Matcher matcher = identifier.matcher(url);
                if (matcher.find()) {
                    String id = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
                    assertThat(reference).as(url).contains(id);
                    links++;
                }
            }
        }
        assertThat(links).isGreaterThanOrEqualTo(3);
    }

    private static List<JsonNode> templates() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("cds-cards"))) {
            return files.filter(f -> f.toString().endsWith(".json"))
                    .sorted()
                    .map(f -> {
                        try {
                            return JSON.readTree(f.toFile());
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }
}
