package org.trdcds.bench;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.trdcds.fhirdata.PatientData;

/**
 * The inputs of the benchmarks: the pv-candidate scenario (its example request and record) and the largest Synthea
 * patient of src/test/resources/fixtures/synthea, its resources split into the service's prefetch keys.
 */
final class BenchData {

    static final String SCREENING = "ketamine-tms-screening";
    static final Instant AS_OF = Instant.parse("2026-11-27T04:22:50Z");
    static final Path SCENARIO = Path.of("src/test/resources/scenarios/pv-candidate.json");
    static final Path SCENARIO_REQUEST = Path.of("examples/patient-view-candidate.json");
    static final Path SYNTHEA = Path.of("src/test/resources/fixtures/synthea");

    /** Prefetch key of the screening service -> the resource type its query returns. */
    static final Map<String, String> KEYS = keys();

    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchData() {}

    /** A patient-view request: the scenario's example, or the largest Synthea patient with every resource. */
    static byte[] request(String payload) {
        return "large".equals(payload) ? largeRequest() : read(SCENARIO_REQUEST);
    }

    /** The record behind the request: every resource of the patient, as a Bundle. */
    static Bundle record(FhirContext fhirContext, String payload) {
        String json = "large".equals(payload)
                ? largestSynthea().toString()
                : tree(read(SCENARIO)).get("record").toString();
        return fhirContext.newJsonParser().parseResource(Bundle.class, json);
    }

    static PatientData patientData(Bundle record) {
        List<Resource> resources = record.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .toList();
        return new PatientData(
                ofType(resources, Patient.class).stream().findFirst().orElse(null),
                ofType(resources, Condition.class),
                ofType(resources, Observation.class),
                ofType(resources, MedicationStatement.class),
                ofType(resources, MedicationRequest.class),
                ofType(resources, Procedure.class));
    }

    /** The prefetch values of a request, each as the bytes of its own JSON. */
    static Map<String, byte[]> prefetchValues(byte[] request) {
        Map<String, byte[]> values = new LinkedHashMap<>();
        tree(request).get("prefetch").fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()) {
                values.put(field.getKey(), write(field.getValue()));
            }
        });
        return values;
    }

    /** The request of the scenario example without prefetch, pointing at a FHIR server. */
    static byte[] withoutPrefetch(String fhirServer) {
        ObjectNode request = (ObjectNode) tree(read(SCENARIO_REQUEST));
        request.remove("prefetch");
        request.put("fhirServer", fhirServer);
        return write(request);
    }

    static Path largestSyntheaFile() {
        try (Stream<Path> files = Files.walk(SYNTHEA)) {
            return files.filter(path -> path.toString().endsWith(".json.gz"))
                    .max(Comparator.comparingLong(BenchData::size))
                    .orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] largeRequest() {
        JsonNode bundle = largestSynthea();
        ObjectNode request = (ObjectNode) tree(read(SCENARIO_REQUEST));
        ObjectNode prefetch = request.putObject("prefetch");
        Map<String, ArrayNode> entries = new LinkedHashMap<>();
        String patientId = null;
        for (JsonNode entry : bundle.get("entry")) {
            JsonNode resource = entry.get("resource");
            String type = resource.get("resourceType").asText();
            if ("Patient".equals(type)) {
                patientId = resource.get("id").asText();
                prefetch.set("patient", resource);
                continue;
            }
            KEYS.forEach((key, keyType) -> {
                if (keyType.equals(type)) {
                    entries.computeIfAbsent(key, k -> JSON.createArrayNode())
                            .addObject()
                            .put("fullUrl", type + "/" + resource.get("id").asText())
                            .set("resource", resource);
                }
            });
        }
        KEYS.keySet().stream().filter(key -> !"patient".equals(key)).forEach(key -> {
            ArrayNode found = entries.getOrDefault(key, JSON.createArrayNode());
            ObjectNode searchset = prefetch.putObject(key)
                    .put("resourceType", "Bundle")
                    .put("type", "searchset")
                    .put("total", found.size());
            searchset.set("entry", found);
        });
        ((ObjectNode) request.get("context")).put("patientId", patientId);
        return write(request);
    }

    private static JsonNode largestSynthea() {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(largestSyntheaFile()))) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> keys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("patient", "Patient");
        keys.put("conditions", "Condition");
        keys.put("observations", "Observation");
        keys.put("medicationStatements", "MedicationStatement");
        keys.put("medicationRequests", "MedicationRequest");
        keys.put("medicationAdministrations", "MedicationAdministration");
        keys.put("procedures", "Procedure");
        return Collections.unmodifiableMap(keys);
    }

    private static <T extends Resource> List<T> ofType(List<Resource> resources, Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
