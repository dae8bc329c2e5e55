package org.trdcds.fhirdata;

import java.io.IOException;

/**
 * A FHIR response went past one of its bounds (bytes after decompression, or Bundle entries in one page). Thrown from
 * the response stream while HAPI reads it, so the fetch fails (412) before the rest is read; its message names the
 * server (scheme, host and port only: never a path, query or token) and the bound, and is what the 412 log line says.
 */
final class ResponseBoundExceeded extends IOException {

    ResponseBoundExceeded(String message) {
        super(message, null);
    }
}
