package org.trdcds.criteria;

/** A coded value as it came from FHIR: system URI, code, optional display. */
public record Code(String system, String code, String display) {
    public Code(String system, String code) {
        this(system, code, null);
    }
}
