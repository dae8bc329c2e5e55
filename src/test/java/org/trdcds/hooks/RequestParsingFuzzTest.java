package org.trdcds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.util.unit.DataSize;
import org.trdcds.edge.CdsLimits;

/**
 * The edge's request parser under arbitrary bytes and under structural mutations of real requests (examples/ and the
 * CDS Hooks examples of src/test/resources/fixtures): the only acceptable outcomes are a parsed request or a 4xx {@link CdsException}.
 */
class RequestParsingFuzzTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final CdsLimits LIMITS =
            new CdsLimits(DataSize.ofMegabytes(10), 100, 1_000_000, 5000, java.time.Duration.ofSeconds(10), 0);
    static final HookRequestParser PARSER = new HookRequestParser(new RequestJson(LIMITS), FhirContext.forR4(), LIMITS);
    static final List<CdsService> SERVICES =
            new ServiceCatalog(JSON, org.trdcds.knowledge.ProjectKnowledge.get()).services();
    static final List<JsonNode> REAL_REQUESTS = realRequests();
    static final List<String> MUTATION_KEYS = List.of(
            "hook",
            "hookInstance",
            "fhirServer",
            "fhirAuthorization",
            "context",
            "prefetch",
            "patientId",
            "userId",
            "draftOrders",
            "selections",
            "resourceType",
            "entry",
            "resource",
            "id",
            "access_token",
            "token_type",
            "expires_in",
            "scope",
            "subject",
            "code",
            "coding",
            "medicationCodeableConcept",
            "dosageInstruction",
            "link",
            "relation",
            "url",
            "patient",
            "conditions",
            "observations",
            "medicationStatements",
            "medicationRequests",
            "medicationAdministrations",
            "procedures");

    @FuzzTest
    void arbitraryBytes(byte[] body) {
        for (CdsService service : SERVICES) {
            parseOrRefuse(service, body);
        }
    }

    @FuzzTest
    void mutatedRealRequests(FuzzedDataProvider data) {
        JsonNode request =
                REAL_REQUESTS.get(data.consumeInt(0, REAL_REQUESTS.size() - 1)).deepCopy();
        CdsService service = SERVICES.get(data.consumeInt(0, SERVICES.size() - 1));
        if (data.consumeBoolean()) {
            ((ObjectNode) request).put("hook", service.hook());
        }
        int mutations = data.consumeInt(1, 8);
        for (int i = 0; i < mutations && data.remainingBytes() > 0; i++) {
            mutate(request, data);
        }
        parseOrRefuse(service, request.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static void parseOrRefuse(CdsService service, byte[] body) {
        try {
            assertThat(PARSER.parse(service, body)).isNotNull();
        } catch (CdsException refused) {
            assertThat(refused.status().is4xxClientError())
                    .as(refused.getMessage())
                    .isTrue();
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    /** Replaces, removes or adds one member somewhere in the tree. */
    private static void mutate(JsonNode root, FuzzedDataProvider data) {
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(root, containers);
        JsonNode target = containers.get(data.consumeInt(0, containers.size() - 1));
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            int action = data.consumeInt(0, 2);
            if (action == 0 && !names.isEmpty()) {
                object.remove(names.get(data.consumeInt(0, names.size() - 1)));
            } else if (action == 1 && !names.isEmpty()) {
                object.set(names.get(data.consumeInt(0, names.size() - 1)), randomValue(data));
            } else {
                String name = data.consumeBoolean() ? data.pickValue(MUTATION_KEYS) : data.consumeString(12);
                object.set(name, randomValue(data));
            }
        } else if (target instanceof ArrayNode array) {
            if (!array.isEmpty() && data.consumeBoolean()) {
                array.set(data.consumeInt(0, array.size() - 1), randomValue(data));
            } else {
                array.add(randomValue(data));
            }
        }
    }

    private static JsonNode randomValue(FuzzedDataProvider data) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (data.consumeInt(0, 8)) {
            case 0 -> nodes.nullNode();
            case 1 -> nodes.booleanNode(data.consumeBoolean());
            case 2 -> nodes.numberNode(data.consumeLong());
            case 3 -> nodes.numberNode(data.consumeDouble());
            case 4 -> nodes.arrayNode().add(data.consumeString(20));
            case 5 ->
                nodes.objectNode()
                        .put(
                                "resourceType",
                                data.pickValue(List.of(
                                        "Bundle",
                                        "Patient",
                                        "Condition",
                                        "Observation",
                                        "MedicationRequest",
                                        "OperationOutcome",
                                        "Nope",
                                        "")))
                        .put("id", data.consumeString(10));
            case 6 ->
                REAL_REQUESTS.get(data.consumeInt(0, REAL_REQUESTS.size() - 1)).deepCopy();
            default -> nodes.textNode(data.consumeString(40));
        };
    }

    private static void collectContainers(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collectContainers(child, containers));
        }
    }

    /** Every JSON request of examples/ and src/test/resources/fixtures/cds-hooks-examples (objects with a "hook"). */
    private static List<JsonNode> realRequests() {
        List<JsonNode> requests = new ArrayList<>();
        for (Path dir : List.of(Path.of("examples"), Path.of("src/test/resources/fixtures/cds-hooks-examples"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json"))
                        .sorted()
                        .toList()) {
                    JsonNode node = readOrNull(file);
                    if (node != null && node.isObject() && node.has("hook")) {
                        requests.add(node);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(requests).as("seed requests").hasSizeGreaterThan(2);
        return List.copyOf(requests);
    }

    private static JsonNode readOrNull(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            return null;
        }
    }
}
