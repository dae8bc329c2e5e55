package org.trdcds.edge;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.function.Consumer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * One path per request: every decision (the body limit and deadline of CdsRequestFilter, the JWT filter's protected
 * areas, CORS, the hook-call fast path, Spring MVC's routing) is taken on the decoded, normalised path Tomcat routes
 * (so {@code /%63ds-services/x} is {@code /cds-services/x} for all of them), and a path that decoding alone does not
 * turn into the routed one (dot segments, {@code //}, matrix parameters such as {@code ;a=b}), or that spells
 * {@code /cds-services} in another case, is refused with 400 before any filter, limit or servlet sees it. The body of
 * a refused request is never read (UnreadBodyValve closes).
 */
final class CanonicalPathValve extends ValveBase {

    static final String DIAGNOSTICS = "the request path must be sent in its canonical form: no dot segments, empty"
            + " segments or ;parameters, /cds-services in lower case";

    private final Consumer<String> refused;

    /** @param refused told the path of each refusal (already safe to log), to count and log it */
    CanonicalPathValve(Consumer<String> refused) {
        super(true);
        this.refused = refused;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String raw = request.getRequestURI();
        String routed = request.getDecodedRequestURI();
        if (raw != null
                && routed != null
                && canonical(raw, routed)
                && !otherCaseOfServices(routed, request.getContextPath())) {
            getNext().invoke(request, response);
            return;
        }
        refused.accept(raw == null ? "" : raw);
        response.setStatus(400);
        response.setHeader("Connection", "close");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                        + "\"code\":\"invalid\",\"diagnostics\":\"" + DIAGNOSTICS + "\"}]}");
        response.finishResponse();
    }

    /**
     * Whether the path as sent is the path as routed once percent-decoded: no dot segments, {@code //} or
     * ;parameters, which Tomcat removes or resolves before routing. A percent-encoded character ({@code %63} for
     * {@code c}) is allowed: every decision is taken on the decoded path, which is the routed one.
     */
    static boolean canonical(String raw, String routed) {
        if (raw.equals(routed)) {
            return true;
        }
        java.io.ByteArrayOutputStream decoded = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return false;
                }
                int value;
                try {
                    value = java.util.HexFormat.fromHexDigits(raw, i + 1, i + 3);
                } catch (IllegalArgumentException e) {
                    return false;
                }
                decoded.write(value);
                i += 2;
            } else if (c > 127) {
                return false;
            } else {
                decoded.write(c);
            }
        }
        return decoded.toString(java.nio.charset.StandardCharsets.UTF_8).equals(routed);
    }

    private static boolean otherCaseOfServices(String path, String contextPath) {
        String servicePath = (contextPath == null ? "" : contextPath) + "/cds-services";
        return path.length() >= servicePath.length()
                && path.regionMatches(true, 0, servicePath, 0, servicePath.length())
                && !path.startsWith(servicePath);
    }
}
