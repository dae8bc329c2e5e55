package org.trdcds.config;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.function.Consumer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * One spelling per path: a request whose path as sent differs from the path Tomcat routes (percent-encoded
 * characters such as {@code /%63ds-services}, dot segments, {@code //}, matrix parameters such as {@code ;a=b}), or
 * that spells {@code /cds-services} in another case, is refused with 400 before any filter, limit or servlet sees
 * it. Every later decision (the body limit and deadline of CdsRequestFilter, the JWT filter's protected areas, CORS,
 * the hook-call fast path, Spring MVC's routing) then reads the same path, whichever of the raw URI, the servlet
 * path or the decoded URI it looks at. The body of a refused request is never read (UnreadBodyValve closes).
 */
final class CanonicalPathValve extends ValveBase {

    static final String DIAGNOSTICS = "the request path must be sent in its canonical form: no percent-encoding, dot"
            + " segments, empty segments or ;parameters";

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
        if (raw != null && raw.equals(routed) && !otherCaseOfServices(routed, request.getContextPath())) {
            getNext().invoke(request, response);
            return;
        }
        refused.accept(raw == null ? "" : raw);
        response.setStatus(400);
        response.setHeader("Connection", "close");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                + "\"code\":\"invalid\",\"diagnostics\":\"" + DIAGNOSTICS + "\"}]}");
        response.finishResponse();
    }

    private static boolean otherCaseOfServices(String path, String contextPath) {
        String servicePath = (contextPath == null ? "" : contextPath) + "/cds-services";
        return path.length() >= servicePath.length()
                && path.regionMatches(true, 0, servicePath, 0, servicePath.length())
                && !path.startsWith(servicePath);
    }
}
