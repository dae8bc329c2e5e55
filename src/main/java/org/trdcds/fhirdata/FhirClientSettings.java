package org.trdcds.fhirdata;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service talks to a CDS client's FHIR server.
 *
 * @param deadline       one budget for all fetches of one hook call (every key, every page)
 * @param connectTimeout TCP connect timeout, also the wait for a pooled connection
 * @param readTimeout    socket read timeout of one response
 * @param maxPages       most pages followed for one prefetch key before giving up
 * @param poolSize       fetch threads and pooled connections shared by all calls
 */
@ConfigurationProperties("cds.fhir")
public record FhirClientSettings(@DefaultValue("5s") Duration deadline,
                                 @DefaultValue("2s") Duration connectTimeout,
                                 @DefaultValue("4s") Duration readTimeout,
                                 @DefaultValue("50") int maxPages,
                                 @DefaultValue("8") int poolSize) {
}
