package org.trdcds.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** The worked scenarios of src/test/resources/scenarios and scenarios-v2, and CDS Hooks requests built from them. */
public final class Scenarios {

    static final Path DIR = Path.of("src/test/resources/scenarios");
    /** The worked scenarios of protocol version 2 (same format; their asOf fixes the clock). */
    static final Path DIR_V2 = Path.of("src/test/resources/scenarios-v2");

    static final ObjectMapper JSON = new ObjectMapper();
    /** Prefetch key of the service catalog -> the resource type it holds (a searchset), "patient" is a read. */
    public static final Map<String, String> SEARCH_KEYS = new LinkedHashMap<>(Map.of(
            "conditions",
            "Condition",
            "observations",
            "Observation",
            "medicationStatements",
            "MedicationStatement",
            "medicationRequests",
            "MedicationRequest",
            "medicationAdministrations",
            "MedicationAdministration",
            "procedures",
            "Procedure"));

    private Scenarios() {}

    record Scenario(String name, JsonNode json) {
        String service() {
            return json.get("service").asText();
        }

        String hook() {
            return json.get("hook").asText();
        }

        String patientId() {
            return json.get("patientId").asText();
        }

        Instant asOf() {
            return Instant.parse(json.get("asOf").asText());
        }

        JsonNode expect() {
            return json.get("expect");
        }

        List<JsonNode> resources() {
            return json.get("record").get("entry").findValues("resource");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Version 1 and version 2 scenarios. */
    static List<Scenario> all() {
        return Stream.concat(of(DIR).stream(), of(DIR_V2).stream()).toList();
    }

    static List<Scenario> of(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .sorted()
                    .map(Scenarios::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Scenario read(Path file) {
        try {
            JsonNode json = JSON.readTree(file.toFile());
            return new Scenario(json.get("name").asText(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request with the context of the scenario; with prefetch, every key of the catalog filled from the record. */
    static ObjectNode request(Scenario scenario, boolean withPrefetch, String fhirServer, String accessToken) {
        ObjectNode request = JSON.createObjectNode();
        request.put("hook", scenario.hook());
        request.put("hookInstance", UUID.randomUUID().toString());
        if (fhirServer != null) {
            request.put("fhirServer", fhirServer);
        }
        if (accessToken != null) {
            ObjectNode authorization = request.putObject("fhirAuthorization");
            authorization.put("access_token", accessToken);
            authorization.put("token_type", "Bearer");
            authorization.put("expires_in", 300);
            authorization.put("scope", "patient/*.read");
            authorization.put("subject", "trd-cds-hooks");
        }
        ObjectNode context = request.putObject("context");
        context.put("userId", "Practitioner/example");
        context.put("patientId", scenario.patientId());
        JsonNode draftOrders = scenario.json().get("draftOrders");
        if (draftOrders != null && !draftOrders.isNull()) {
            context.set("draftOrders", draftOrders);
            if (scenario.hook().equals("order-select")) {
                ArrayNode selections = context.putArray("selections");
                draftOrders
                        .get("entry")
                        .forEach(entry -> selections.add(
                                entry.get("resource").get("resourceType").asText() + "/"
                                        + entry.get("resource").get("id").asText()));
            }
        }
        if (withPrefetch) {
            ObjectNode prefetch = request.putObject("prefetch");
            scenario.resources().stream()
                    .filter(r -> r.get("resourceType").asText().equals("Patient"))
                    .findFirst()
                    .ifPresent(patient -> prefetch.set("patient", patient));
            SEARCH_KEYS.forEach((key, type) -> {
                ObjectNode bundle = prefetch.putObject(key);
                bundle.put("resourceType", "Bundle");
                bundle.put("type", "searchset");
                ArrayNode entries = bundle.putArray("entry");
                scenario.resources().stream()
                        .filter(r -> r.get("resourceType").asText().equals(type))
                        .forEach(resource -> entries.addObject().set("resource", resource));
                bundle.put("total", entries.size());
            });
        }
        return request;
    }

    /** The card of this topic among the cards, failing the test when there is none. */
    static JsonNode cardOf(JsonNode cards, String topic) {
        for (JsonNode card : cards) {
            if (card.at("/source/topic/code").asText().equals(topic)) {
                return card;
            }
        }
        throw new AssertionError("no card of topic " + topic + " in " + cards);
    }

    /** The topics of the cards, in order. */
    static List<String> topics(JsonNode cards) {
        List<String> topics = new java.util.ArrayList<>();
        cards.forEach(card -> topics.add(card.at("/source/topic/code").asText()));
        return topics;
    }

    /** Every resource of the scenarios' records in one Bundle: what a FHIR server holding them serves. */
    static org.hl7.fhir.r4.model.Bundle records(List<Scenario> scenarios) {
        ca.uhn.fhir.context.FhirContext fhir = ca.uhn.fhir.context.FhirContext.forR4Cached();
        org.hl7.fhir.r4.model.Bundle all = new org.hl7.fhir.r4.model.Bundle();
        scenarios.forEach(scenario -> fhir.newJsonParser()
                .parseResource(
                        org.hl7.fhir.r4.model.Bundle.class,
                        scenario.json().get("record").toString())
                .getEntry()
                .forEach(all::addEntry));
        return all;
    }
}
