package org.trdcds.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.trdcds.knowledge.Knowledge;

/**
 * The pages over real HTTP on the running application, with an admin token configured: /protocol is open, the admin
 * pages answer only with the token (from any address), and every card's source.url opens its topic's section.
 */
@PagesApplication.WithAdminToken
class PagesHttpTest {

    static final String TOKEN = PagesApplication.TOKEN;
    static final List<String> ADMIN_PAGES =
            List.of("/admin/knowledge", "/admin/feedback", "/admin/preview", "/admin/feedback-summary");

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    Knowledge knowledge;

    @BeforeEach
    void port() {
        RestAssured.port = port;
    }

    static List<String> topics() throws IOException {
        List<String> topics = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("cds-cards"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                topics.add(SampleRequests.JSON
                        .readTree(file.toFile())
                        .path("topic")
                        .asText());
            }
        }
        return topics;
    }

    @Test
    void protocolIsOpenHtmlWithTheKnowledgeValuesEvidenceAndAnAnchorPerTopic() throws Exception {
        Response page = given().get("/protocol");

        page.then().statusCode(200).contentType(ContentType.HTML);
        String html = page.asString();
        assertThat(html)
                .contains(
                        knowledge.version(),
                        "0.5 mg/kg",
                        "42 days",
                        "140/90",
                        "pubmed.ncbi.nlm.nih.gov/31440588",
                        "Strength");
        // each parameter by the label a clinician reads; its name (for governance) only as the row's anchor and tooltip
        assertThat(html)
                .contains(
                        "id=\"param-ketamineMgPerKg\"",
                        "title=\"adequateTrialDays (Parameters-protocol-parameters.json)\">Adequate trial:");
        String visibleText = html.replaceAll("<[^>]*>", " ");
        for (String name : ParameterValues.of(knowledge.parameters()).keySet()) {
            assertThat(html).as(name).contains("id=\"param-" + name + "\"");
            assertThat(visibleText).as("the name " + name + " as text").doesNotContain(name);
        }
        for (String topic : topics()) {
            assertThat(html).as(topic).contains("id=\"" + topic + "\"");
        }
        assertThat(html).doesNotContain("<script");
        mvc.perform(get("/protocol").with(from("203.0.113.7"))).andExpect(status().isOk());
    }

    @Test
    void adminPagesAnswerOnlyWithTheAdminToken() throws Exception {
        for (String path : ADMIN_PAGES) {
            assertThat(given().get(path).statusCode()).as(path).isEqualTo(401);
            assertThat(given().auth().oauth2("wrong-token").get(path).statusCode())
                    .as(path)
                    .isEqualTo(401);
            Response ok = given().auth().oauth2(TOKEN).get(path);
            assertThat(ok.statusCode()).as(path).isEqualTo(200);
            assertThat(ok.contentType())
                    .as(path)
                    .startsWith(path.endsWith("summary") ? "application/json" : "text/html");
            mvc.perform(get(path).with(from("203.0.113.7"))).andExpect(status().isUnauthorized());
        }
    }

    @Test
    void knowledgePageShowsValueSetsDoseTableReviewStatusParametersAndTemplates() throws Exception {
        String html = given().auth().oauth2(TOKEN).get("/admin/knowledge").asString();

        assertThat(html)
                .contains(
                        "id=\"vs-epilepsy\"",
                        "http://hl7.org/fhir/sid/icd-10-cm",
                        "<details>",
                        "placeholder-pending-clinical-review",
                        "antidepressant-minimum-doses",
                        "ketamineMgPerKg",
                        knowledge.version(),
                        "the copy shipped in the jar");
        for (String valueSet : knowledge.valueSetIds()) {
            assertThat(html).contains("id=\"vs-" + valueSet + "\"");
        }
        for (String topic : topics()) {
            assertThat(html).as(topic).contains("id=\"tpl-" + topic + "\"");
        }
    }

    @Test
    void everyCardsSourceUrlOpensItsTopicsSectionOfTheProtocolPage() {
        JsonNode discovery =
                SampleRequests.JSON.valueToTree(given().get("/cds-services").as(Map.class));
        int cards = 0;
        for (JsonNode sample : SampleRequests.samples()) {
            JsonNode answer = post(sample, discovery);
            for (JsonNode card : answer.path("cards")) {
                String topic = card.path("source").path("topic").path("code").asText();
                String url = card.path("source").path("url").asText();
                // the socket the call came in on, never the Host header (F7): loopback here, IPv4 or IPv6
                assertThat(url)
                        .as(sample.path("name").asText())
                        .matches("http://(127\\.0\\.0\\.1|\\[0:0:0:0:0:0:0:1\\]|\\[::1\\]):" + port + "/protocol#"
                                + topic);
                Response page = given().baseUri(url.substring(0, url.indexOf('#')))
                        .port(-1)
                        .get();
                page.then().statusCode(200).contentType(ContentType.HTML);
                assertThat(page.asString()).contains("id=\"" + topic + "\"");
                cards++;
            }
        }
        assertThat(cards).isGreaterThan(3);
    }

    static JsonNode post(JsonNode sample, JsonNode discovery) {
        String service = sample.path("service").asText();
        JsonNode templates = null;
        for (JsonNode s : discovery.path("services")) {
            if (s.path("id").asText().equals(service)) {
                templates = s.path("prefetch");
            }
        }
        assertThat(templates).as(service).isNotNull();
        Response response = given().contentType(ContentType.JSON)
                .body(SampleRequests.request(sample, templates).toString())
                .post("/cds-services/" + service);
        response.then().statusCode(200);
        return SampleRequests.JSON.valueToTree(response.as(Map.class));
    }

    static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
