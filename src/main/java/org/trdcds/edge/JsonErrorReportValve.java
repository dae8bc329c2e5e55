package org.trdcds.edge;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's error report for requests no servlet answered (a request header over server.max-http-request-header-size,
 * a malformed request line, ...): a JSON OperationOutcome instead of Tomcat's HTML page, naming only the status.
 */
public final class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String code = switch (status) {
            case 404 -> "not-found";
            case 405, 406, 415 -> "not-supported";
            case 413, 431 -> "too-long";
            default -> status < 500 ? "invalid" : "exception";
        };
        String diagnostics = status == 400
                ? "the request cannot be read (malformed, or a header over the size limit)"
                : "the request was refused with HTTP " + status;
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\""
                        + code + "\",\"diagnostics\":\"" + diagnostics + "\"}]}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is unusable: nothing more to say
        }
    }
}
