package org.trdcds.fhirdata;

/** Data the decision needs could not be had from prefetch or the FHIR server: the edge answers 412. */
public class DataUnavailableException extends RuntimeException {
    public DataUnavailableException(String message) {
        super(message);
    }

    public DataUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
