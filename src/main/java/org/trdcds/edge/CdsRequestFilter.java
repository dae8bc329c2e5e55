package org.trdcds.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds the body of every /cds-services call before anything parses it (declared Content-Length and chunked bodies
 * alike: 413 past cds.limits.max-body-bytes), hands hook calls to the {@link HookEndpoint} (hooks.HookCalls: the one entry of a hook call) and clears the call's log
 * context (hookInstance) when it ends.
 */
@Component
public class CdsRequestFilter extends OncePerRequestFilter {

    public static final String MDC_HOOK_INSTANCE = "hookInstance";
    private static final Logger log = LoggerFactory.getLogger(CdsRequestFilter.class);

    private final long maxBodyBytes;
    private final long bodyReadNanos;
    private final ObjectMapper objectMapper;
    private final HookEndpoint hookCalls;
    private final Refusals refusals;

    public CdsRequestFilter(CdsLimits limits, ObjectMapper objectMapper, HookEndpoint hookCalls, Refusals refusals) {
        this.refusals = refusals;
        this.maxBodyBytes = limits.maxBodyBytes().toBytes();
        this.bodyReadNanos = limits.bodyReadTimeout().toNanos();
        this.objectMapper = objectMapper;
        this.hookCalls = hookCalls;
    }

    /**
     * The path as routed ({@link CanonicalPathValve} has refused every request whose raw path differs from it, so
     * the raw URI, this and Spring MVC's routing agree).
     */
    public static String routedPath(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = routedPath(request);
        if (!(path.equals("/cds-services") || path.startsWith("/cds-services/"))) {
            // no other endpoint reads a body; should one ever, its reads are bounded in size and time all the same
            chain.doFilter(new BoundedBodyRequest(request, maxBodyBytes, System.nanoTime() + bodyReadNanos), response);
            return;
        }
        try {
            if (request.getContentLengthLong() > maxBodyBytes) {
                refuse(response);
                return;
            }
            byte[] body;
            try {
                body = readAtMost(
                        request.getInputStream(),
                        request.getContentLengthLong(),
                        maxBodyBytes,
                        System.nanoTime() + bodyReadNanos);
            } catch (BodyTooSlow e) {
                refuseSlowBody(response);
                return;
            }
            if (body == null) {
                refuse(response);
                return;
            }
            String hookCall = hookCalls.serviceId(request);
            if (hookCall != null) {
                hookCalls.answer(hookCall, body, request, response); // the hot path: no Spring MVC dispatch
                return;
            }
            chain.doFilter(new BufferedRequest(request, body), response);
        } finally {
            MDC.remove(MDC_HOOK_INSTANCE);
        }
    }

    /**
     * The body, or null when it is longer than max. A body of declared length is read into one array of that size
     * (no growing buffer, no copy); a chunked one in 8 KiB steps. Each read waits at most Tomcat's upload timeout
     * (cds.limits.body-read-timeout); the whole body must have arrived by {@code deadline} (System.nanoTime()).
     *
     * @throws BodyTooSlow when the deadline passes first
     */
    static byte[] readAtMost(InputStream in, long declaredLength, long max, long deadline) throws IOException {
        if (declaredLength > max) {
            return null;
        }
        if (declaredLength >= 0) {
            byte[] body = new byte[(int) declaredLength];
            for (int offset = 0, n; offset < body.length; offset += n) {
                n = in.read(body, offset, body.length - offset);
                if (n < 0) {
                    return java.util.Arrays.copyOf(body, offset); // the container ended the body early
                }
                checkDeadline(deadline);
            }
            return in.read() < 0 ? body : null; // the container ends the body at its length; more would be too long
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            if (out.size() + n > max) {
                return null;
            }
            out.write(buffer, 0, n);
            checkDeadline(deadline);
        }
        return out.toByteArray();
    }

    private static void checkDeadline(long deadline) {
        if (System.nanoTime() - deadline > 0) {
            throw new BodyTooSlow();
        }
    }

    /** The body did not arrive within cds.limits.body-read-timeout. */
    static final class BodyTooSlow extends RuntimeException {
        BodyTooSlow() {
            super("request body too slow", null, false, false);
        }
    }

    private void refuseSlowBody(HttpServletResponse response) throws IOException {
        refusals.refused(
                log,
                Refusals.Reason.TIMEOUT,
                "refused with 408: the body did not arrive within {} ms",
                bodyReadNanos / 1_000_000);
        response.setStatus(HttpStatus.REQUEST_TIMEOUT.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader("Connection", "close");
        objectMapper.writeValue(
                response.getOutputStream(),
                OperationOutcome.error(
                        "timeout", "the request body did not arrive within cds.limits.body-read-timeout"));
    }

    private void refuse(HttpServletResponse response) throws IOException {
        refusals.refused(log, Refusals.Reason.TOO_LARGE, "refused with 413: body over {} bytes", maxBodyBytes);
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader("Connection", "close");
        objectMapper.writeValue(
                response.getOutputStream(),
                OperationOutcome.error(
                        "too-long", "request body exceeds " + maxBodyBytes + " bytes (cds.limits.max-body-bytes)"));
    }

    private static final class BufferedRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }
    }
}
