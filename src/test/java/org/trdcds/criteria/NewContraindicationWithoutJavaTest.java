package org.trdcds.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;
import org.trdcds.cards.Card;
import org.trdcds.cards.TemplateCardRenderer;
import org.trdcds.knowledge.LoadedKnowledge;
import org.trdcds.knowledge.ProjectKnowledge;

/**
 * The claim of docs/adding-a-contraindication.md: a contraindication of the common shape needs knowledge files only.
 * A copy of the knowledge gets "recent stroke blocks ketamine" as a value set, a card template (with its example) and a
 * row of the rules file, and nothing else; the service's loader and decision factory, unchanged, then raise its card
 * on patient-view and delete the ketamine order on order-sign.
 */
class NewContraindicationWithoutJavaTest {

    static final String TOPIC = "contraindication-recent-stroke";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static LoadedKnowledge edited;

    @BeforeAll
    static void knowledgeWithARecentStrokeContraindication() throws IOException {
        FileSystemUtils.copyRecursively(Path.of("fhir-profiles"), dir.resolve("fhir-profiles"));
        FileSystemUtils.copyRecursively(Path.of("cds-cards"), dir.resolve("cds-cards"));
        // 1. the codes
        Files.writeString(dir.resolve("fhir-profiles/vocabulary/ValueSet-recent-stroke.json"), """
                {"resourceType": "ValueSet", "id": "recent-stroke",
                 "url": "https://fhir.trd-cds-hooks.org/ValueSet/recent-stroke", "status": "draft",
                 "compose": {"include": [{"system": "http://hl7.org/fhir/sid/icd-10-cm",
                   "concept": [{"code": "I63.9", "display": "Cerebral infarction, unspecified"}]}]}}
                """);
        // 2. the card: a copy of the vascular template with its own words and example
        ObjectNode template = (ObjectNode) JSON.readTree(
                dir.resolve("cds-cards/contraindication-vascular.json").toFile());
        template.put("topic", TOPIC).put("display", "Recent stroke").remove(List.of("warningWhen"));
        template.put(
                "summary",
                "Do not start ketamine: recent stroke{{#conditions}}{{#-first}} ({{code}}){{/-first}}"
                        + "{{/conditions}}");
        template.put(
                "detail",
                "**Do not start ketamine (IV or esketamine): a recent stroke.**\n\n{{#conditions}}\n"
                        + "- {{condition}} ({{code}}), dated {{date}}\n{{/conditions}}\n\n_Version {{knowledgeVersion}}._");
        template.set("example", JSON.readTree("""
                {"details": {"conditions": [{"condition": "Cerebral infarction", "code": "I63.9", "date": "2026-11-01",
                   "ref": "Condition/c-1"}]}, "evidence": ["Condition/c-1"]}
                """));
        JSON.writeValue(dir.resolve("cds-cards/" + TOPIC + ".json").toFile(), template);
        // 3. its row of the rules file: a data rule, after the vascular block
        Path rulesFile = dir.resolve("fhir-profiles/knowledge/Parameters-safety-rules.json");
        ObjectNode rules = (ObjectNode) JSON.readTree(rulesFile.toFile());
        ArrayNode rows = (ArrayNode) rules.get("parameter");
        rows.insert(5, JSON.readTree("""
                {"name": "rule", "part": [{"name": "topic", "valueCode": "contraindication-recent-stroke"},
                  {"name": "valueSet", "valueString": "recent-stroke"}, {"name": "conditions", "valueCode": "active"}]}
                """));
        JSON.writeValue(rulesFile.toFile(), rules);

        edited = ProjectKnowledge.load(dir);
    }

    private static List<Finding> decide(LoadedKnowledge knowledge, FactsFixture f, HookKind kind) {
        return new DecisionFactory(knowledge.knowledge()).at(FactsFixture.CLOCK).decide(f.facts(), kind);
    }

    private static List<String> topics(List<Finding> findings) {
        return findings.stream().map(Finding::topic).toList();
    }

    @Test
    void patientViewRaisesTheNewCardAndHoldsTheKetamineCandidateBack() {
        FactsFixture f = FactsFixture.candidate().condition("I63.9", "active", 20);

        List<Finding> findings = decide(edited, f, HookKind.SCREENING);

        assertThat(topics(decide(ProjectKnowledge.loaded(), f, HookKind.SCREENING)))
                .as("the real knowledge knows no recent stroke")
                .containsExactly(Topics.COMBINATION_CANDIDATE);
        assertThat(topics(findings)).contains(TOPIC).doesNotContain(Topics.COMBINATION_CANDIDATE);
        Finding stroke = findings.get(topics(findings).indexOf(TOPIC));
        assertThat(stroke.evidence())
                .containsExactly(f.conditions.get(f.conditions.size() - 1).ref());
        assertThat(new TemplateCardRenderer(edited.knowledge(), edited.templates())
                        .render(List.of(stroke), "ketamine-tms-patient-view", "p-1", Map.of())
                        .get(0))
                .satisfies(card -> assertThat(card.summary()).isEqualTo("Do not start ketamine: recent stroke (I63.9)"))
                .satisfies(card -> assertThat(card.indicator()).isEqualTo("critical"));
    }

    @Test
    void orderSignSuggestsDeletingTheKetamineOrder() {
        FactsFixture f = FactsFixture.candidate()
                .condition("I63.9", "active", 20)
                .ketamineOrder("MedicationRequest/ket-1", 40.0, 40.0);

        List<Finding> findings = decide(edited, f, HookKind.ORDER_CHECK);

        assertThat(topics(findings)).startsWith(TOPIC);
        assertThat(findings.get(0).details())
                .containsEntry("draftOrderRefs", List.of("MedicationRequest/ket-1"))
                .containsEntry("deletes", true);
        Card card = new TemplateCardRenderer(edited.knowledge(), edited.templates())
                .render(List.of(findings.get(0)), "ketamine-tms-order-sign", "p-1", Map.of())
                .get(0);
        assertThat(card.suggestions()).hasSize(1);
        assertThat(card.suggestions().get(0).actions())
                .extracting(Card.Action::type, Card.Action::resourceId)
                .containsExactly(tuple("delete", "MedicationRequest/ket-1"));
    }

    @Test
    void theNewTopicIsATopicTheDecisionIssuesAndItsTemplateKeepsItsExample() {
        assertThat(new DecisionFactory(edited.knowledge()).topics()).contains(TOPIC);
        assertThat(edited.templates().of(TOPIC).orElseThrow().example().path("evidence"))
                .hasSize(1);
    }
}
