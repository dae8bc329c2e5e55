package org.trdcds.replay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The replay and lifetime part of {@code cds.security.*} (the rest is {@code SecurityProperties}).
 *
 * @param maxTokenLifetime a token whose exp is further away than this (plus the clock skew), or whose exp is this
 *     much after its iat (plus the skew), is refused: a token is never accepted for long
 * @param replayStore {@code memory} (one process; default) or {@code database} (the service's database, shared by
 *     every replica)
 * @param replayPurgeInterval how often the database store deletes expired rows
 */
@ConfigurationProperties("cds.security")
public record ReplayProperties(
        @DefaultValue("5m") Duration maxTokenLifetime,
        @DefaultValue("memory") Store replayStore,
        @DefaultValue("1m") Duration replayPurgeInterval) {

    public ReplayProperties {
        if (maxTokenLifetime.isNegative() || maxTokenLifetime.isZero()) {
            throw new IllegalArgumentException("cds.security.max-token-lifetime must be positive");
        }
        if (replayPurgeInterval.isNegative() || replayPurgeInterval.isZero()) {
            throw new IllegalArgumentException("cds.security.replay-purge-interval must be positive");
        }
    }

    public enum Store {
        MEMORY,
        DATABASE
    }
}
