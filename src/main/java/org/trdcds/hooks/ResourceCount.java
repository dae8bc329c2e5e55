package org.trdcds.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** How many FHIR resources a request's prefetch value or draft orders hold, for {@code cds.limits.max-resources}. */
final class ResourceCount {

    private ResourceCount() {}

    /**
     * The FHIR resources a value holds where HAPI builds resources: the value itself, its {@code contained}, a
     * Bundle's {@code entry.resource} and {@code entry.response.outcome}, a Parameters' {@code parameter.resource}
     * (parts included), each counted with what it holds in turn. Only those nodes are visited, not the whole tree
     * (an object with a resourceType anywhere else is an unknown element HAPI skips, bounded by the body's size).
     */
    static int of(JsonNode node) {
        if (node == null || !node.isObject() || !node.path("resourceType").isTextual()) {
            return 0;
        }
        int count = 1;
        for (JsonNode contained : repeated(node.path("contained"))) {
            count += of(contained);
        }
        for (JsonNode entry : repeated(node.path("entry"))) {
            count += of(entry.path("resource"));
            count += of(entry.path("response").path("outcome"));
        }
        return count + parameterResources(repeated(node.path("parameter")));
    }

    private static int parameterResources(List<JsonNode> parameters) {
        int count = 0;
        for (JsonNode parameter : parameters) {
            count += of(parameter.path("resource")) + parameterResources(repeated(parameter.path("part")));
        }
        return count;
    }

    /**
     * A repeating element's items as HAPI 8.8.0 reads them: a lone object is one item, and an array's items with the
     * items of arrays nested in it (HAPI flattens them; the nesting is bounded by cds.limits.max-nesting-depth).
     */
    private static List<JsonNode> repeated(JsonNode node) {
        if (node.isObject()) {
            return List.of(node);
        }
        List<JsonNode> items = new ArrayList<>();
        flatten(node, items);
        return items;
    }

    private static void flatten(JsonNode node, List<JsonNode> into) {
        if (!node.isArray()) {
            return;
        }
        for (JsonNode item : node) {
            if (item.isArray()) {
                flatten(item, into);
            } else {
                into.add(item);
            }
        }
    }
}
