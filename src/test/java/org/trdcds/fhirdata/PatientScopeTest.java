package org.trdcds.fhirdata;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** Only the context patient's data counts; a FHIR server's answer holding another patient's is trimmed. */
class PatientScopeTest {

    static Condition conditionOf(String reference) {
        Condition condition = new Condition();
        condition.setId("c-" + Math.abs(reference.hashCode()));
        condition.setSubject(new Reference(reference));
        return condition;
    }

    @Test
    void judgesPatientsSubjectsAndPatientReferences() {
        assertThat(PatientScope.ofAnotherPatient(new Patient().setId("X"), "X")).isFalse();
        assertThat(PatientScope.ofAnotherPatient(new Patient().setId("Y"), "X")).isTrue();
        assertThat(PatientScope.ofAnotherPatient(new Patient(), "X"))
                .as("no id: not judged")
                .isFalse();
        assertThat(PatientScope.ofAnotherPatient(conditionOf("Patient/X"), "X")).isFalse();
        assertThat(PatientScope.ofAnotherPatient(conditionOf("Patient/Y"), "X")).isTrue();
        assertThat(PatientScope.ofAnotherPatient(conditionOf("https://ehr.example.org/fhir/Patient/Y/_history/2"), "X"))
                .isTrue();
        assertThat(PatientScope.ofAnotherPatient(conditionOf("https://ehr.example.org/fhir/Patient/X"), "X"))
                .isFalse();
        assertThat(PatientScope.ofAnotherPatient(conditionOf("urn:uuid:5c1e9d7a-0000-4000-8000-000000000001"), "X"))
                .as("unresolvable here: not judged")
                .isFalse();
        assertThat(PatientScope.ofAnotherPatient(conditionOf("#contained"), "X"))
                .isFalse();
        assertThat(PatientScope.ofAnotherPatient(conditionOf("Group/Y"), "X")).isFalse();
        MedicationRequest request = new MedicationRequest().setSubject(new Reference("Patient/Y"));
        assertThat(PatientScope.ofAnotherPatient(request, "X")).isTrue();
        assertThat(PatientScope.ofAnotherPatient(new Observation().setSubject(new Reference("Patient/X")), "X"))
                .isFalse();
        assertThat(PatientScope.ofAnotherPatient(new Medication(), "X")).isFalse();
        org.hl7.fhir.r4.model.Encounter encounter = new org.hl7.fhir.r4.model.Encounter();
        encounter.setSubject(new Reference("Patient/Y"));
        assertThat(PatientScope.ofAnotherPatient(encounter, "X"))
                .as("any type, by its subject element")
                .isTrue();
        org.hl7.fhir.r4.model.AllergyIntolerance allergy = new org.hl7.fhir.r4.model.AllergyIntolerance();
        allergy.setPatient(new Reference("Patient/Y"));
        assertThat(PatientScope.ofAnotherPatient(allergy, "X"))
                .as("or its patient element")
                .isTrue();
    }

    @Test
    void resourcesAreFlattenedOutOfBundles() {
        Bundle inner = new Bundle();
        inner.addEntry().setResource(conditionOf("Patient/Y"));
        Bundle outer = new Bundle();
        outer.addEntry().setResource(conditionOf("Patient/X"));
        outer.addEntry().setResource(inner);

        assertThat(PatientScope.resources(outer)).hasSize(2);
        assertThat(PatientScope.resources(outer))
                .filteredOn(r -> PatientScope.ofAnotherPatient(r, "X"))
                .hasSize(1);
    }

    @Test
    void aFetchedResourceOfAnotherPatientIsDropped() throws Exception {
        String conditions = """
                {"resourceType":"Bundle","type":"searchset","entry":[
                 {"resource":{"resourceType":"Condition","id":"mine","subject":{"reference":"Patient/p-cand"}}},
                 {"resource":{"resourceType":"Condition","id":"theirs","subject":{"reference":"Patient/someone-else"}}}]}""";
        try (Redirector server = Redirector.answering(conditions);
                HapiPatientDataLoader loader = new HapiPatientDataLoader(
                        FhirContext.forR4Cached(),
                        new FhirClientSettings(
                                Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofSeconds(10), 5, 2),
                        new SimpleMeterRegistry())) {
            PatientData data = loader.load(new FetchPlan(
                    "p-cand", server.baseUrl(), null, Map.of("conditions", "Condition?patient=p-cand"), Map.of()));

            assertThat(data.conditions())
                    .extracting(c -> c.getIdElement().getIdPart())
                    .containsExactly("mine");
        }
    }
}
