package org.trdcds.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trdcds.edge.LogText;

/**
 * One issuer's public keys, fetched from its allowlisted JWKS URL and cached. An unknown kid refetches once, but
 * fetches (successful or not) happen at most once per {@code minRefreshInterval}; keys older than {@code cacheTtl}
 * are refetched on next use. A failed fetch keeps the keys already known.
 * <p>
 * No lock is held while fetching: one refetch at a time per issuer (the caller that starts it waits for it, bounded
 * by the loader's total timeout); meanwhile every other call is served from the cached keys, and only a call whose
 * kid is not cached waits for the refetch in flight (never starting another).
 */
final class IssuerKeys {

    private static final Logger log = LoggerFactory.getLogger(IssuerKeys.class);

    private record Cached(JWKSet keys, Instant fetchedAt) {}

    private final String issuer;
    private final URI jwksUrl;
    private final JwksLoader loader;
    private final Clock clock;
    private final Duration minRefreshInterval;
    private final Duration cacheTtl;
    private final AtomicReference<CompletableFuture<Void>> inFlight = new AtomicReference<>();

    private volatile Cached cached = new Cached(new JWKSet(), null);
    private volatile Instant lastAttempt;

    IssuerKeys(
            String issuer,
            URI jwksUrl,
            JwksLoader loader,
            Clock clock,
            Duration minRefreshInterval,
            Duration cacheTtl) {
        this.issuer = issuer;
        this.jwksUrl = jwksUrl;
        this.loader = loader;
        this.clock = clock;
        this.minRefreshInterval = minRefreshInterval;
        this.cacheTtl = cacheTtl;
    }

    URI jwksUrl() {
        return jwksUrl;
    }

    String issuer() {
        return issuer;
    }

    /** Whether keys have been loaded at least once (readiness: an issuer without keys cannot be verified). */
    boolean loaded() {
        return cached.fetchedAt() != null;
    }

    /** Loads the keys when none are loaded yet and the refresh interval allows (start-up, readiness checks). */
    void loadIfMissing() {
        if (!loaded()) {
            refetch(clock.instant());
        }
    }

    Optional<JWK> find(String keyId) {
        Instant now = clock.instant();
        Cached current = cached;
        JWK key = current.keys().getKeyByKeyId(keyId);
        CompletableFuture<Void> running = inFlight.get();
        if (running != null) {
            if (key != null) {
                return Optional.of(key); // a refetch is under way: the cached key meanwhile
            }
            await(running);
            return Optional.ofNullable(cached.keys().getKeyByKeyId(keyId));
        }
        boolean stale =
                current.fetchedAt() == null || !now.isBefore(current.fetchedAt().plus(cacheTtl));
        if (key != null && !stale) {
            return Optional.of(key);
        }
        if (!refetch(now) && key != null) {
            return Optional.of(key);
        }
        return Optional.ofNullable(cached.keys().getKeyByKeyId(keyId));
    }

    /**
     * Refetches unless the interval forbids it; joins a refetch another caller started instead of starting one.
     *
     * @return whether a refetch ran (this caller's or the one it joined)
     */
    private boolean refetch(Instant now) {
        if (!mayFetch(now)) {
            return false;
        }
        CompletableFuture<Void> mine = new CompletableFuture<>();
        if (!inFlight.compareAndSet(null, mine)) {
            CompletableFuture<Void> other = inFlight.get();
            if (other != null) {
                await(other);
            }
            return true;
        }
        try {
            if (mayFetch(now)) { // another refetch may have ended between the check and the claim
                fetch(now);
            }
        } finally {
            inFlight.set(null);
            mine.complete(null);
        }
        return true;
    }

    private void await(CompletableFuture<Void> running) {
        try {
            running.get(Math.max(1, minRefreshInterval.toMillis()) + 60_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the fetching caller logs its outcome; this one uses whatever keys there are
        }
    }

    private boolean mayFetch(Instant now) {
        Instant last = lastAttempt;
        return last == null || !now.isBefore(last.plus(minRefreshInterval));
    }

    private void fetch(Instant now) {
        lastAttempt = now;
        try {
            JWKSet keys = loader.load(jwksUrl);
            cached = new Cached(keys, now);
            log.info("Loaded {} key(s) for issuer {} from {}", keys.size(), LogText.of(issuer), jwksUrl);
        } catch (IOException | ParseException e) {
            log.warn(
                    "Could not load the JWKS of issuer {} from {}: {}",
                    LogText.of(issuer),
                    jwksUrl,
                    LogText.line(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage())));
        }
    }
}
