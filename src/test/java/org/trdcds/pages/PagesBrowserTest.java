package org.trdcds.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each page opened in a real headless Chromium on the running application (admin pages from loopback, no admin
 * token configured, as by default): what a person would see, with a screenshot under target/screenshots/.
 */
@PagesApplication.LoopbackOnly
@EnabledIf(value = "org.trdcds.pages.Browser#availableOrRequired", disabledReason = Browser.SKIPPED)
class PagesBrowserTest {

    static WebDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void port() {
        RestAssured.port = port;
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void show(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(true);", element);
    }

    @Test
    void protocolPageShowsTheParametersAndASectionPerCard() {
        open("/protocol");

        assertThat(browser.getTitle()).startsWith("Protocol");
        String text = browser.findElement(By.tagName("main")).getText();
        assertThat(text).contains("0.5 mg/kg", "42 days", "140/90", "Strength");
        WebElement candidate = browser.findElement(By.id("combination-candidate"));
        assertThat(candidate.isDisplayed()).isTrue();
        Browser.screenshot(browser, "protocol");
        open("/protocol#contraindication-uncontrolled-seizures");
        Browser.screenshot(browser, "protocol-topic");
    }

    @Test
    void knowledgePageShowsAValueSetWithItsCodesOnDemandAndTheExampleCards() {
        open("/admin/knowledge");

        WebElement epilepsy = browser.findElement(By.id("vs-epilepsy"));
        assertThat(epilepsy.getText()).contains("Epilepsy", "http://hl7.org/fhir/sid/icd-10-cm");
        WebElement codes = epilepsy.findElements(By.tagName("details")).get(1);
        assertThat(codes.getText()).doesNotContain("G40.909");
        codes.findElement(By.tagName("summary")).click();
        assertThat(codes.getText()).contains("G40.");
        show(epilepsy);
        Browser.screenshot(browser, "knowledge");
        show(browser.findElement(By.id("minimum-doses")));
        assertThat(browser.findElement(By.className("review-status")).getText())
                .contains("placeholder-pending-clinical-review");
        Browser.screenshot(browser, "knowledge-doses");
        // beside its template, the card the template's example renders to, as the preview shows cards
        WebElement example = browser.findElement(By.cssSelector("#example-combination-candidate .card"));
        show(example);
        assertThat(example.isDisplayed()).isTrue();
        assertThat(example.findElement(By.className("summary")).getText())
                .isEqualTo(golden("combination-candidate").path("summary").asText());
        Browser.screenshot(browser, "knowledge-example");
    }

    /** The golden card of a topic (TemplateCardRendererTest). */
    private static JsonNode golden(String topic) {
        try {
            return SampleRequests.JSON.readTree(
                    KnowledgeTablesHttpTest.GOLDEN.resolve(topic + ".json").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Issue 20: a reviewer filters the cases behind a topic, then reads the shadow page after a real hook call to the
     * service in shadow mode: the would-be card per week and as a case, the filter by topic and indicator, the CSV.
     */
    @Test
    void aReviewerFiltersTheCasesBehindATopicAndReadsTheShadowPage() {
        JsonNode discovery =
                SampleRequests.JSON.valueToTree(given().get("/cds-services").as(Map.class));
        JsonNode critical = PagesHttpTest.post(SampleRequests.sample("pv-uncontrolled-hypertension"), discovery)
                .path("cards")
                .get(0);
        String topic = critical.path("source").path("topic").path("code").asText();
        awaitIssued(topic);

        open("/admin/feedback/cases");
        browser.findElement(By.name("topic")).sendKeys(topic);
        browser.findElement(By.tagName("button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(b -> b.getCurrentUrl().contains("topic=" + topic));
        java.util.List<WebElement> cases = browser.findElements(By.cssSelector("#cases tr.case"));
        assertThat(cases).isNotEmpty();
        assertThat(cases).allSatisfy(row -> assertThat(row.getText()).contains(topic));
        assertThat(cases.get(0).findElement(By.cssSelector(".badge")).getText()).isEqualToIgnoringCase("critical");
        Browser.screenshot(browser, "feedback-cases");

        // a shadow card: the order-sign service runs in shadow mode, a real hook call gets no card
        JsonNode shadowSample = SampleRequests.sample("os-ketamine-overdose");
        assertThat(shadowSample.path("service").asText()).isEqualTo(PagesApplication.SHADOW_SERVICE);
        assertThat(PagesHttpTest.post(shadowSample, discovery).path("cards")).isEmpty();
        String shadowTopic = "ketamine-dose-check"; // the sample's expected topic
        assertThat(shadowSample.path("expect").path("topicsIncluded").toString())
                .contains(shadowTopic);
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(b -> given().get("/admin/shadow.csv").asString().contains("," + shadowTopic + ","));

        open("/admin/shadow");
        assertThat(browser.findElement(By.id("service-modes")).getText())
                .contains(PagesApplication.SHADOW_SERVICE + " shadow", "every other service: live");
        assertThat(browser.findElements(By.id("no-shadow-cards"))).isEmpty();
        WebElement weeks = browser.findElement(By.id("shadow-weeks"));
        assertThat(weeks.getText()).contains(shadowTopic + " · ");
        WebElement row = browser.findElements(By.cssSelector("#cases tr.case")).stream()
                .filter(r -> r.getText().contains(shadowTopic))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no case row of " + shadowTopic));
        assertThat(row.getText()).contains(PagesApplication.SHADOW_SERVICE, "order-sign");
        String indicator = row.findElement(By.cssSelector(".badge")).getText().toLowerCase();
        assertThat(indicator).isIn("warning", "critical");
        assertThat(weeks.getText()).contains(shadowTopic + " · " + indicator);
        assertThat(row.findElement(By.cssSelector("code.link")).getText())
                .as("the patient as its HMAC link, never the FHIR id")
                .isNotBlank()
                .doesNotContain(shadowSample.path("patientId").asText());
        assertThat(browser.findElement(By.id("csv")).getAttribute("href")).endsWith("/admin/shadow.csv");
        Browser.screenshot(browser, "shadow");

        // filter by topic and indicator: the case stays, the CSV link carries the filter
        browser.findElement(By.name("topic")).sendKeys(shadowTopic);
        browser.findElement(By.name("indicator")).sendKeys(indicator);
        browser.findElement(By.cssSelector("form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(b -> b.getCurrentUrl().contains("indicator=" + indicator));
        assertThat(browser.getCurrentUrl()).contains("topic=" + shadowTopic);
        java.util.List<WebElement> shadowCases = browser.findElements(By.cssSelector("#cases tr.case"));
        assertThat(shadowCases)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.getText().toLowerCase()).contains(shadowTopic, indicator));
        assertThat(browser.findElement(By.id("csv")).getAttribute("href"))
                .endsWith("/admin/shadow.csv?topic=" + shadowTopic + "&indicator=" + indicator);
        Browser.screenshot(browser, "shadow-filtered");

        // another indicator: no case
        String other = "critical".equals(indicator) ? "info" : "critical";
        open("/admin/shadow?topic=" + shadowTopic + "&indicator=" + other);
        assertThat(browser.findElements(By.cssSelector("#cases tr.case"))).isEmpty();
        // another topic: no case (the live cards of the first part are not shadow cards)
        open("/admin/shadow?topic=" + topic);
        assertThat(browser.findElements(By.cssSelector("#cases tr.case"))).isEmpty();
    }

    @Test
    void feedbackPageShowsTheOverrideRateOfAWarningOrCriticalCardAndInfoDismissalsApart() {
        JsonNode discovery =
                SampleRequests.JSON.valueToTree(given().get("/cds-services").as(Map.class));
        JsonNode critical = PagesHttpTest.post(SampleRequests.sample("pv-uncontrolled-hypertension"), discovery)
                .path("cards")
                .get(0);
        JsonNode info = PagesHttpTest.post(SampleRequests.sample("pv-candidate"), discovery)
                .path("cards")
                .get(0);
        String criticalTopic =
                critical.path("source").path("topic").path("code").asText();
        assertThat(critical.path("indicator").asText()).isEqualTo("critical");
        assertThat(info.path("indicator").asText()).isEqualTo("info");
        awaitIssued(criticalTopic);
        feedback(
                "ketamine-tms-screening",
                critical.path("uuid").asText(),
                "overridden",
                critical.path("overrideReasons").get(0).path("code").asText());
        feedback("ketamine-tms-screening", info.path("uuid").asText(), "overridden", null);

        open("/admin/feedback");

        WebElement row = browser.findElement(By.id("fb-" + criticalTopic));
        assertThat(row.findElement(By.className("rate")).getText()).isEqualTo("100%");
        assertThat(row.findElement(By.tagName("svg")).isDisplayed()).isTrue();
        WebElement infoRow = browser.findElement(
                By.id("fb-" + info.path("source").path("topic").path("code").asText()));
        assertThat(infoRow.findElement(By.className("rate")).getText()).isEqualTo("—");
        assertThat(infoRow.getText()).contains("info");
        Browser.screenshot(browser, "feedback");
    }

    @Test
    void previewShowsTheCandidateCardAsAnEhrDoes() {
        open("/admin/preview");

        WebElement sample = browser.findElement(By.id("pv-candidate"));
        WebElement card = sample.findElement(By.cssSelector(".card[data-topic='combination-candidate']"));
        show(card);
        String text = card.getText();
        assertThat(text).containsIgnoringCase("candidate").contains("sertraline");
        assertThat(text).doesNotContain("**");
        assertThat(card.findElements(By.cssSelector(".detail table"))).isNotEmpty();
        assertThat(card.findElement(By.cssSelector(".source a")).getAttribute("href"))
                .isEqualTo("http://localhost:" + port + "/protocol#combination-candidate");
        Browser.screenshot(browser, "preview-candidate");
        WebElement hypertension = browser.findElement(By.id("pv-uncontrolled-hypertension"));
        show(hypertension);
        assertThat(hypertension.findElements(By.cssSelector(".card.critical"))).isNotEmpty();
        Browser.screenshot(browser, "preview-contraindication");
    }

    /** PROTOCOL-v3: each new topic has a preview sample; the esketamine dose card reads as an EHR shows it. */
    @Test
    void previewShowsTheVersion3Cards() {
        open("/admin/preview");

        WebElement sample = browser.findElement(By.id("v3-os-esketamine-above-84"));
        WebElement card = sample.findElement(By.cssSelector(".card[data-topic='esketamine-dose-check']"));
        show(card);
        assertThat(card.getAttribute("class")).contains("critical");
        assertThat(card.getText()).containsIgnoringCase("esketamine").contains("84 mg");
        assertThat(card.getText()).doesNotContain("**", "{{", "‹");
        Browser.screenshot(browser, "preview-esketamine");
        WebElement incomplete = browser.findElement(By.id("chk-A-os-ketamine-im-route-check-incomplete"))
                .findElement(By.cssSelector(".card[data-topic='order-check-incomplete']"));
        show(incomplete);
        assertThat(incomplete.getText())
                .containsIgnoringCase("check this order by hand")
                .contains("Route");
        Browser.screenshot(browser, "preview-order-check-incomplete");
        for (String topic : List.of(
                "order-check-incomplete",
                "lactation-caution",
                "older-adult-caution",
                "outside-protocol-age",
                "esketamine-dose-check")) {
            assertThat(browser.findElements(By.cssSelector(".card[data-topic='" + topic + "']")))
                    .as(topic)
                    .isNotEmpty();
        }
    }

    private static void feedback(String service, String card, String outcome, String reasonCode) {
        String reason = reasonCode == null ? "" : """
                , "overrideReason": {"reason": {"code": "%s", "system": "https://fhir.trd-cds-hooks.org/CodeSystem/override-reasons"}}
                """.formatted(reasonCode);
        given().contentType(ContentType.JSON)
                .body("""
                {"feedback": [{"card": "%s", "outcome": "%s", "outcomeTimestamp": "%s"%s}]}
                """.formatted(card, outcome, java.time.Instant.now(), reason))
                .post("/cds-services/" + service + "/feedback")
                .then()
                .statusCode(200);
    }

    /** Issued cards are written in the background: wait until the topic is counted. */
    private static void awaitIssued(String topic) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(b -> given().get("/admin/feedback-summary").asString().contains("\"topic\":\"" + topic + "\""));
    }
}
