package org.trdcds.fhirdata;

/**
 * Prefetch first, the FHIR server for the rest: returns every resource the decision reads for the patient.
 * Thread-safe; one instance serves all calls.
 */
public interface PatientDataLoader {

    /**
     * @throws DataUnavailableException when data the decision needs can be had neither from prefetch nor from the
     *                                  FHIR server (no fhirServer, fetch failed, deadline passed): the edge answers 412
     */
    PatientData load(FetchPlan plan);

    /**
     * PROTOCOL-v3 section A: the data with the Medications that records and draft orders name by reference but that
     * the request does not hold, fetched from fhirServer in one batched search within the recognition budget (inside
     * the call's deadline). Never throws: whatever is not found in time stays unresolved. The default fetches nothing.
     *
     * @param callStartedNanos System.nanoTime() when the call started loading (its deadline counts from there)
     */
    default PatientData withReferencedMedications(
            FetchPlan plan, PatientData data, org.hl7.fhir.r4.model.Bundle draftOrders, long callStartedNanos) {
        return data;
    }
}
