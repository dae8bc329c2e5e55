package org.trdcds.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/** Out of the box (no admin token): the admin pages answer loopback callers over HTTP and refuse anyone else. */
@PagesApplication.LoopbackOnly
class LoopbackAdminPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Test
    void adminPagesAnswerHtmlOnLoopbackAndRefuseOtherAddresses() throws Exception {
        RestAssured.port = port;
        for (String path : PagesHttpTest.ADMIN_PAGES) {
            Response page = given().get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.contentType())
                    .as(path)
                    .startsWith(path.endsWith("summary") ? "application/json" : "text/html;charset=UTF-8");
            mvc.perform(get(path).with(PagesHttpTest.from("203.0.113.7"))).andExpect(status().isUnauthorized());
            mvc.perform(get(path).with(PagesHttpTest.from("127.0.0.1"))).andExpect(status().isOk());
        }
        mvc.perform(get("/protocol").with(PagesHttpTest.from("203.0.113.7"))).andExpect(status().isOk());
    }

    @Test
    void previewShowsEverySampleWithItsCardsRenderedFromMarkdown() {
        RestAssured.port = port;
        String html = given().get("/admin/preview").asString();

        for (var sample : SampleRequests.samples()) {
            assertThat(html).contains("id=\"" + sample.path("name").asText() + "\"");
        }
        assertThat(html)
                .contains(
                        "data-topic=\"combination-candidate\"",
                        "<table>",
                        "<strong>",
                        "href=\"http://localhost:" + port + "/protocol#combination-candidate\"",
                        "Dismiss with a reason");
        assertThat(html).doesNotContain("could not be rendered", "**");
    }
}
