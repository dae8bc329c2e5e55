package org.trdcds.edge;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * A request answered before its body was read to the end (a 401 of the authentication filter, a 413, a 404 of a
 * path nobody serves, ...) closes its connection instead of reading the rest: Tomcat would otherwise keep a thread
 * "swallowing" the body for keep-alive, which a client sending one byte every few seconds turns into a thread held
 * for minutes. The answer is written in full with {@code Connection: close}; the unread body is never read.
 */
final class UnreadBodyValve extends ValveBase {

    UnreadBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (request.isAsync() || bodyFullyRead(request)) {
            return;
        }
        if (!response.isCommitted()) {
            response.setHeader("Connection", "close");
        }
        // Tomcat's own switch for aborted uploads: no draining, the connection closes once the answer is written
        request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
    }

    private static boolean bodyFullyRead(Request request) {
        AtomicBoolean fullyRead = new AtomicBoolean(true);
        request.getCoyoteRequest().action(ActionCode.REQUEST_BODY_FULLY_READ, fullyRead);
        return fullyRead.get();
    }
}
