package org.trdcds.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trdcds.knowledge.Knowledge;

/**
 * The knowledge of protocol version 3 on the pages, over real HTTP: /admin/knowledge shows every version 3 parameter
 * file, the medication names table and the dry-run coverage rules; /protocol shows every version 3 parameter by its
 * label, value and unit, the name only as the row's anchor and tooltip; every parameter has a label; every card
 * template's example card on /admin/knowledge is its golden card.
 */
@PagesApplication.WithAdminToken
class KnowledgeTablesHttpTest {

    static final Path KNOWLEDGE = Path.of("fhir-profiles/knowledge");
    static final Path PROTOCOL = Path.of("cds-cards/protocol/protocol.json");
    /** The golden cards of TemplateCardRendererTest: each template's example rendered with knowledge "test-1". */
    static final Path GOLDEN = Path.of("src/test/resources/cards/golden");

    @LocalServerPort
    int port;

    @Autowired
    Knowledge knowledge;

    @BeforeEach
    void port() {
        RestAssured.port = port;
    }

    /** The row of a template's example card on /admin/knowledge: up to the next template's row. */
    static String exampleRow(String html, String topic) {
        int start = html.indexOf("<tr class=\"example\" id=\"example-" + topic + "\">");
        assertThat(start).as("the example row of " + topic).isNotNegative();
        int end = html.indexOf("<tr id=\"tpl-", start);
        return html.substring(start, end < 0 ? html.length() : end);
    }

    /** Every parameter name of the files the pages show, from the repository's knowledge files. */
    static Set<String> names(List<String> files) throws IOException {
        Set<String> names = new TreeSet<>();
        for (String file : files) {
            JsonNode json = SampleRequests.JSON.readTree(KNOWLEDGE.resolve(file).toFile());
            assertThat(json.path("parameter").size()).as(file).isPositive();
            json.path("parameter").forEach(p -> names.add(p.path("name").asText()));
        }
        return names;
    }

    @Test
    void everyParameterOfEveryParameterFileHasALabel() throws IOException {
        JsonNode labels = SampleRequests.JSON.readTree(PROTOCOL.toFile()).path("parameters");
        // the version 3 files, and the protocol parameters the service reads (its "version" is the knowledge's)
        Set<String> names = names(KnowledgeTables.PARAMETER_FILES);
        for (var component : org.trdcds.knowledge.ProtocolParameters.class.getRecordComponents()) {
            names.add(component.getName());
        }
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (labels.path(name).path("label").asText("").isBlank()) {
                missing.add(name);
            }
        }
        assertThat(missing).as("parameters without a label in " + PROTOCOL).isEmpty();
        assertThat(names(KnowledgeTables.PARAMETER_FILES))
                .contains("pregnancyConditionWindowDays", "esketamineDosesMg", "referenceFetchBudgetMs");
    }

    @Test
    void knowledgePageShowsTheVersion3ParametersNamesTableAndCoverageRules() throws IOException {
        String html = given().auth()
                .oauth2(PagesApplication.TOKEN)
                .get("/admin/knowledge")
                .asString();

        assertThat(html)
                .contains(
                        "href=\"#params-orders-v3\"",
                        "href=\"#params-safety-v3\"",
                        "href=\"#params-medication-recognition\"",
                        "href=\"#medication-names\"",
                        "href=\"#dry-run-coverage\"",
                        "href=\"#safety-rules\"",
                        "id=\"params-orders-v3\"",
                        // the contraindications and cautions in card order, linked to their templates and value sets
                        "<tr id=\"rule-contraindication-uncontrolled-hypertension\"><td class=\"n\">1</td><td><a"
                                + " href=\"#tpl-contraindication-uncontrolled-hypertension\">",
                        "rule class <code>Vascular</code>",
                        "active conditions of <a href=\"#vs-epilepsy\">epilepsy</a>, unless one of"
                                + " <a href=\"#vs-epilepsy-intractable\">epilepsy-intractable</a> is active",
                        "present conditions of <a href=\"#vs-bipolar-disorders\">bipolar-disorders</a>",
                        "id=\"medication-names\"",
                        "id=\"dry-run-coverage\"",
                        // esketamine doses with their unit and meaning
                        "<code>esketamineDosesMg</code></td><td class=\"n\">56, 84 mg</td><td>Esketamine dose per session",
                        "<code>esketamineCriticalAboveMg</code></td><td class=\"n\">84 mg</td>",
                        "<code>pregnancyConditionWindowDays</code></td><td class=\"n\">300 days</td>",
                        "<code>hcgUnit</code></td><td class=\"n\">[IU]/L: 1; IU/L: 1;",
                        "<code>referenceFetchBudgetMs</code></td><td class=\"n\">300 ms</td>",
                        // the names table: ingredient code + display, names, brands, review status
                        "<code>2119365</code></td><td>esketamine</td><td>esketamine</td><td>Spravato</td>"
                                + "<td>unverified</td>",
                        "<code>6130</code></td><td>ketamine</td><td>ketamine</td><td>Ketalar</td>",
                        "Lithobid, Eskalith",
                        // the coverage rules, each linked to its value set
                        "<code>Z3A</code></td><td><a href=\"#vs-pregnancy\">pregnancy</a>",
                        "<code>esketamine</code></td><td><a href=\"#vs-esketamine\">esketamine</a>");
        for (String name : names(KnowledgeTables.PARAMETER_FILES)) {
            assertThat(html).as(name).contains("<code>" + name + "</code>");
        }
    }

    /**
     * Beside each template, the card its example renders to with the service's renderer, as the preview shows cards:
     * the golden card's indicator, summary, detail (Markdown as HTML, the knowledge version in use), suggestion and
     * link labels.
     */
    @Test
    void knowledgePageShowsEachTemplatesExampleCardAsItsGoldenCard() throws IOException {
        String html = given().auth()
                .oauth2(PagesApplication.TOKEN)
                .get("/admin/knowledge")
                .asString();
        List<Path> goldens;
        try (Stream<Path> files = Files.list(GOLDEN)) {
            goldens = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }

        assertThat(goldens).hasSizeGreaterThanOrEqualTo(20);
        assertThat(html).doesNotContain("class=\"error\"");
        for (Path golden : goldens) {
            String topic = golden.getFileName().toString().replace(".json", "");
            JsonNode card = SampleRequests.JSON.readTree(golden.toFile());
            String row = exampleRow(html, topic);
            assertThat(row)
                    .as(topic)
                    .contains(
                            "data-topic=\"" + topic + "\"",
                            "<span class=\"badge " + card.path("indicator").asText() + "\">",
                            "<span class=\"summary\">"
                                    + Html.esc(card.path("summary").asText()) + "</span>",
                            "<div class=\"detail\">"
                                    + Markdown.html(card.path("detail").asText().replace("test-1", knowledge.version()))
                                    + "</div>");
            for (JsonNode suggestion : card.path("suggestions")) {
                assertThat(row)
                        .as(topic)
                        .contains(
                                "disabled>" + Html.esc(suggestion.path("label").asText()));
            }
            for (JsonNode link : card.path("links")) {
                assertThat(row).as(topic).contains(Html.esc(link.path("label").asText()) + "</a>");
            }
        }
        // the dose checks' suggestions edit the draft order: shown too, with what they change
        assertThat(exampleRow(html, "ketamine-dose-check")).contains("update: ");
        assertThat(exampleRow(html, "esketamine-dose-check")).contains("update: ");
    }

    @Test
    void protocolPageShowsEveryVersion3ParameterByItsLabelNeverItsName() throws IOException {
        String html = given().get("/protocol").asString();

        assertThat(html)
                .contains(
                        "title=\"pregnancyConditionWindowDays (Parameters-safety-v3.json)\">Pregnancy condition "
                                + "counts for</td><td class=\"n\">300 days</td>",
                        ">Esketamine dose per session</td><td class=\"n\">56, 84 mg</td>",
                        ">Order checks (protocol version 3)</h3>");
        String visibleText = html.replaceAll("<[^>]*>", " ");
        for (String name : names(KnowledgeTables.PARAMETER_FILES)) {
            // one anchor per name, even for a name of two files (pregnancyTestWindowDays)
            assertThat(html.split(Pattern.quote("id=\"param-" + name + "\""), -1))
                    .as(name)
                    .hasSize(2);
            if (!name.equals(name.toLowerCase())) {
                // a camelCase name never appears as text ("route" is also an ordinary word of the values)
                assertThat(visibleText).as("the name " + name + " as text").doesNotContainPattern("\\b" + name + "\\b");
            }
        }
    }
}
