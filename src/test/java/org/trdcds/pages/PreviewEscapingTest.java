package org.trdcds.pages;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.trdcds.cards.Card;

/**
 * Record text never becomes live markup on the preview: a patient-supplied {@code <script>} (condition and
 * medication texts of a sample record) goes through the real decision and renderer and comes out as text.
 */
@PagesApplication.WithAdminToken
class PreviewEscapingTest {

    static final String SCRIPT = "<script>alert(1)</script>";

    @Autowired
    PreviewPage preview;

    @Autowired
    FhirContext fhir;

    @Test
    void aScriptInTheRecordIsShownAsTextInThePreview() {
        StringBuilder html = new StringBuilder();
        for (String name : List.of("pv-uncontrolled-hypertension", "pv-candidate", "os-ketamine-overdose")) {
            JsonNode sample = SampleRequests.sample(name).deepCopy();
            ((com.fasterxml.jackson.databind.node.ArrayNode)
                            sample.path("record").path("entry"))
                    .addObject()
                    .set("resource", epilepsy(sample.path("patientId").asText()));
            for (JsonNode resource : sample.path("record").path("entry").findValues("resource")) {
                poison(resource.path("code"));
                poison(resource.path("medicationCodeableConcept"));
            }
            html.append(preview.section(Samples.parse(sample, fhir), "http://localhost/protocol"));
        }

        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).contains("class=\"card ");
    }

    @Test
    void cardTextAndLinksCannotInjectMarkupOrScriptUrls() {
        Card card = new Card(
                "u",
                SCRIPT + " summary",
                SCRIPT + "\n\n<img src=x onerror=alert(1)> " + "[click](javascript:alert(1)) **bold**",
                "warning",
                new Card.Source(SCRIPT, "javascript:alert(1)", null, new Card.Coding("s", "topic", "d")),
                List.of(new Card.Suggestion(
                        SCRIPT, "s1", true, List.of(new Card.Action("delete", SCRIPT, null, "MedicationRequest/1")))),
                "at-most-one",
                List.of(new Card.Coding("s", "c", SCRIPT)),
                List.of(new Card.Link(SCRIPT, "javascript:alert(1)", "absolute", null)));

        String html = CardHtml.of(card);

        assertThat(html)
                .doesNotContain("<script", "<img", "javascript:", "href=\"javascript")
                .contains("&lt;script&gt;", "<strong>bold</strong>");
    }

    /** An active intractable epilepsy: its contraindication card lists the condition's text from the record. */
    private static JsonNode epilepsy(String patientId) {
        try {
            return SampleRequests.JSON.readTree("""
                    {"resourceType": "Condition", "id": "cond-script",
                     "clinicalStatus": {"coding": [{"system":
                       "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
                     "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "G40.011"}]},
                     "subject": {"reference": "Patient/%s"}, "onsetDateTime": "2020-01-01"}
                    """.formatted(patientId));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void poison(JsonNode concept) {
        if (concept instanceof ObjectNode object) {
            object.put("text", SCRIPT);
            for (JsonNode coding : object.path("coding")) {
                ((ObjectNode) coding).put("display", SCRIPT);
            }
        }
    }
}
