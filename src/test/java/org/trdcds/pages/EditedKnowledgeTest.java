package org.trdcds.pages;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;
import org.trdcds.cards.CardRenderer;
import org.trdcds.cards.TemplateCardRenderer;
import org.trdcds.criteria.DecisionFactory;
import org.trdcds.fhirdata.HapiFactExtractor;
import org.trdcds.knowledge.KnowledgeFiles;
import org.trdcds.knowledge.KnowledgeLoader;
import org.trdcds.knowledge.LoadedKnowledge;

/**
 * With cds.knowledge.dir, the pages show the edited knowledge: a changed parameter on the protocol and knowledge
 * pages, a changed template in the preview's cards and in its example card on the knowledge page, a new template as a
 * new section, the folder in use.
 */
class EditedKnowledgeTest {

    static final FhirContext FHIR = FhirContext.forR4Cached();

    @TempDir
    static Path dir;

    static LoadedKnowledge loaded;

    @BeforeAll
    static void editedCopy() throws IOException {
        FileSystemUtils.copyRecursively(Path.of("fhir-profiles"), dir.resolve("fhir-profiles"));
        FileSystemUtils.copyRecursively(Path.of("cds-cards"), dir.resolve("cds-cards"));
        Path parameters = dir.resolve("fhir-profiles/knowledge/Parameters-protocol-parameters.json");
        Files.writeString(
                parameters,
                Files.readString(parameters)
                        .replace(
                                "{ \"name\": \"ketamineMgPerKg\", \"valueDecimal\": 0.5 }",
                                "{ \"name\": \"ketamineMgPerKg\", \"valueDecimal\": 0.6 }"));
        Path candidate = dir.resolve("cds-cards/combination-candidate.json");
        Files.writeString(
                candidate,
                Files.readString(candidate)
                        .replaceFirst(
                                "\"summary\": \"[^\"]*\"",
                                "\"summary\": \"EDITED candidate summary for the committee\""));
        Path extra = dir.resolve("cds-cards/zz-new-topic.json");
        Files.writeString(extra, """
                {"topic": "zz-new-topic", "display": "A topic added by governance", "indicator": "warning",
                 "blocks": ["ketamine", "TMS"], "summary": "New", "detail": "{{knowledgeVersion}}",
                 "example": {"details": {}, "evidence": []}}
                """);
        Path rules = dir.resolve("fhir-profiles/knowledge/Parameters-safety-rules.json");
        Files.writeString(
                rules,
                Files.readString(rules)
                        .replace(
                                "\"parameter\": [",
                                "\"parameter\": [ { \"name\": \"rule\", \"part\": [ { \"name\": \"topic\", \"valueCode\":"
                                        + " \"zz-new-topic\" }, { \"name\": \"valueSet\", \"valueString\":"
                                        + " \"psychotic-disorders\" }, { \"name\": \"conditions\", \"valueCode\":"
                                        + " \"active\" } ] },"));
        loaded = KnowledgeLoader.load(KnowledgeFiles.fromDirectory(dir), FHIR);
    }

    @Test
    void protocolAndKnowledgePagesShowTheEditedValuesAndTheNewTopic() {
        String protocol = ProtocolPage.build(loaded);
        String knowledgePage = KnowledgePage.build(loaded, renderer());

        assertThat(protocol)
                .contains(
                        "IV ketamine <strong>0.6 mg/kg</strong>",
                        "id=\"zz-new-topic\"",
                        "A topic added by governance",
                        "<tr id=\"param-ketamineMgPerKg\"><td title=\"ketamineMgPerKg (Parameters-protocol-parameters.json)\">",
                        "</td><td class=\"n\">0.6 mg/kg</td>");
        assertThat(protocol)
                .containsPattern("zz-new-topic\">A topic added by governance</a></td><td>warning</td>"
                        + "<td>ketamine, tms</td>");
        assertThat(knowledgePage)
                .contains(
                        "cds.knowledge.dir = " + dir.toAbsolutePath().normalize(),
                        "id=\"tpl-zz-new-topic\"",
                        "EDITED candidate summary");
    }

    /**
     * The edited template's summary in the card its example renders to; a template whose example cannot be rendered
     * (the loader refuses what it can tell, e.g. an unknown action type; here the renderer fails on that one topic,
     * as a defect of the renderer would): an error naming the template in its place, every other example card shown.
     */
    @Test
    void knowledgePageRendersTheEditedExamplesAndNamesTheOneThatFails() {
        CardRenderer real = renderer();
        CardRenderer failingOnTheNewTopic = (findings, serviceId, patientId, draftOrders) -> {
            if (findings.get(0).topic().equals("zz-new-topic")) {
                throw new IllegalStateException("unknown action type no-such-action");
            }
            return real.render(findings, serviceId, patientId, draftOrders);
        };
        String knowledgePage = KnowledgePage.build(loaded, failingOnTheNewTopic);

        assertThat(KnowledgeTablesHttpTest.exampleRow(knowledgePage, "combination-candidate"))
                .contains(
                        "data-topic=\"combination-candidate\"",
                        "<span class=\"summary\">EDITED candidate summary for the committee</span>");
        assertThat(KnowledgeTablesHttpTest.exampleRow(knowledgePage, "zz-new-topic"))
                .contains(
                        "<p class=\"error\">The example of <code>cds-cards/zz-new-topic.json</code>",
                        "IllegalStateException: unknown action type no-such-action")
                .doesNotContain("class=\"card");
        assertThat(knowledgePage.split("<div class=\"card ", -1))
                .as("one example card per template but the broken one")
                .hasSize(loaded.templates().all().size());
        assertThat(knowledgePage.split("<p class=\"error\">", -1)).hasSize(2);
    }

    @Test
    void previewRendersTheSampleCardsWithTheEditedTemplate() {
        PreviewPage preview =
                new PreviewPage(new DecisionFactory(loaded.knowledge()), new HapiFactExtractor(), renderer(), FHIR, "");
        Samples.Sample candidate = Samples.load(FHIR).stream()
                .filter(s -> s.name().equals("pv-candidate"))
                .findFirst()
                .orElseThrow();

        String html = preview.section(candidate, "https://cds.example.org/protocol");

        assertThat(html)
                .contains(
                        "EDITED candidate summary for the committee",
                        "href=\"https://cds.example.org/protocol#combination-candidate\"");
    }

    /** The renderer the hooks would use with the edited knowledge. */
    private static TemplateCardRenderer renderer() {
        return new TemplateCardRenderer(loaded.knowledge(), loaded.templates());
    }
}
