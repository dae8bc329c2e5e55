package org.trdcds.hooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** One entry of the service catalog (cds-services.json), served as-is by discovery. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CdsService(String hook, String id, String title, String description, String usageRequirements,
                         Map<String, String> prefetch) {
}
