package org.trdcds.fhirdata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;

/**
 * Gathers resources (bare or inside Bundles) by type, de-duplicated by type + id; other types are ignored, and so is
 * every resource of another patient than the call's ({@link PatientScope}): the edge refuses such prefetch, a FHIR
 * server's answer is only trimmed.
 */
final class PatientDataCollector {

    private final Map<String, IBaseResource> byTypeAndId = new LinkedHashMap<>();
    private final String patientId;
    private int otherPatients;

    /** Keeps every patient's resources (for tests that read one patient's record). */
    PatientDataCollector() {
        this(null);
    }

    /** @param patientId the context patient, or null to keep everything */
    PatientDataCollector(String patientId) {
        this.patientId = patientId;
    }

    /** How many resources of another patient were dropped. */
    int otherPatients() {
        return otherPatients;
    }

    PatientDataCollector add(IBaseResource resource) {
        if (resource instanceof Bundle bundle) {
            bundle.getEntry().forEach(entry -> add(entry.getResource()));
        } else if (resource != null && patientId != null && PatientScope.ofAnotherPatient(resource, patientId)) {
            otherPatients++;
        } else if (resource != null) {
            String id = resource.getIdElement().getIdPart();
            String key = resource.fhirType() + "/" + (id != null ? id : "#" + System.identityHashCode(resource));
            byTypeAndId.putIfAbsent(key, resource);
        }
        return this;
    }

    PatientData build() {
        List<Patient> patients = ofType(Patient.class);
        return new PatientData(
                patients.isEmpty() ? null : patients.get(0),
                ofType(Condition.class),
                ofType(Observation.class),
                ofType(MedicationStatement.class),
                ofType(MedicationRequest.class),
                ofType(Procedure.class),
                ofType(MedicationAdministration.class),
                ofType(Medication.class));
    }

    private <T extends IBaseResource> List<T> ofType(Class<T> type) {
        List<T> found = new ArrayList<>();
        byTypeAndId.values().stream().filter(type::isInstance).map(type::cast).forEach(found::add);
        return List.copyOf(found);
    }
}
