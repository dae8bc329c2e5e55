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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One issuer's public keys, fetched from its allowlisted JWKS URL on first use and cached. An
 * unknown kid refetches once, but fetches (successful or not) happen at most once per
 * {@code minRefreshInterval}; keys older than {@code cacheTtl} are refetched on next use. A failed
 * fetch keeps the keys already known.
 */
final class IssuerKeys {

    private static final Logger log = LoggerFactory.getLogger(IssuerKeys.class);

    private final String issuer;
    private final URI jwksUrl;
    private final JwksLoader loader;
    private final Clock clock;
    private final Duration minRefreshInterval;
    private final Duration cacheTtl;

    private JWKSet keys = new JWKSet();
    private Instant fetchedAt;
    private Instant lastAttempt;

    IssuerKeys(String issuer, URI jwksUrl, JwksLoader loader, Clock clock, Duration minRefreshInterval,
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

    synchronized Optional<JWK> find(String keyId) {
        Instant now = clock.instant();
        boolean stale = fetchedAt == null || !now.isBefore(fetchedAt.plus(cacheTtl));
        if (stale && mayFetch(now)) {
            fetch(now);
        }
        JWK key = keys.getKeyByKeyId(keyId);
        if (key == null && mayFetch(now)) {
            fetch(now);
            key = keys.getKeyByKeyId(keyId);
        }
        return Optional.ofNullable(key);
    }

    private boolean mayFetch(Instant now) {
        return lastAttempt == null || !now.isBefore(lastAttempt.plus(minRefreshInterval));
    }

    private void fetch(Instant now) {
        lastAttempt = now;
        try {
            keys = loader.load(jwksUrl);
            fetchedAt = now;
            log.info("Loaded {} key(s) for issuer {} from {}", keys.size(), LogSafe.text(issuer), jwksUrl);
        } catch (IOException | ParseException e) {
            log.warn("Could not load the JWKS of issuer {} from {}: {}", LogSafe.text(issuer), jwksUrl,
                    e.getClass().getSimpleName());
        }
    }
}
