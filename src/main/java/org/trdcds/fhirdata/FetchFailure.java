package org.trdcds.fhirdata;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.apache.http.conn.ConnectTimeoutException;

/**
 * Why one prefetch key could not be fetched, in words safe to log: the reason never carries the URL, the token or
 * anything the server said, and the original exception (whose message holds the URL) is not kept.
 */
final class FetchFailure extends RuntimeException {

    FetchFailure(String keys, String reason) {
        super(keys + ": " + reason, null, false, false);
    }

    static FetchFailure of(String keys, RuntimeException error) {
        return error instanceof FetchFailure known ? known : new FetchFailure(keys, reason(error));
    }

    private static String reason(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ResponseBoundExceeded bound) {
                return bound.getMessage();
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof DataFormatException) {
                return "malformed FHIR response";
            }
            if (t instanceof ConnectTimeoutException) {
                return "connect timed out";
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof SocketTimeoutException) {
                return "read timed out";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host";
            }
        }
        if (error instanceof FhirClientConnectionException) {
            return "connection failed";
        }
        if (error instanceof BaseServerResponseException http) {
            return "FHIR server answered HTTP " + http.getStatusCode();
        }
        return "fetch failed (" + error.getClass().getSimpleName() + ")";
    }
}
