package org.trdcds.edge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what one request may carry, checked before (body size) and while (JSON) parsing.
 *
 * @param maxBodyBytes    request body size; larger bodies get 413 before any parsing (also chunked bodies)
 * @param maxNestingDepth JSON nesting depth of the request
 * @param maxStringLength length of any one JSON string of the request
 * @param maxResources    FHIR resources in the prefetch and context.draftOrders together
 * @param bodyReadTimeout a request body must arrive within this (408 beyond); also Tomcat's per-read upload timeout
 * @param cpuConcurrency  hook calls doing CPU-bound work at once; 0 means one per core
 */
@ConfigurationProperties("cds.limits")
public record CdsLimits(
        @DefaultValue("10MB") DataSize maxBodyBytes,
        @DefaultValue("100") int maxNestingDepth,
        @DefaultValue("1000000") int maxStringLength,
        @DefaultValue("20000") int maxResources,
        @DefaultValue("10s") Duration bodyReadTimeout,
        @DefaultValue("0") int cpuConcurrency) {}
