package org.trdcds.replay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process-local replay store, one {@link MemoryReplayStore} per issuer, each holding at most
 * {@code cds.security.jti-cache-size-per-issuer} live jtis: an issuer (or whoever holds one of its keys) filling its
 * own table gets 503 for its new jtis while every other issuer's calls go on. Only trusted issuers reach the store
 * (after their signature is verified), so the tables are as many as the configured issuers. Metrics, tagged by
 * issuer: {@code cds.replay.jtis} (live jtis) and {@code cds.replay.full} (new jtis refused for want of room).
 */
public final class PerIssuerReplayStore implements ReplayStore {

    private final int capacityPerIssuer;
    private final Duration clockSkew;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, Issuer> issuers = new ConcurrentHashMap<>();

    private record Issuer(MemoryReplayStore store, Counter full) {}

    /** @param meters where the per-issuer gauges and counters go, or null */
    public PerIssuerReplayStore(int capacityPerIssuer, Duration clockSkew, Clock clock, MeterRegistry meters) {
        if (capacityPerIssuer < 1) {
            throw new IllegalArgumentException("cds.security.jti-cache-size-per-issuer must be at least 1");
        }
        this.capacityPerIssuer = capacityPerIssuer;
        this.clockSkew = clockSkew;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public boolean firstUse(String issuer, String jti, Instant expiresAt) {
        Issuer tables = issuers.computeIfAbsent(issuer == null ? "" : issuer, this::newIssuer);
        try {
            return tables.store().firstUse(issuer, jti, expiresAt);
        } catch (Unavailable e) {
            if (tables.full() != null) {
                tables.full().increment();
            }
            throw new Unavailable(
                    "replay store of this issuer full: " + capacityPerIssuer
                            + " live jtis (cds.security.jti-cache-size-per-issuer)",
                    null);
        }
    }

    /** Live jtis of this issuer (0 for an issuer never seen). */
    public int size(String issuer) {
        Issuer tables = issuers.get(issuer);
        return tables == null ? 0 : tables.store().size();
    }

    private Issuer newIssuer(String issuer) {
        MemoryReplayStore store = new MemoryReplayStore(capacityPerIssuer, clockSkew, clock);
        Counter full = null;
        if (meters != null) {
            Gauge.builder("cds.replay.jtis", store, MemoryReplayStore::size)
                    .tag("issuer", issuer)
                    .description(
                            "Live jtis remembered for this issuer (at most cds.security.jti-cache-size-per-issuer)")
                    .register(meters);
            full = Counter.builder("cds.replay.full")
                    .tag("issuer", issuer)
                    .description("New jtis of this issuer refused (503): its replay table was full")
                    .register(meters);
        }
        return new Issuer(store, full);
    }
}
