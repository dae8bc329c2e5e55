package org.trdcds.edge;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Where {@link CdsRequestFilter} hands a hook call once its body is bounded and read: implemented by
 * {@code hooks.HookCalls}, so that the edge knows HTTP and nothing of what a hook means.
 */
public interface HookEndpoint {

    /** The service id of a hook call answered here, or null for a request Spring MVC should see. */
    String serviceId(HttpServletRequest request);

    /** Answers the call with its cards or an OperationOutcome. */
    void answer(String serviceId, byte[] body, HttpServletRequest request, HttpServletResponse response)
            throws IOException;
}
