package org.trdcds.fhirdata;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the service talks to a CDS client's FHIR server.
 *
 * @param deadline          one budget for all fetches of one hook call (every key, every page)
 * @param connectTimeout    TCP connect timeout, also the wait for a pooled connection
 * @param readTimeout       socket read timeout of one response
 * @param maxPages          most pages followed for one prefetch key before giving up
 * @param poolSize          fetch threads and pooled connections shared by all calls
 * @param maxResponseBytes  largest FHIR response, counted after decompression (the largest Synthea record, 11.3 MB
 *                          of JSON, tenfold, rounded up); a larger one is a failed fetch (412)
 * @param maxEntriesPerPage most Bundle entries in one response (the largest Synthea record, 5,175 resources, tenfold,
 *                          rounded up); counted while the response streams, before HAPI builds them
 * @param poolSizePerServer most fetches running at once for one FHIR server (scheme, host, port); the others wait
 *                          for its share without holding a thread, so a slow server cannot take another's threads
 */
@ConfigurationProperties("cds.fhir")
public record FhirClientSettings(
        @DefaultValue("5s") Duration deadline,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("4s") Duration readTimeout,
        @DefaultValue("50") int maxPages,
        @DefaultValue("8") int poolSize,
        @DefaultValue("128MB") DataSize maxResponseBytes,
        @DefaultValue("60000") int maxEntriesPerPage,
        @DefaultValue("4") int poolSizePerServer) {

    public static final DataSize DEFAULT_MAX_RESPONSE_BYTES = DataSize.ofMegabytes(128);
    public static final int DEFAULT_MAX_ENTRIES_PER_PAGE = 60_000;
    public static final int DEFAULT_POOL_SIZE_PER_SERVER = 4;

    @ConstructorBinding
    public FhirClientSettings {
        if (maxResponseBytes == null) {
            maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        }
        if (poolSizePerServer < 1) {
            throw new IllegalArgumentException("cds.fhir.pool-size-per-server must be at least 1");
        }
        if (maxResponseBytes.toBytes() <= 0 || maxEntriesPerPage <= 0) {
            throw new IllegalArgumentException(
                    "cds.fhir.max-response-bytes and cds.fhir.max-entries-per-page must be positive");
        }
    }

    /** The first five settings; the response bounds and the share per server at their defaults. */
    public FhirClientSettings(
            Duration deadline, Duration connectTimeout, Duration readTimeout, int maxPages, int poolSize) {
        this(
                deadline,
                connectTimeout,
                readTimeout,
                maxPages,
                poolSize,
                DEFAULT_MAX_RESPONSE_BYTES,
                DEFAULT_MAX_ENTRIES_PER_PAGE,
                DEFAULT_POOL_SIZE_PER_SERVER);
    }
}
