package org.trdcds.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The bundled sample patients (src/main/resources/samples) as CDS Hooks requests whose prefetch holds the whole
 * record under every prefetch key the service's discovery document names (so the service fetches nothing).
 */
final class SampleRequests {

    static final ObjectMapper JSON = new ObjectMapper();

    private SampleRequests() {}

    static List<JsonNode> samples() {
        List<JsonNode> samples = new ArrayList<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:samples/*.json")) {
                try (InputStream in = r.getInputStream()) {
                    samples.add(JSON.readTree(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return samples;
    }

    static JsonNode sample(String name) {
        return samples().stream()
                .filter(s -> s.path("name").asText().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** @param prefetchTemplates the service's "prefetch" object from GET /cds-services */
    static ObjectNode request(JsonNode sample, JsonNode prefetchTemplates) {
        ObjectNode request = JSON.createObjectNode();
        request.put("hook", sample.path("hook").asText());
        request.put("hookInstance", UUID.randomUUID().toString());
        ObjectNode context = request.putObject("context");
        context.put("userId", "Practitioner/example");
        context.put("patientId", sample.path("patientId").asText());
        JsonNode drafts = sample.path("draftOrders");
        if (drafts.isObject()) {
            context.set("draftOrders", drafts);
            if ("order-select".equals(sample.path("hook").asText())) {
                ArrayNode selections = context.putArray("selections");
                drafts.path("entry")
                        .forEach(e -> selections.add(
                                e.path("resource").path("resourceType").asText() + "/"
                                        + e.path("resource").path("id").asText()));
            }
        }
        ObjectNode prefetch = request.putObject("prefetch");
        List<JsonNode> resources = sample.path("record").path("entry").findValues("resource");
        prefetchTemplates.fields().forEachRemaining(field -> {
            String query = field.getValue().asText();
            int cut = query.indexOf('?') >= 0 ? query.indexOf('?') : query.indexOf('/');
            String type = cut < 0 ? query : query.substring(0, cut);
            if (query.indexOf('?') < 0) {
                resources.stream()
                        .filter(r -> r.path("resourceType").asText().equals(type))
                        .findFirst()
                        .ifPresent(r -> prefetch.set(field.getKey(), r));
                return;
            }
            ObjectNode bundle = prefetch.putObject(field.getKey());
            bundle.put("resourceType", "Bundle");
            bundle.put("type", "searchset");
            ArrayNode entries = bundle.putArray("entry");
            resources.stream()
                    .filter(r -> r.path("resourceType").asText().equals(type))
                    .forEach(r -> entries.addObject().set("resource", r));
            bundle.put("total", entries.size());
        });
        return request;
    }
}
