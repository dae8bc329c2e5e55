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
 */
@ConfigurationProperties("cds.fhir")
public record FhirClientSettings(@DefaultValue("5s") Duration deadline,
                                 @DefaultValue("2s") Duration connectTimeout,
                                 @DefaultValue("4s") Duration readTimeout,
                                 @DefaultValue("50") int maxPages,
                                 @DefaultValue("8") int poolSize,
                                 @DefaultValue("128MB") DataSize maxResponseBytes,
                                 @DefaultValue("60000") int maxEntriesPerPage) {

    public static final DataSize DEFAULT_MAX_RESPONSE_BYTES = DataSize.ofMegabytes(128);
    public static final int DEFAULT_MAX_ENTRIES_PER_PAGE = 60_000;

    @ConstructorBinding
    public FhirClientSettings {
        if (maxResponseBytes == null) {
            maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        }
        if (maxResponseBytes.toBytes() <= 0 || maxEntriesPerPage <= 0) {
            throw new IllegalArgumentException(
                    "cds.fhir.max-response-bytes and cds.fhir.max-entries-per-page must be positive");
        }
    }

    /** The first five settings; the response bounds at their defaults. */
    public FhirClientSettings(Duration deadline, Duration connectTimeout, Duration readTimeout, int maxPages,
                              int poolSize) {
        this(deadline, connectTimeout, readTimeout, maxPages, poolSize, DEFAULT_MAX_RESPONSE_BYTES,
                DEFAULT_MAX_ENTRIES_PER_PAGE);
    }
}
