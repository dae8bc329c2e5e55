package org.trdcds.hooks;

import org.springframework.http.HttpStatus;
import org.trdcds.edge.LogText;

/** A request the edge refuses, with the status, the OperationOutcome issue code and what exactly is wrong. */
public class CdsException extends RuntimeException {

    private final HttpStatus status;
    private final String issueCode;

    CdsException(HttpStatus status, String issueCode, String diagnostics) {
        super(diagnostics);
        this.status = status;
        this.issueCode = issueCode;
    }

    static CdsException invalid(String diagnostics) {
        return new CdsException(HttpStatus.BAD_REQUEST, "invalid", diagnostics);
    }

    static CdsException required(String diagnostics) {
        return new CdsException(HttpStatus.BAD_REQUEST, "required", diagnostics);
    }

    static CdsException tooLarge(String diagnostics) {
        return new CdsException(HttpStatus.PAYLOAD_TOO_LARGE, "too-long", diagnostics);
    }

    static CdsException unknownService(String id) {
        return new CdsException(HttpStatus.NOT_FOUND, "not-found", "no CDS service with id '" + LogText.of(id) + "'");
    }

    public HttpStatus status() {
        return status;
    }

    public String issueCode() {
        return issueCode;
    }
}
