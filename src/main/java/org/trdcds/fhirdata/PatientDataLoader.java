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
}
