package org.trdcds.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.trdcds.e2e.Scenarios.Scenario;
import org.trdcds.fhirdata.TestFhirServer;

/**
 * Issue #18, "bad input stays unknown, never a 500", and a clinician never reads silence as "checked": each input the
 * service cannot check ends in a card line saying what could not be checked, over real HTTP. The Medication fetches go
 * to a real HAPI RestfulServer (TestFhirServer) that answers 404 or 500, hangs past the 300 ms budget of the shipped
 * knowledge, or does not hold the Medication.
 */
class CouldNotCheckHttpTest extends EndToEndTestBase {

    static final Scenario ORDER = Scenarios.of(Path.of("src/test/resources/scenarios-v3")).stream()
            .filter(s -> s.name().equals("chk-A-osref-medication-by-reference-fetched"))
            .findFirst()
            .orElseThrow();
    static final Scenario CANDIDATE = Scenarios.all().stream()
            .filter(s -> s.name().equals("pv-candidate"))
            .findFirst()
            .orElseThrow();
    static final String UNREAD_ORDER = "a reference the service could not read from the EHR";

    @RegisterExtension
    static final TestFhirServer FHIR =
            TestFhirServer.serving(FhirContext.forR4Cached(), Scenarios.records(java.util.List.of(ORDER)));

    /** The order-sign call with full prefetch and the FHIR server; its draft order references {@code medication}. */
    private JsonNode orderSign(String medication, String display, boolean withServer) throws Exception {
        CLOCK.set(ORDER.asOf());
        ObjectNode request = Scenarios.request(ORDER, true, withServer ? FHIR.baseUrl() : null, null);
        ObjectNode reference = (ObjectNode) request.get("context")
                .get("draftOrders")
                .get("entry")
                .get(0)
                .get("resource")
                .get("medicationReference");
        reference.put("reference", medication);
        if (display != null) {
            reference.put("display", display);
        }
        return cards(post(ORDER.service(), request.toString()));
    }

    private JsonNode patientView(java.util.function.Consumer<ObjectNode> edit) throws Exception {
        CLOCK.set(CANDIDATE.asOf());
        ObjectNode request = Scenarios.request(CANDIDATE, true, null, null);
        edit.accept((ObjectNode) request.get("prefetch"));
        return cards(post(CANDIDATE.service(), request.toString()));
    }

    private static JsonNode cards(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Scenarios.JSON.readTree(response.body()).get("cards");
    }

    private static String detail(JsonNode cards, String topic) {
        return Scenarios.cardOf(cards, topic).get("detail").asText();
    }

    @Test
    void anUnresolvableReferenceWithoutAFhirServer() throws Exception {
        JsonNode cards = orderSign("Medication/chk-kmed-5", null, false);

        assertThat(detail(cards, "order-check-incomplete")).contains("Could not check", UNREAD_ORDER);
        assertThat(Scenarios.topics(cards)).doesNotContain("ketamine-dose-check");
    }

    @ParameterizedTest
    @EnumSource(
            value = TestFhirServer.Fault.class,
            names = {"HTTP_404", "HTTP_500", "HANG", "MALFORMED_JSON"})
    void aMedicationFetchThatFails(TestFhirServer.Fault fault) throws Exception {
        FHIR.fault(fault);

        JsonNode cards = orderSign("Medication/chk-kmed-5", null, true);

        assertThat(detail(cards, "order-check-incomplete")).contains("Could not check", UNREAD_ORDER);
        assertThat(FHIR.requests()).as("at most the one batched search").hasSizeLessThanOrEqualTo(1);
        FHIR.reset(); // releases a hanging response
    }

    @Test
    void aMedicationTheServerDoesNotHold() throws Exception {
        JsonNode cards = orderSign("Medication/not-held", null, true);

        assertThat(detail(cards, "order-check-incomplete")).contains("Could not check", UNREAD_ORDER);
        assertThat(FHIR.requests())
                .as("at most the one batched search (a cold first call may give up at the budget before it is sent)")
                .hasSizeLessThanOrEqualTo(1)
                .allMatch("/fhir/Medication?_id=not-held"::equals);
    }

    /** The reference's display is the last way to identify it (PROTOCOL-v3 A.4): a name the table does not hold. */
    @Test
    void aReferenceWhoseNameMatchesNothingInTheNameTable() throws Exception {
        JsonNode cards = orderSign("Medication/not-held", "Infusion bag 250 mL", true);

        assertThat(detail(cards, "order-check-incomplete")).contains("Could not check", UNREAD_ORDER);
        assertThat(detail(cards, "order-check-incomplete")).doesNotContain("Identified by its name");
    }

    @Test
    void anHcgInAUnitTheKnowledgeDoesNotConvert() throws Exception {
        JsonNode hcg = Scenarios.JSON.readTree("""
                {"resourceType": "Observation", "id": "hcg-ng", "status": "final",
                 "subject": {"reference": "Patient/p-cand"},
                 "code": {"coding": [{"system": "http://loinc.org", "code": "19080-1"}]},
                 "effectiveDateTime": "2026-11-20T10:00:00Z", "valueQuantity": {"value": 300, "unit": "ng/mL"}}""");
        JsonNode cards = patientView(
                prefetch -> ((ArrayNode) prefetch.get("observations").get("entry"))
                        .addObject()
                        .set("resource", hcg));

        assertThat(detail(cards, "contraindication-pregnancy")).contains("could not check", "hCG 300 ng/");
        assertThat(Scenarios.cardOf(cards, "contraindication-pregnancy")
                        .get("indicator")
                        .asText())
                .as("a line to check, blocking nothing")
                .isEqualTo("warning");
    }

    @Test
    void aMissingBirthDateOnThePatientView() throws Exception {
        JsonNode cards = patientView(prefetch -> ((ObjectNode) prefetch.get("patient")).remove("birthDate"));

        assertThat(detail(cards, "combination-candidate")).contains("**Could not check**: age (no birth date)");
    }

    @Test
    void aMissingBirthDateOnAnOrder() throws Exception {
        CLOCK.set(ORDER.asOf());
        ObjectNode request = Scenarios.request(ORDER, true, null, null);
        ((ObjectNode) request.get("prefetch").get("patient")).remove("birthDate");
        ObjectNode order = (ObjectNode)
                request.get("context").get("draftOrders").get("entry").get(0).get("resource");
        order.remove("medicationReference"); // coded by its ingredient: no fetch on this loaded machine's clock
        order.set("medicationCodeableConcept", Scenarios.JSON.readTree("""
                {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "6130"}]}"""));

        JsonNode cards = cards(post(ORDER.service(), request.toString()));

        assertThat(detail(cards, "ketamine-dose-check"))
                .containsIgnoringCase("could not check")
                .contains("age");
    }

    @Test
    void aHistoryRecordWhoseMedicationReferenceCannotBeRead() throws Exception {
        JsonNode cards = patientView(prefetch -> ((ArrayNode)
                        prefetch.get("medicationStatements").get("entry"))
                .addObject()
                .set(
                        "resource",
                        Scenarios.JSON
                                .createObjectNode()
                                .put("resourceType", "MedicationStatement")
                                .put("id", "ms-unread")
                                .put("status", "completed")
                                .<ObjectNode>set(
                                        "medicationReference",
                                        Scenarios.JSON.createObjectNode().put("reference", "Medication/not-sent"))
                                .set(
                                        "subject",
                                        Scenarios.JSON.createObjectNode().put("reference", "Patient/p-cand"))));

        assertThat(detail(cards, "combination-candidate"))
                .contains("**Could not check**: 1 medication record(s) whose medication reference could not be read");
    }
}
