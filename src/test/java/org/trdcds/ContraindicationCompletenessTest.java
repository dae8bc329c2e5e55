package org.trdcds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What each card topic still lacks, read from the knowledge and the code (docs/adding-a-contraindication.md): a topic
 * named anywhere (the card-topics CodeSystem, a template, docs/protocol.md or a rule) needs all of them. The failure
 * message lists, per topic, the missing pieces and the file to add them to.
 */
class ContraindicationCompletenessTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path CODE_SYSTEM = Path.of("fhir-profiles/vocabulary/CodeSystem-card-topics.json");
    static final Path CRITERIA = Path.of("src/main/java/org/trdcds/criteria");
    static final Path RULES = Path.of("fhir-profiles/knowledge/Parameters-safety-rules.json");
    static final Path GOLDEN = Path.of("src/test/resources/cards/golden");
    private static final Pattern TOPIC_CONSTANT =
            Pattern.compile("static final String ([A-Z0-9_]+) = \"([a-z0-9]+(?:-[a-z0-9]+)*)\";");

    /** Where each topic is named. */
    record Named(
            Set<String> codeSystem,
            Set<String> templates,
            Set<String> protocolRows,
            Set<String> rules,
            Map<String, String> ruleClasses,
            Set<String> examples,
            Set<String> goldenCards,
            Set<String> contraindicationsWithoutBlocks) {}

    @Test
    void everyTopicHasATemplateACodeSystemEntryAProtocolRowARuleAndAnExample() throws IOException {
        Named named = fromRepository();
        assertThat(named.codeSystem()).hasSizeGreaterThanOrEqualTo(28);
        Map<String, List<String>> lacking = lacking(named);
        assertThat(lacking).as(message(lacking)).isEmpty();
    }

    @Test
    void aNewContraindicationWithOnlyItsTemplateIsToldWhatElseItNeeds() throws IOException {
        Named real = fromRepository();
        Set<String> templates = new HashSet<>(real.templates());
        templates.add("contraindication-recent-stroke");
        Set<String> withoutBlocks = new HashSet<>(real.contraindicationsWithoutBlocks());
        withoutBlocks.add("contraindication-recent-stroke");
        Named named = new Named(
                real.codeSystem(),
                templates,
                real.protocolRows(),
                real.rules(),
                real.ruleClasses(),
                real.examples(),
                real.goldenCards(),
                withoutBlocks);

        Map<String, List<String>> lacking = lacking(named);

        assertThat(lacking).containsOnlyKeys("contraindication-recent-stroke");
        assertThat(lacking.get("contraindication-recent-stroke"))
                .hasSize(6)
                .anySatisfy(line -> assertThat(line).contains("CodeSystem-card-topics.json"))
                .anySatisfy(line -> assertThat(line).contains("docs/protocol.md"))
                .anySatisfy(line -> assertThat(line).contains("Parameters-safety-rules.json"))
                .anySatisfy(line -> assertThat(line).contains("\"example\""))
                .anySatisfy(line -> assertThat(line).contains("golden.update"))
                .anySatisfy(line -> assertThat(line).contains("blocks"));
        assertThat(message(lacking)).contains("contraindication-recent-stroke lacks:");
    }

    @Test
    void aRowNamingAClassThatDoesNotExistIsToldWhereTheClassGoes() throws IOException {
        Named real = fromRepository();
        Map<String, String> classes = new TreeMap<>(real.ruleClasses());
        classes.put("contraindication-vascular", "RecentStroke");
        Named named = new Named(
                real.codeSystem(),
                real.templates(),
                real.protocolRows(),
                real.rules(),
                classes,
                real.examples(),
                real.goldenCards(),
                real.contraindicationsWithoutBlocks());

        assertThat(lacking(named))
                .containsOnlyKeys("contraindication-vascular")
                .containsEntry(
                        "contraindication-vascular",
                        List.of("the rule class its row of " + RULES + " names, " + CRITERIA
                                + "/RecentStroke.java (implements SafetyRule, a constructor taking a RuleContext)"));
    }

    /** Topic -> what it lacks, for every topic named anywhere. */
    static Map<String, List<String>> lacking(Named n) {
        Set<String> all = new TreeSet<>();
        Stream.of(n.codeSystem(), n.templates(), n.protocolRows(), n.rules()).forEach(all::addAll);
        Map<String, List<String>> lacking = new TreeMap<>();
        for (String topic : all) {
            List<String> missing = new ArrayList<>();
            if (!n.templates().contains(topic)) {
                missing.add("a card template cds-cards/" + topic + ".json");
            }
            if (n.contraindicationsWithoutBlocks().contains(topic)) {
                missing.add("the template's \"blocks\" (ketamine or tms): the modality the contraindication blocks");
            }
            if (!n.codeSystem().contains(topic)) {
                missing.add("a concept in " + CODE_SYSTEM + " (code, display, definition)");
            }
            if (!n.protocolRows().contains(topic)) {
                missing.add("a row | `" + topic + "` | in sections 4-5 of docs/protocol.md");
            }
            if (!n.rules().contains(topic)) {
                missing.add("a rule: a row in " + RULES + " (a data rule, or the name of a rule class in " + CRITERIA
                        + ")");
            }
            String ruleClass = n.ruleClasses().get(topic);
            if (ruleClass != null && !Files.exists(CRITERIA.resolve(ruleClass + ".java"))) {
                missing.add("the rule class its row of " + RULES + " names, " + CRITERIA + "/" + ruleClass
                        + ".java (implements SafetyRule, a constructor taking a RuleContext)");
            }
            if (!n.examples().contains(topic)) {
                missing.add("an \"example\" in its template cds-cards/" + topic + ".json: {\"details\": {...},"
                        + " \"evidence\": [...]}, a finding its golden card shows");
            }
            if (!n.goldenCards().contains(topic)) {
                missing.add("its golden card " + GOLDEN + "/" + topic + ".json, written once (then read it) by"
                        + " ./mvnw -B -o -q test -Dtest=TemplateCardRendererTest -Dgolden.update=true");
            }
            if (!missing.isEmpty()) {
                lacking.put(topic, missing);
            }
        }
        return lacking;
    }

    static String message(Map<String, List<String>> lacking) {
        StringBuilder out = new StringBuilder("docs/adding-a-contraindication.md:");
        lacking.forEach((topic, missing) -> {
            out.append('\n').append(topic).append(" lacks:");
            missing.forEach(m -> out.append("\n  - ").append(m));
        });
        return out.toString();
    }

    static Named fromRepository() throws IOException {
        Set<String> codeSystem =
                new HashSet<>(JSON.readTree(CODE_SYSTEM.toFile()).get("concept").findValuesAsText("code"));
        Set<String> templates = new HashSet<>();
        Set<String> examples = new HashSet<>();
        Set<String> withoutBlocks = new HashSet<>();
        try (Stream<Path> files = Files.list(Path.of("cds-cards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode template = JSON.readTree(file.toFile());
                String topic = template.path("topic").asText();
                templates.add(topic);
                if (template.path("example").isObject()) {
                    examples.add(topic);
                }
                if (topic.startsWith("contraindication-") && !template.hasNonNull("blocks")) {
                    withoutBlocks.add(topic);
                }
            }
        }
        String protocol = Files.readString(Path.of("docs/protocol.md"));
        String sections = protocol.substring(protocol.indexOf("## 4."), protocol.indexOf("## 6."));
        Set<String> rows = new HashSet<>();
        Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\|")
                .matcher(sections)
                .results()
                .forEach(m -> rows.add(m.group(1)));
        Set<String> golden = new HashSet<>();
        try (Stream<Path> files = Files.list(GOLDEN)) {
            files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".json"))
                    .forEach(f -> golden.add(f.substring(0, f.length() - ".json".length())));
        }
        return new Named(codeSystem, templates, rows, rules(), ruleClasses(), examples, golden, withoutBlocks);
    }

    /**
     * Topics some rule emits: a row of the rules file, or a Topics constant a criteria class uses (a constant no rule
     * uses is no rule).
     */
    static Set<String> rules() throws IOException {
        Set<String> named = new HashSet<>();
        for (JsonNode rule : JSON.readTree(RULES.toFile()).path("parameter")) {
            named.add(part(rule, "topic"));
        }
        StringBuilder others = new StringBuilder();
        try (Stream<Path> files = Files.list(CRITERIA)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (!file.getFileName().toString().equals("Topics.java")) {
                    others.append(Files.readString(file));
                }
            }
        }
        Matcher constant = TOPIC_CONSTANT.matcher(Files.readString(CRITERIA.resolve("Topics.java")));
        while (constant.find()) {
            if (others.indexOf("Topics." + constant.group(1)) >= 0) {
                named.add(constant.group(2));
            }
        }
        return named;
    }

    /** Topic -> the rule class its row of the rules file names (data rules left out). */
    static Map<String, String> ruleClasses() throws IOException {
        Map<String, String> classes = new TreeMap<>();
        for (JsonNode rule : JSON.readTree(RULES.toFile()).path("parameter")) {
            if (part(rule, "class") != null) {
                classes.put(part(rule, "topic"), part(rule, "class"));
            }
        }
        return classes;
    }

    private static String part(JsonNode rule, String name) {
        for (JsonNode part : rule.path("part")) {
            if (part.path("name").asText().equals(name)) {
                return part.path(part.has("valueCode") ? "valueCode" : "valueString")
                        .asText();
            }
        }
        return null;
    }
}
