package org.trdcds.hooks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.trdcds.edge.LogText;
import org.trdcds.edge.OperationOutcome;
import org.trdcds.edge.Refusals;
import org.trdcds.fhirdata.DataUnavailableException;

/** Every error leaves as a JSON OperationOutcome; unexpected failures as a 500 that reveals no internals. */
@RestControllerAdvice
public class ErrorHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandler.class);
    static final String DATA_UNAVAILABLE = "the FHIR data the decision needs could not be obtained";

    private final Refusals refusals;

    public ErrorHandler(Refusals refusals) {
        this.refusals = refusals;
    }

    @ExceptionHandler(CdsException.class)
    ResponseEntity<Object> refused(CdsException e) {
        refusals.refused(
                log,
                Refusals.Reason.of(e.status().value()),
                "refused with {}: {}",
                e.status().value(),
                LogText.line(e.getMessage()));
        return outcome(e.status(), e.issueCode(), e.getMessage(), new HttpHeaders());
    }

    /**
     * A 412 that says only that the data could not be obtained: what went wrong with which FHIR server (refused,
     * timed out, which status) goes to the log, never to the caller, so that the service cannot be used to probe
     * hosts and ports.
     */
    @ExceptionHandler(DataUnavailableException.class)
    ResponseEntity<Object> dataUnavailable(DataUnavailableException e) {
        refusals.refused(log, Refusals.Reason.DATA_UNAVAILABLE, "412: {}", LogText.line(e.getMessage()));
        return outcome(HttpStatus.PRECONDITION_FAILED, "incomplete", DATA_UNAVAILABLE, new HttpHeaders());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return outcome(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "exception",
                "internal error; the service logged it and keeps serving",
                new HttpHeaders());
    }

    /** Spring MVC's own refusals (405, 415, 404 of unmapped paths, unreadable body, ...). */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail =
                e instanceof ErrorResponse response && response.getBody().getDetail() != null
                        ? response.getBody().getDetail()
                        : HttpStatus.valueOf(status.value()).getReasonPhrase();
        if (status.is4xxClientError()) {
            refusals.refused(
                    log,
                    Refusals.Reason.of(status.value()),
                    "refused with {}: {}",
                    status.value(),
                    LogText.line(detail));
        }
        return outcome(status, issueCode(status), detail, headers);
    }

    static ResponseEntity<Object> outcome(HttpStatusCode status, String code, String diagnostics, HttpHeaders headers) {
        HttpHeaders responseHeaders = new HttpHeaders();
        responseHeaders.putAll(headers);
        responseHeaders.setContentType(MediaType.APPLICATION_JSON);
        return new ResponseEntity<>(OperationOutcome.error(code, diagnostics), responseHeaders, status);
    }

    private static String issueCode(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> "not-found";
            case 405, 406, 415 -> "not-supported";
            case 413 -> "too-long";
            default -> status.is4xxClientError() ? "invalid" : "exception";
        };
    }
}
