package org.trdcds.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Remembers each (issuer, jti) until the token's exp + skew, so a token is accepted once. */
final class ReplayGuard {

    private final Cache<String, Instant> seen;

    ReplayGuard(int maximumSize, Duration clockSkew, Clock clock) {
        this.seen = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.<String, Instant>creating((key, expiresAt) -> {
                    Duration remaining = Duration.between(clock.instant(), expiresAt.plus(clockSkew));
                    return remaining.isNegative() ? Duration.ZERO : remaining;
                }))
                .build();
    }

    /** True the first time this jti is presented by this issuer while the token can still be valid. */
    boolean firstUse(String issuer, String jti, Instant expiresAt) {
        return seen.asMap().putIfAbsent(issuer + '\n' + jti, expiresAt) == null;
    }
}
