package org.trdcds.edge;

import java.util.List;

/** The JSON body of every error answer (the CDS Hooks 3.0 recommendation): one FHIR OperationOutcome issue. */
public record OperationOutcome(String resourceType, List<Issue> issue) {

    public record Issue(String severity, String code, String diagnostics) {}

    public static OperationOutcome error(String code, String diagnostics) {
        return new OperationOutcome("OperationOutcome", List.of(new Issue("error", code, diagnostics)));
    }
}
