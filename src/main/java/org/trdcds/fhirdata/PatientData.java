package org.trdcds.fhirdata;

import java.util.List;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;

/** The patient's resources, complete (prefetch + fetched, all pages), de-duplicated by id. */
public record PatientData(
        Patient patient,
        List<Condition> conditions,
        List<Observation> observations,
        List<MedicationStatement> medicationStatements,
        List<MedicationRequest> medicationRequests,
        List<Procedure> procedures,
        List<MedicationAdministration> medicationAdministrations,
        List<Medication> medications) {

    public PatientData(
            Patient patient,
            List<Condition> conditions,
            List<Observation> observations,
            List<MedicationStatement> medicationStatements,
            List<MedicationRequest> medicationRequests,
            List<Procedure> procedures) {
        this(
                patient,
                conditions,
                observations,
                medicationStatements,
                medicationRequests,
                procedures,
                List.of(),
                List.of());
    }
}
