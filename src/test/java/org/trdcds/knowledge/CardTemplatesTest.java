package org.trdcds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;
import org.trdcds.cards.Card;
import org.trdcds.cards.TemplateCardRenderer;
import org.trdcds.criteria.DecisionFactory;
import org.trdcds.criteria.Finding;

/** The card templates and shared phrases of cds-cards/, loaded, validated and compiled by the knowledge loader. */
class CardTemplatesTest {

    @Test
    void everyTemplateOfTheFolderIsLoadedWithItsModalities() throws IOException {
        CardTemplates templates = ProjectKnowledge.loaded().templates();
        try (var files = Files.list(Path.of("cds-cards"))) {
            assertThat(templates.topics()).hasSize((int)
                    files.filter(f -> f.toString().endsWith(".json")).count());
        }
        assertThat(templates.of("contraindication-tms-implant").orElseThrow().blocks())
                .containsExactly("tms");
        assertThat(ProjectKnowledge.get().topicModalities().blocksByTopic())
                .containsEntry("contraindication-vascular", java.util.Set.of("ketamine"));
    }

    @Test
    void theSharedPhrasesAreLoadedAndTheNameLineIsPutInEveryTemplate() {
        String line = ProjectKnowledge.get().phrases().get(CardTemplateReader.IDENTIFIED_BY_NAME);
        assertThat(line).contains("{{.}}");
        Card card = new TemplateCardRenderer(
                        ProjectKnowledge.get(), ProjectKnowledge.loaded().templates())
                .render(
                        List.of(new Finding("weight-missing", Map.of("identifiedByName", "sertaline 50"), List.of())),
                        "s",
                        "p",
                        Map.of())
                .get(0);
        assertThat(card.detail()).contains("sertaline 50");
    }

    @Test
    void templatesAndPhrasesComeFromTheKnowledgeDirectoryWhenOneIsConfigured(@TempDir Path dir) throws IOException {
        FileSystemUtils.copyRecursively(Path.of(KnowledgeFiles.ROOT), dir.resolve(KnowledgeFiles.ROOT));
        FileSystemUtils.copyRecursively(Path.of(KnowledgeFiles.CARDS), dir.resolve(KnowledgeFiles.CARDS));
        Path weight = dir.resolve("cds-cards/weight-missing.json");
        Files.writeString(
                weight,
                Files.readString(weight)
                        .replaceFirst("\"summary\": \"[^\"]*\"", "\"summary\": \"Edited by governance\""));
        Files.writeString(dir.resolve("cds-cards/shared/more-phrases.json"), "{\"rows\": {\"none\": [\"a\", \"b\"]}}");

        LoadedKnowledge edited = ProjectKnowledge.load(dir);

        Card card = new TemplateCardRenderer(edited.knowledge(), edited.templates())
                .render(List.of(new Finding("weight-missing", Map.of(), List.of())), "s", "p", Map.of())
                .get(0);
        assertThat(card.summary()).isEqualTo("Edited by governance");
        assertThat(edited.knowledge().phrases()).containsEntry("rows.none", "a\nb");
        assertThat(edited.documents().origin())
                .isEqualTo("cds.knowledge.dir = " + dir.toAbsolutePath().normalize());

        Files.writeString(dir.resolve("cds-cards/shared/twice.json"), "{\"rows\": {\"none\": \"c\"}}");
        assertThatThrownBy(() -> ProjectKnowledge.load(dir))
                .isInstanceOf(KnowledgeLoadException.class)
                .hasMessageContaining("rows.none");

        Files.delete(dir.resolve("cds-cards/shared/twice.json"));
        Files.delete(weight);
        Knowledge withoutWeightTemplate = ProjectKnowledge.load(dir).knowledge();
        assertThatThrownBy(() -> new DecisionFactory(withoutWeightTemplate)).hasMessageContaining("weight-missing");
    }

    @Test
    void aTemplateWithoutTheKnowledgeVersionIsRejected() throws IOException {
        var broken = new ObjectMapper()
                .readTree("{\"topic\":\"x\",\"display\":\"X\",\"indicator\":\"info\","
                        + "\"summary\":\"s\",\"detail\":\"no version\"}");
        assertThatThrownBy(() -> CardTemplateReader.read(broken, "x.json", null))
                .isInstanceOf(KnowledgeLoadException.class)
                .hasMessageContaining("knowledgeVersion");
    }

    @Test
    void aTemplateBlockingAnUnknownModalityIsRejected() throws IOException {
        var broken = new ObjectMapper()
                .readTree("{\"topic\":\"x\",\"display\":\"X\",\"indicator\":\"warning\",\"summary\":\"s\","
                        + "\"detail\":\"{{knowledgeVersion}}\",\"blocks\":\"ect\"}");
        assertThatThrownBy(() -> CardTemplateReader.read(broken, "x.json", null))
                .hasMessageContaining("x.json: blocks must be");
    }

    @Test
    void aSuggestionActionTheRendererCannotReadIsRejectedAtLoad() throws IOException {
        String template = "{\"topic\":\"x\",\"display\":\"X\",\"indicator\":\"info\",\"summary\":\"s\","
                + "\"detail\":\"{{knowledgeVersion}}\",\"suggestions\":[{\"label\":\"L\",\"actions\":[";
        ObjectMapper json = new ObjectMapper();
        Map<String, String> refused = Map.of(
                "{\"type\":\"no-such-action\",\"description\":\"d\"}",
                "action of type \"no-such-action\" needs a type of create, update or delete",
                "{\"type\":\"create\",\"description\":\"d\"}",
                "action of type \"create\" needs a resource object",
                "{\"type\":\"update\",\"description\":\"d\",\"draftOrder\":\"orderRef\"}",
                "action of type \"update\" needs draftOrder (a detail key) and set",
                "{\"type\":\"delete\",\"description\":\"d\"}",
                "action of type \"delete\" needs resourceIds (a detail key)");
        refused.forEach((action, message) -> assertThatThrownBy(
                        () -> CardTemplateReader.read(json.readTree(template + action + "]}]}"), "x.json", null))
                .as(action)
                .isInstanceOf(KnowledgeLoadException.class)
                .hasMessageContaining("x.json: a suggestion's " + message));
        assertThat(CardTemplateReader.read(
                                json.readTree(template
                                        + "{\"type\":\"delete\",\"description\":\"d\",\"resourceIds\":\"refs\"}]}]}"),
                                "x.json",
                                null)
                        .suggestions())
                .hasSize(1);
    }

    @Test
    void aTemplateKeepsItsExampleAndAMalformedExampleIsRejected() throws IOException {
        String template = "{\"topic\":\"x\",\"display\":\"X\",\"indicator\":\"info\",\"summary\":\"s\","
                + "\"detail\":\"{{knowledgeVersion}}\",\"example\":";
        ObjectMapper json = new ObjectMapper();
        CardTemplate read = CardTemplateReader.read(
                json.readTree(template + "{\"details\":{\"n\":2.0},\"evidence\":[\"Condition/c-1\"]}}"),
                "x.json",
                null);
        assertThat(read.example().path("details").path("n").doubleValue()).isEqualTo(2.0);
        assertThat(CardTemplateReader.read(json.readTree(template + "null}"), "x.json", null)
                        .example())
                .isNull();
        for (String broken : List.of(
                "{\"details\":[]}",
                "{\"details\":{},\"evidence\":\"Condition/c-1\"}",
                "{\"details\":{},\"evidence\":[1]}",
                "{\"details\":{},\"evidence\":[],\"topic\":\"y\"}")) {
            assertThatThrownBy(() -> CardTemplateReader.read(json.readTree(template + broken + "}"), "x.json", null))
                    .as(broken)
                    .isInstanceOf(KnowledgeLoadException.class)
                    .hasMessageContaining("x.json: example must be an object of two fields, details");
        }
        assertThat(ProjectKnowledge.loaded().templates().all())
                .allSatisfy(t -> assertThat(t.example()).as(t.file()).isNotNull());
    }
}
