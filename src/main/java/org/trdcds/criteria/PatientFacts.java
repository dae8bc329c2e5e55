package org.trdcds.criteria;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Everything the decision reads about one patient, as typed facts. Built by the fhirdata layer; no FHIR types here.
 *
 * @param patientId   the bare patient id (never shown on a card)
 * @param birthDate   may be null
 * @param unavailable FHIR resource types the service could not obtain (fetch failed); the decision treats them as unknown
 * @param gender      Patient.gender (administrative), null when absent
 */
public record PatientFacts(
        String patientId,
        LocalDate birthDate,
        List<ConditionFact> conditions,
        List<MedicationFact> medications,
        List<ObservationFact> observations,
        List<ProcedureFact> procedures,
        List<DraftOrder> draftOrders,
        Set<String> unavailable,
        String gender) {

    public PatientFacts(
            String patientId,
            LocalDate birthDate,
            List<ConditionFact> conditions,
            List<MedicationFact> medications,
            List<ObservationFact> observations,
            List<ProcedureFact> procedures,
            List<DraftOrder> draftOrders,
            Set<String> unavailable) {
        this(patientId, birthDate, conditions, medications, observations, procedures, draftOrders, unavailable, null);
    }
}
