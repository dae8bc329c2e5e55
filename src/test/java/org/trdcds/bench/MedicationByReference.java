package org.trdcds.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.trdcds.fhirdata.TestFhirServer;

/**
 * The state of {@link FetchModeBenchmark}'s fetch by reference (PROTOCOL-v3 section A): an order-sign call whose
 * prefetch holds every key, its draft MedicationRequest naming {@code Medication/chk-kmed-5} that only the FHIR server
 * holds (one batched {@code Medication?_id=} search, the server delaying each response by
 * {@link FetchModeBenchmark#DELAY}), and the same call with that Medication contained in the order. Both requests
 * name the server; only the first must ask it.
 */
@State(Scope.Benchmark)
public class MedicationByReference {

    static final Path SCENARIO =
            Path.of("src/test/resources/scenarios-v3/chk-A-osref-medication-by-reference-fetched.json");
    static final String SERVICE = "ketamine-tms-order-sign";
    static final String MEDICATION = "chk-kmed-5";

    /** Prefetch key -> the resource type of its searchset (every resource of the type, as an EHR might send). */
    private static final Map<String, String> SEARCH_KEYS = Map.of(
            "conditions", "Condition",
            "observations", "Observation",
            "medicationStatements", "MedicationStatement",
            "medicationRequests", "MedicationRequest",
            "medicationAdministrations", "MedicationAdministration",
            "procedures", "Procedure");

    private static final ObjectMapper JSON = new ObjectMapper();

    InProcessService service;
    TestFhirServer server;
    byte[] byReference;
    byte[] contained;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        JsonNode scenario = JSON.readTree(Files.readString(SCENARIO));
        service = new InProcessService(Instant.parse(scenario.get("asOf").asText()));
        server = TestFhirServer.servingScenario(service.fhirContext, SCENARIO);
        server.beforeAll(FetchModeBenchmark.extensionContext());
        byReference = request(scenario, false);
        contained = request(scenario, true);
        server.delayEachResponse(FetchModeBenchmark.DELAY);
        for (byte[] call : new byte[][] {byReference, contained}) {
            String cards = new String(service.handle(SERVICE, call));
            if (!cards.contains("\"ketamine-dose-check\"") || !cards.contains("\"critical\"")) {
                throw new IllegalStateException("no critical ketamine dose card: " + cards);
            }
        }
        server.reset(); // counts from here: the contained call must not ask the server
        server.delayEachResponse(FetchModeBenchmark.DELAY);
        service.handle(SERVICE, contained);
        int containedRequests = server.requests().size();
        service.handle(SERVICE, byReference);
        System.out.printf(
                "%nFHIR requests: contained %d, by reference %d %s%n",
                containedRequests, server.requests().size() - containedRequests, server.requests());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        server.afterAll(FetchModeBenchmark.extensionContext());
        service.close();
    }

    /** The scenario's order-sign request with every prefetch key filled from its record (the Medication in none). */
    private byte[] request(JsonNode scenario, boolean containMedication) throws IOException {
        ObjectNode request = JSON.createObjectNode();
        request.put("hook", scenario.get("hook").asText());
        request.put("hookInstance", "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea");
        request.put("fhirServer", server.baseUrl());
        ObjectNode context = request.putObject("context");
        context.put("userId", "Practitioner/example");
        context.put("patientId", scenario.get("patientId").asText());
        ObjectNode drafts = scenario.get("draftOrders").deepCopy();
        JsonNode medication = null;
        ObjectNode prefetch = request.putObject("prefetch");
        for (JsonNode entry : scenario.get("record").get("entry")) {
            JsonNode resource = entry.get("resource");
            String type = resource.get("resourceType").asText();
            if (type.equals("Patient")) {
                prefetch.set("patient", resource);
            } else if (type.equals("Medication")) {
                medication = resource;
            }
        }
        SEARCH_KEYS.forEach((key, type) -> {
            ObjectNode bundle =
                    prefetch.putObject(key).put("resourceType", "Bundle").put("type", "searchset");
            ArrayNode entries = bundle.putArray("entry");
            for (JsonNode entry : scenario.get("record").get("entry")) {
                if (entry.get("resource").get("resourceType").asText().equals(type)) {
                    entries.addObject().set("resource", entry.get("resource"));
                }
            }
            bundle.put("total", entries.size());
        });
        if (containMedication) {
            ObjectNode order = (ObjectNode) drafts.get("entry").get(0).get("resource");
            ObjectNode inside = medication.deepCopy();
            inside.put("id", MEDICATION);
            order.putArray("contained").add(inside);
            order.putObject("medicationReference").put("reference", "#" + MEDICATION);
        }
        context.set("draftOrders", drafts);
        try {
            return JSON.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
