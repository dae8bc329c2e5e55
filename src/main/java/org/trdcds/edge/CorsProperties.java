package org.trdcds.edge;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cds.cors.*}: browser EHRs allowed to call /cds-services.
 *
 * @param allowedOrigins origins allowed to call /cds-services/** from a browser (comma-separated); none by default: a
 *     page of any site could otherwise drive a loopback-only service from a clinician's browser
 */
@ConfigurationProperties("cds.cors")
public record CorsProperties(List<String> allowedOrigins) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null
                ? List.of()
                : allowedOrigins.stream()
                        .map(String::strip)
                        .filter(origin -> !origin.isEmpty())
                        .toList();
    }
}
