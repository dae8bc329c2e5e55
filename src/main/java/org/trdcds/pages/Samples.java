package org.trdcds.pages;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The sample patients of the preview page (classpath samples/*.json, the worked scenarios), parsed once. */
final class Samples {

    static final String LOCATION = "classpath*:samples/*.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param draftOrders    the order hook's draft orders, or null
     * @param draftOrderJson raw JSON of each draft order by "Type/id" (for update suggestions)
     * @param expected       topics the worked scenario expects among the cards
     */
    record Sample(
            String name,
            String hook,
            String service,
            String patientId,
            Instant asOf,
            Bundle record,
            Bundle draftOrders,
            Map<String, String> draftOrderJson,
            List<String> expected,
            List<String> excluded) {}

    private Samples() {}

    static List<Sample> load(FhirContext fhir) {
        List<Sample> samples = new ArrayList<>();
        try {
            for (Resource resource :
                    new PathMatchingResourcePatternResolver(Samples.class.getClassLoader()).getResources(LOCATION)) {
                try (InputStream in = resource.getInputStream()) {
                    samples.add(parse(JSON.readTree(in), fhir));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the preview samples " + LOCATION, e);
        }
        samples.sort(Comparator.comparing(Sample::name));
        return List.copyOf(samples);
    }

    static Sample parse(JsonNode json, FhirContext fhir) {
        IParser parser = fhir.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
        Bundle record = parser.parseResource(Bundle.class, json.path("record").toString());
        Bundle drafts = null;
        Map<String, String> draftJson = new LinkedHashMap<>();
        if (json.path("draftOrders").isObject()) {
            drafts = parser.parseResource(Bundle.class, json.path("draftOrders").toString());
            for (JsonNode entry : json.path("draftOrders").path("entry")) {
                JsonNode r = entry.path("resource");
                draftJson.put(
                        r.path("resourceType").asText() + "/" + r.path("id").asText(), r.toString());
            }
        }
        return new Sample(
                json.path("name").asText(),
                json.path("hook").asText(),
                json.path("service").asText(),
                json.path("patientId").asText(),
                Instant.parse(json.path("asOf").asText()),
                record,
                drafts,
                Map.copyOf(draftJson),
                texts(json.path("expect").path("topicsIncluded")),
                texts(json.path("expect").path("topicsExcluded")));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return List.copyOf(texts);
    }
}
