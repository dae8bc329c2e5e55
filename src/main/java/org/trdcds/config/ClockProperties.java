package org.trdcds.config;

import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cds.clock.*}: the decision's "now".
 *
 * @param fixedInstant an ISO instant that fixes the decision's "now" (demos, dated examples); unset: the system clock.
 *     Never for clinical use
 */
@ConfigurationProperties("cds.clock")
public record ClockProperties(Instant fixedInstant) {}
