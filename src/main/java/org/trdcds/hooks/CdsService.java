package org.trdcds.hooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One entry of the service catalog (cds-services.json), served as-is by discovery.
 *
 * @param extension CDS Hooks extension object; {@value #SUPPLEMENTARY} lists prefetch keys an older client may not
 *                  send: when such a key is absent and there is no fhirServer, it counts as empty instead of 412
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CdsService(
        String hook,
        String id,
        String title,
        String description,
        String usageRequirements,
        Map<String, String> prefetch,
        Map<String, Object> extension) {

    static final String SUPPLEMENTARY = "org.trdcds.supplementary-prefetch";

    /** The prefetch keys declared supplementary (read once, by the catalog at start-up). */
    Set<String> supplementaryPrefetch() {
        return extension != null && extension.get(SUPPLEMENTARY) instanceof List<?> keys
                ? keys.stream().map(String::valueOf).collect(java.util.stream.Collectors.toUnmodifiableSet())
                : Set.of();
    }
}
