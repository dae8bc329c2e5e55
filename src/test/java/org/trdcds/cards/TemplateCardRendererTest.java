package org.trdcds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trdcds.criteria.Finding;
import org.trdcds.criteria.SafetyTopics;
import org.trdcds.criteria.TestKnowledge;
import org.trdcds.criteria.Topics;
import org.trdcds.knowledge.ProjectKnowledge;

class TemplateCardRendererTest {

    static final Path RESOURCES = Path.of("src/test/resources/cards");
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The real templates; the knowledge version fixed, so the golden files do not change at each release. */
    static final TemplateCardRenderer RENDERER = new TemplateCardRenderer(
            new TestKnowledge().withVersion("test-1"), ProjectKnowledge.loaded().templates());

    /** The command that writes the golden cards, named by the failure messages. */
    static final String UPDATE = "./mvnw -B -o -q test -Dtest=TemplateCardRendererTest -Dgolden.update=true";

    /** Each template's example finding, by topic, fresh at each call ({@link CardExamples}). */
    static Map<String, Finding> findings() {
        return CardExamples.all();
    }

    static Map<String, String> draftOrders() throws IOException {
        return Map.of("MedicationRequest/ket-1", Files.readString(RESOURCES.resolve("draft-ket-1.json")));
    }

    /** The contract's topics: the card-topics CodeSystem (a new topic is golden-tested without a Java list). */
    static Stream<String> topics() throws IOException {
        return JSON
                .readTree(Path.of("fhir-profiles/vocabulary/CodeSystem-card-topics.json")
                        .toFile())
                .get("concept")
                .findValuesAsText("code")
                .stream();
    }

    static Card render(Finding finding) throws IOException {
        return RENDERER.render(List.of(finding), "ketamine-tms-order-sign", "p-1", draftOrders())
                .get(0);
    }

    @Nested
    class Templates {

        @Test
        void everyTopicOfTheProtocolAndOfTheDecisionHasATemplate() throws IOException {
            List<String> protocolTopics = new ArrayList<>();
            Matcher m = Pattern.compile("^\\| `([a-z-]+)` \\|", Pattern.MULTILINE)
                    .matcher(Files.readString(Path.of("docs/protocol.md")));
            while (m.find()) {
                if (!m.group(1).startsWith("ketamine-tms-")) {
                    protocolTopics.add(m.group(1));
                }
            }
            assertThat(protocolTopics).hasSizeGreaterThanOrEqualTo(15);
            assertThat(RENDERER.topics())
                    .containsAll(protocolTopics)
                    .containsAll(TestKnowledge.decisions().topics());
        }
    }

    @Nested
    class Rendering {

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.trdcds.cards.TemplateCardRendererTest#topics")
        void matchesTheGoldenFileIgnoringUuids(String topic) throws IOException {
            Card card = render(CardExamples.of(topic));
            JsonNode actual = withoutUuids(JSON.readTree(JSON.writeValueAsString(card)));
            Path golden = RESOURCES.resolve("golden/" + topic + ".json");
            if (Boolean.getBoolean("golden.update")) {
                JSON.writeValue(golden.toFile(), actual);
            }
            assertThat(golden)
                    .as("no golden card for " + topic + ": write it once with " + UPDATE + ", then read it")
                    .exists();
            assertThat(actual)
                    .as(golden + " (an intended change of the template or its example: " + UPDATE + ")")
                    .isEqualTo(JSON.readTree(golden.toFile()));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.trdcds.cards.TemplateCardRendererTest#topics")
        void everyCardHasTheRequiredParts(String topic) throws IOException {
            Card card = render(CardExamples.of(topic));
            assertThat(card.summary().length()).isLessThan(140);
            assertThat(card.summary()).doesNotContain("unknown").doesNotContain("{{");
            assertThat(card.detail()).contains("test-1").doesNotContain("{{");
            assertThat(card.indicator()).isIn("info", "warning", "critical");
            assertThat(card.source().topic())
                    .isEqualTo(new Card.Coding(
                            TemplateCardRenderer.TOPIC_SYSTEM,
                            topic,
                            card.source().topic().display()));
            assertThat(card.source().label()).isNotBlank();
            assertThat(card.uuid()).hasSize(36);
            if (!card.suggestions().isEmpty()) {
                assertThat(card.selectionBehavior()).isEqualTo("at-most-one");
                card.suggestions().forEach(s -> assertThat(s.uuid()).hasSize(36).isNotEqualTo(card.uuid()));
            }
            card.overrideReasons().forEach(r -> assertThat(r.display()).isNotBlank());
            card.links().forEach(l -> assertThat(l.type()).isEqualTo("absolute"));
        }

        @Test
        void eachCardAndSuggestionGetsAFreshUuid() throws IOException {
            Finding finding = findings().get(Topics.BASELINE_SEVERITY_MISSING);
            Card first = render(finding);
            Card second = render(finding);
            assertThat(first.uuid()).isNotEqualTo(second.uuid());
            assertThat(first.suggestions().get(0).uuid())
                    .isNotEqualTo(second.suggestions().get(0).uuid());
        }
    }

    @Nested
    class Content {

        @Test
        void candidateShowsTheTrialsTheDoseAndOneOrTwoVerifiedLinks() throws IOException {
            Card card = render(findings().get(Topics.COMBINATION_CANDIDATE));
            assertThat(card.detail())
                    .contains(
                            "sertraline", "escitalopram", "PHQ-9 22 on 2026-11-17", "**40 mg**", "retrospective review")
                    .doesNotContain("34.5", "19%", "9.5%", "not been identified");
            assertThat(card.links())
                    .hasSizeBetween(1, 2)
                    .extracting(Card.Link::url)
                    .anyMatch(u -> u.contains("31440588"))
                    .anyMatch(u -> u.contains("10.1016/j.heliyon.2019.e02187"));
        }

        @Test
        void baselineSuggestionCreatesAPhq9ServiceRequestForThePatient() throws IOException {
            Card.Action action = render(findings().get(Topics.BASELINE_SEVERITY_MISSING))
                    .suggestions()
                    .get(0)
                    .actions()
                    .get(0);
            assertThat(action.type()).isEqualTo("create");
            JsonNode resource = JSON.readTree(action.resource());
            assertThat(resource.path("resourceType").asText()).isEqualTo("ServiceRequest");
            assertThat(resource.path("code").path("coding").path(0).path("code").asText())
                    .isEqualTo("44249-1");
            assertThat(resource.path("subject").path("reference").asText()).isEqualTo("Patient/p-1");
        }

        @Test
        void patientIdIsJsonEscapedInResources() throws IOException {
            Card card = RENDERER.render(
                            List.of(findings().get(Topics.BASELINE_SEVERITY_MISSING)), "s", "a\"b", Map.of())
                    .get(0);
            assertThat(JSON.readTree(card.suggestions().get(0).actions().get(0).resource())
                            .path("subject")
                            .path("reference")
                            .asText())
                    .isEqualTo("Patient/a\"b");
        }

        @Test
        void doseCheckUpdatesTheDraftOrderToTheWeightBasedDose() throws IOException {
            Card card = render(findings().get(Topics.KETAMINE_DOSE_CHECK));
            Card.Action action = card.suggestions().get(0).actions().get(0);
            assertThat(action.type()).isEqualTo("update");
            JsonNode order = JSON.readTree(action.resource());
            JsonNode dosage = order.path("dosageInstruction").path(0);
            assertThat(order.path("id").asText()).isEqualTo("ket-1");
            assertThat(dosage.path("doseAndRate")
                            .path(0)
                            .path("doseQuantity")
                            .path("value")
                            .asDouble())
                    .isEqualTo(40.0);
            assertThat(dosage.path("timing").path("repeat").path("duration").asInt())
                    .isEqualTo(40);
            assertThat(dosage.path("timing").path("repeat").path("frequency").asInt())
                    .isEqualTo(3);
            assertThat(dosage.path("route").path("coding").path(0).path("code").asText())
                    .isEqualTo("47625008");
        }

        /** PROTOCOL-v2 s7: an order without an mg dose ("1 vial") is described as ordered, never as "unknown mg". */
        @Test
        void doseCheckWithoutAnMgDoseSaysWhatWasOrdered() throws IOException {
            Finding mg = findings().get(Topics.KETAMINE_DOSE_CHECK);
            Map<String, Object> details = new LinkedHashMap<>(mg.details());
            details.put("orderedDoseMg", null);
            details.put("orderedMgPerKg", null);
            details.put("deviationPercent", null);
            details.put("aboveCeiling", false);
            details.put("orderedAs", "1 vial");
            Card card = render(new Finding(mg.topic(), details, mg.evidence()));
            assertThat(card.summary())
                    .startsWith("Ketamine order 1 vial (no mg dose)")
                    .doesNotContain("unknown");
            assertThat(card.detail())
                    .contains("Ordered: 1 vial (no mg dose) over 40 minutes")
                    .contains("No dose in mg was ordered")
                    .doesNotContain("unknown");
            details.put("orderedAs", null);
            details.put("orderedMinutes", null);
            Card none = render(new Finding(mg.topic(), details, mg.evidence()));
            assertThat(none.summary())
                    .startsWith("Ketamine order without a dose")
                    .doesNotContain("unknown");
            assertThat(none.detail())
                    .contains("no dose stated, infusion time not stated")
                    .doesNotContain("unknown");
        }

        @Test
        void doseCheckWithoutTheDraftJsonHasNoSuggestion() throws IOException {
            Card card = RENDERER.render(List.of(findings().get(Topics.KETAMINE_DOSE_CHECK)), "s", "p-1", Map.of())
                    .get(0);
            assertThat(card.suggestions()).isEmpty();
            assertThat(card.selectionBehavior()).isNull();
        }

        @Test
        void contraindicationsOnOrderHooksDeleteTheDraftOrder() throws IOException {
            Card card = render(findings().get(SafetyTopics.ACTIVE_SUBSTANCE_USE));
            assertThat(card.suggestions().get(0).actions()).singleElement().satisfies(a -> {
                assertThat(a.type()).isEqualTo("delete");
                assertThat(a.resourceId()).isEqualTo("MedicationRequest/ket-1");
            });
            assertThat(card.overrideReasons()).isNotEmpty();
        }

        @Test
        void contraindicationsOnPatientViewHaveNoDeleteSuggestion() throws IOException {
            Finding orderFinding = findings().get(SafetyTopics.ACTIVE_SUBSTANCE_USE);
            Map<String, Object> details = new LinkedHashMap<>(orderFinding.details());
            details.remove("draftOrderRefs");
            Card card = render(new Finding(orderFinding.topic(), details, orderFinding.evidence()));
            assertThat(card.suggestions()).isEmpty();
        }

        @Test
        void patientTextCannotInjectMarkdown() throws IOException {
            Map<String, Object> trial = new LinkedHashMap<>();
            trial.put("drug", "*_[]()<>#`|");
            trial.put("failureReason", "[click](javascript:alert(1))\n# heading");
            Finding finding = findings().get(Topics.MONOTHERAPY_FIRST);
            Map<String, Object> details = new LinkedHashMap<>(finding.details());
            details.put("trials", List.of(trial));
            String detail =
                    render(new Finding(finding.topic(), details, List.of())).detail();
            assertThat(detail)
                    .contains("\\*\\_\\[\\]\\(\\)&lt;&gt;\\#\\`\\|")
                    .contains("\\[click\\]\\(javascript:alert\\(1\\)\\) \\# heading")
                    .doesNotContain("[click](")
                    .doesNotContain("<>");
        }

        @Test
        void longSummariesAreCutBelow140() {
            assertThat(TemplateCardRenderer.summary("x".repeat(300)))
                    .hasSize(139)
                    .endsWith("…");
            assertThat(TemplateCardRenderer.summary("a\nb")).isEqualTo("a b");
        }
    }

    private static JsonNode withoutUuids(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("uuid");
        }
        node.forEach(TemplateCardRendererTest::withoutUuids);
        return node;
    }
}
