package org.trdcds.hooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cds.warm-up.*}: the rehearsal of every hook before the service reports ready ({@link StartupWarmUp}).
 *
 * @param rounds in-process rehearsals of every hook, within the first half of the budget (0 turns the warm-up off)
 * @param budget time the warm-up may take: in-process rounds, then the same calls over HTTP (answered, not recorded)
 */
@ConfigurationProperties("cds.warm-up")
public record WarmUpProperties(
        @DefaultValue("300") int rounds,
        @DefaultValue("1500ms") Duration budget) {}
