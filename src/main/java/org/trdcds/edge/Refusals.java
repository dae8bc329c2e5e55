package org.trdcds.edge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Every 4xx refusal of the service, counted in {@code cds.refusals{reason}} (each reason registered at 0 at
 * start-up) and logged at INFO at most {@link #LINES_PER_WINDOW} lines per {@link #WINDOW_NANOS}: a replay or
 * scanning run of thousands of bad calls costs a counter, not thousands of log lines. The first line after a quiet
 * spell says how many were left out. Callers pass messages already safe to log (no credentials, neutralised caller
 * text). One bean, declared by SecurityConfiguration.
 */
@Component
public class Refusals {

    static final int LINES_PER_WINDOW = 20;
    static final long WINDOW_NANOS = 10_000_000_000L;

    /** Why a call was refused: the metric's tag, a bounded set. */
    public enum Reason {
        AUTHENTICATION("authentication", "401: no, wrong or replayed credential"),
        INVALID("invalid", "400: a request the CDS Hooks contract does not allow"),
        TOO_LARGE("too-large", "413: over a cds.limits.* bound"),
        TIMEOUT("timeout", "408: the body did not arrive within cds.limits.body-read-timeout"),
        NOT_FOUND("not-found", "404: no such service or path"),
        NOT_SUPPORTED("not-supported", "405, 406, 415: method or media type"),
        DATA_UNAVAILABLE("data-unavailable", "412: the FHIR data could not be obtained"),
        OTHER("other", "any other 4xx");

        private final String tag;
        private final String description;

        Reason(String tag, String description) {
            this.tag = tag;
            this.description = description;
        }

        public String tag() {
            return tag;
        }

        /** The reason of an HTTP 4xx status. */
        public static Reason of(int status) {
            return switch (status) {
                case 400 -> INVALID;
                case 401, 403 -> AUTHENTICATION;
                case 404 -> NOT_FOUND;
                case 405, 406, 415 -> NOT_SUPPORTED;
                case 408 -> TIMEOUT;
                case 412 -> DATA_UNAVAILABLE;
                case 413, 431 -> TOO_LARGE;
                default -> OTHER;
            };
        }
    }

    private final Map<Reason, Counter> counters = new EnumMap<>(Reason.class);
    private long windowStart = System.nanoTime();
    private int linesInWindow;
    private final AtomicLong suppressed = new AtomicLong();

    /** The refusal counter of the whole service, in its meter registry (one of its own when there is none). */
    @Autowired
    public Refusals(ObjectProvider<MeterRegistry> meters) {
        this(meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    public Refusals(MeterRegistry meters) {
        for (Reason reason : Reason.values()) {
            counters.put(
                    reason,
                    Counter.builder("cds.refusals")
                            .tag("reason", reason.tag)
                            .description("Calls refused with a 4xx, by reason (" + describeAll() + ")")
                            .register(meters));
        }
    }

    private static String describeAll() {
        StringBuilder all = new StringBuilder();
        for (Reason reason : Reason.values()) {
            all.append(all.isEmpty() ? "" : "; ")
                    .append(reason.tag)
                    .append(" = ")
                    .append(reason.description);
        }
        return all.toString();
    }

    /**
     * Counts the refusal and logs {@code format} with {@code args} (SLF4J style) at INFO on {@code log} unless the
     * window is full.
     */
    public void refused(Logger log, Reason reason, String format, Object... args) {
        counters.get(reason).increment();
        long left = mayLog();
        if (left < 0) {
            return;
        }
        if (left > 0) {
            log.info("({} refusals not logged in the last {} s)", left, WINDOW_NANOS / 1_000_000_000L);
        }
        log.info(format, args);
    }

    /** -1 when the line must not be logged; else how many were left out before it. */
    private synchronized long mayLog() {
        long now = System.nanoTime();
        if (now - windowStart >= WINDOW_NANOS) {
            windowStart = now;
            linesInWindow = 0;
        }
        if (linesInWindow >= LINES_PER_WINDOW) {
            suppressed.incrementAndGet();
            return -1;
        }
        linesInWindow++;
        return suppressed.getAndSet(0);
    }
}
