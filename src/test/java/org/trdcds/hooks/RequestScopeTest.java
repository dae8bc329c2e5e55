package org.trdcds.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class RequestScopeTest {

    static Bundle searchset(org.hl7.fhir.r4.model.Resource... resources) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        for (org.hl7.fhir.r4.model.Resource resource : resources) {
            bundle.addEntry().setResource(resource);
        }
        return bundle;
    }

    @Test
    void theTypesATemplateQueries() {
        assertThat(RequestScope.queriedTypes("Patient/{{context.patientId}}"))
                .containsExactlyInAnyOrder("Patient", "OperationOutcome");
        assertThat(RequestScope.queriedTypes("Condition?patient={{context.patientId}}"))
                .containsExactlyInAnyOrder("Condition", "OperationOutcome");
        assertThat(RequestScope.queriedTypes(
                        "MedicationRequest?patient={{context.patientId}}&_include=MedicationRequest:medication"))
                .containsExactlyInAnyOrder("MedicationRequest", "Medication", "OperationOutcome");
        assertThat(RequestScope.queriedTypes("Observation?patient=1&_revinclude=Provenance:target"))
                .contains("Provenance");
        assertThat(RequestScope.queriedTypes("{{context.patientId}}")).isEmpty();
    }

    @Test
    void aPrefetchKeyHoldingATypeItsTemplateDoesNotQueryIsRefusedByName() {
        Bundle mixed = searchset(new Condition().setSubject(new Reference("Patient/X")), new Patient().setId("X"));

        assertThatThrownBy(() ->
                        RequestScope.checkPrefetch("conditions", mixed, "Condition?patient={{context.patientId}}", "X"))
                .isInstanceOf(CdsException.class)
                .hasMessage(
                        "prefetch.conditions holds a Patient resource, a type its prefetch template does not query");
        RequestScope.checkPrefetch(
                "conditions",
                searchset(new Condition().setSubject(new Reference("Patient/X")), new OperationOutcome()),
                "Condition?patient={{context.patientId}}",
                "X");
        RequestScope.checkPrefetch(
                "requests",
                searchset(new MedicationRequest().setSubject(new Reference("Patient/X")), new Medication()),
                "MedicationRequest?patient=X&_include=MedicationRequest:medication",
                "X");
    }

    @Test
    void anotherPatientsResourceInPrefetchIsRefusedByKey() {
        assertThatThrownBy(() -> RequestScope.checkPrefetch(
                        "patient", new Patient().setId("Y"), "Patient/{{context.patientId}}", "X"))
                .hasMessage("prefetch.patient holds a resource of another patient than context.patientId");
        assertThatThrownBy(() -> RequestScope.checkPrefetch(
                        "conditions",
                        searchset(new Condition().setSubject(new Reference("Patient/Y"))),
                        "Condition?patient=X",
                        "X"))
                .hasMessageStartingWith("prefetch.conditions holds a resource of another patient");
    }

    @Test
    void aDraftOrderForAnotherPatientIsRefusedByEntry() {
        Bundle orders = new Bundle();
        orders.addEntry()
                .setResource(new MedicationRequest()
                        .setSubject(new Reference("Patient/X"))
                        .setId("ok"));
        orders.addEntry()
                .setResource(new MedicationRequest()
                        .setSubject(new Reference("Patient/Y"))
                        .setId("ket-1\n"));

        assertThatThrownBy(() -> RequestScope.checkDraftOrders(orders, "X"))
                .hasMessage("context.draftOrders entry 1 (MedicationRequest/ket-1?) is for another patient than "
                        + "context.patientId");
    }
}
