package org.trdcds.dryrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Patient records of the test fixtures (the Synthea bundles, the worked scenarios) turned into the lines of a FHIR
 * Bulk Data $export: only the types the export holds, ids shifted by a suffix (so copies are distinct patients), and
 * every reference (urn:uuid: of a Synthea transaction bundle, or Type/id) rewritten to the shifted Type/id.
 */
public final class ExportFixture {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path SYNTHEA = Path.of("src/test/resources/fixtures/synthea");
    static final List<String> TYPES = List.of(
            "Patient",
            "Condition",
            "Observation",
            "MedicationRequest",
            "MedicationStatement",
            "MedicationAdministration",
            "Medication",
            "Procedure");

    /** One patient's record: its Patient id, its resources, and the instant its dates are relative to. */
    public record Record(String name, String patientId, List<ObjectNode> resources, Instant asOf) {}

    private ExportFixture() {}

    /** Every Synthea patient (hospital and practitioner bundles hold none), at the instant their tests use. */
    public static List<Record> synthea() {
        try (Stream<Path> files = Files.walk(SYNTHEA)) {
            List<Record> records = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json.gz"))
                    .filter(f -> !f.getFileName().toString().matches("(hospital|practitioner)Information.*"))
                    .sorted()
                    .toList()) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    records.add(record(
                            file.getFileName().toString().split("_")[0],
                            JSON.readTree(in),
                            Instant.parse("2026-11-27T04:22:50Z")));
                }
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The worked scenarios of scenarios/ and scenarios-v2/, each at its asOf (only their records are used). */
    public static List<Record> scenarios() {
        List<Record> records = new ArrayList<>();
        for (String dir : List.of("src/test/resources/scenarios", "src/test/resources/scenarios-v2")) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json"))
                        .sorted()
                        .toList()) {
                    JsonNode scenario = JSON.readTree(file.toFile());
                    records.add(record(
                            scenario.get("name").asText(),
                            scenario.get("record"),
                            Instant.parse(scenario.get("asOf").asText())));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return records;
    }

    private static Record record(String name, JsonNode bundle, Instant asOf) {
        Map<String, String> fullUrls = new HashMap<>();
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode resource = entry.get("resource");
            if (resource instanceof ObjectNode object
                    && TYPES.contains(object.path("resourceType").asText())) {
                resources.add(object);
                if (entry.hasNonNull("fullUrl")) {
                    fullUrls.put(
                            entry.get("fullUrl").asText(),
                            object.get("resourceType").asText() + "/"
                                    + object.path("id").asText());
                }
            }
        }
        resources.forEach(resource -> resolveUrnReferences(resource, fullUrls));
        String patientId = resources.stream()
                .filter(r -> r.get("resourceType").asText().equals("Patient"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asText();
        return new Record(name, patientId, resources, asOf);
    }

    /** urn:uuid: references of a transaction bundle -> Type/id, as a FHIR server stores them. */
    private static void resolveUrnReferences(JsonNode node, Map<String, String> fullUrls) {
        if (node instanceof ObjectNode object) {
            JsonNode reference = object.get("reference");
            if (reference != null && reference.isTextual() && fullUrls.containsKey(reference.asText())) {
                object.put("reference", fullUrls.get(reference.asText()));
            }
        }
        node.forEach(child -> resolveUrnReferences(child, fullUrls));
    }

    /** A deep copy of the record's resources with every id and Type/id reference shifted by the suffix. */
    public static List<ObjectNode> shifted(Record record, String suffix) {
        List<ObjectNode> copies = new ArrayList<>();
        for (ObjectNode resource : record.resources()) {
            ObjectNode copy = resource.deepCopy();
            if (copy.hasNonNull("id")) {
                copy.put("id", copy.get("id").asText() + suffix);
            }
            shiftReferences(copy, suffix);
            copies.add(copy);
        }
        return copies;
    }

    private static void shiftReferences(JsonNode node, String suffix) {
        if (node instanceof ObjectNode object) {
            JsonNode reference = object.get("reference");
            if (reference != null && reference.isTextual() && reference.asText().matches("[A-Z][A-Za-z]+/[^/]+")) {
                object.set("reference", TextNode.valueOf(reference.asText() + suffix));
            }
        }
        node.forEach(child -> shiftReferences(child, suffix));
    }

    /**
     * Writes NDJSON files as $export does: one file per type, a new numbered file every {@code linesPerFile} lines
     * (Observation.000.ndjson, Observation.001.ndjson, ...), gzipped or not.
     */
    public static final class Writer implements AutoCloseable {
        private final Path dir;
        private final boolean gzip;
        private final int linesPerFile;
        private final Map<String, java.io.Writer> open = new TreeMap<>();
        private final Map<String, int[]> counts = new HashMap<>();

        public Writer(Path dir, boolean gzip, int linesPerFile) throws IOException {
            this.dir = Files.createDirectories(dir);
            this.gzip = gzip;
            this.linesPerFile = linesPerFile;
        }

        public void write(JsonNode resource) throws IOException {
            write(resource.get("resourceType").asText(), JSON.writeValueAsString(resource));
        }

        /** One line (the resource's JSON on one line) to the current file of its type. */
        public void write(String type, String line) throws IOException {
            int[] count = counts.computeIfAbsent(type, t -> new int[2]);
            if (count[0] == linesPerFile) {
                open.remove(type).close();
                count[0] = 0;
                count[1]++;
            }
            java.io.Writer out = open.get(type);
            if (out == null) {
                String name = String.format("%s.%03d.ndjson%s", type, count[1], gzip ? ".gz" : "");
                OutputStream file = Files.newOutputStream(dir.resolve(name));
                out = new BufferedWriter(
                        new OutputStreamWriter(
                                gzip
                                        ? new GZIPOutputStream(file, 1 << 16) {
                                            {
                                                def.setLevel(1);
                                            }
                                        }
                                        : file,
                                StandardCharsets.UTF_8),
                        1 << 16);
                open.put(type, out);
            }
            out.write(line);
            out.write('\n');
            count[0]++;
        }

        @Override
        public void close() throws IOException {
            for (java.io.Writer out : open.values()) {
                out.close();
            }
            open.clear();
        }
    }
}
