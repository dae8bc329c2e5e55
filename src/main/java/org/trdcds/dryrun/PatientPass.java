package org.trdcds.dryrun;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.trdcds.cards.Card;
import org.trdcds.fhirdata.RecordedResources;
import org.trdcds.patientcards.PatientCards;

/**
 * Second pass: one partition at a time per thread, grouped by patient in memory (at most {@code cap} resources per
 * patient besides the Patient; the rest is counted as dropped), each patient's lines parsed by HAPI as the hook's
 * prefetch is, and its cards made by the hook's own {@link PatientCards}. Thread-safe across partitions.
 */
final class PatientPass {

    /** The patient-view service of the catalog (the cards' source label). */
    static final String SERVICE_ID = "ketamine-tms-screening";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FhirContext fhir;
    private final PatientCards patientCards;
    private final Coverage coverage;
    private final Tally tally;
    private final Writer cardsOut;
    private final int cap;
    final LongAdder dropped = new LongAdder();
    final LongAdder patientsOverCap = new LongAdder();

    PatientPass(FhirContext fhir, PatientCards patientCards, Coverage coverage, Tally tally, Writer cardsOut, int cap) {
        this.fhir = fhir;
        this.patientCards = patientCards;
        this.coverage = coverage;
        this.tally = tally;
        this.cardsOut = cardsOut;
        this.cap = cap;
    }

    /** Reads, decides and deletes one partition file. */
    void process(Path partition) throws IOException {
        Map<String, Group> groups = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(partition, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int t1 = line.indexOf('\t');
                int t2 = line.indexOf('\t', t1 + 1);
                Group group = groups.computeIfAbsent(line.substring(0, t1), id -> new Group());
                String type = line.substring(t1 + 1, t2);
                if ("Patient".equals(type)) {
                    if (group.patient == null) {
                        group.patient = line.substring(t2 + 1);
                    }
                } else if (group.types.size() < cap) {
                    group.types.add(type);
                    group.json.add(line.substring(t2 + 1));
                } else {
                    if (group.dropped++ == 0) {
                        patientsOverCap.increment();
                    }
                    dropped.increment();
                    coverage.problem(type, "over the cap of " + cap + " resources per patient (dropped)", null);
                }
            }
        }
        IParser parser = fhir.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false).disableAllErrors());
        for (Map.Entry<String, Group> entry : groups.entrySet()) {
            patient(parser, entry.getKey(), entry.getValue());
            entry.setValue(null); // let the patient's lines go
        }
        Files.deleteIfExists(partition);
    }

    private void patient(IParser parser, String patientId, Group group) throws IOException {
        if (group.patient == null) {
            group.types.forEach(type ->
                    coverage.problem(type, "its subject has no Patient resource in the export (not decided)", null));
            return;
        }
        List<IBaseResource> resources = new ArrayList<>(group.types.size() + 1);
        parse(parser, "Patient", group.patient, resources);
        for (int i = 0; i < group.types.size(); i++) {
            parse(parser, group.types.get(i), group.json.get(i), resources);
        }
        List<Card> cards;
        try {
            cards = patientCards.patientView(
                    RecordedResources.patientData(patientId, resources), SERVICE_ID, patientId);
        } catch (RuntimeException e) {
            coverage.problem(
                    "Patient",
                    "the decision failed on this record (" + e.getClass().getSimpleName() + "): no cards",
                    null);
            return;
        }
        tally.add(cards);
        if (!cards.isEmpty()) {
            StringBuilder lines = new StringBuilder();
            for (Card card : cards) {
                ObjectNode line = JSON.createObjectNode()
                        .put("patient", patientId)
                        .put("topic", Tally.topic(card))
                        .put("indicator", card.indicator())
                        .put("summary", card.summary());
                lines.append(JSON.writeValueAsString(line)).append('\n');
            }
            synchronized (cardsOut) {
                cardsOut.write(lines.toString());
            }
        }
    }

    private void parse(IParser parser, String type, String json, List<IBaseResource> into) {
        try {
            into.add(parser.parseResource(json));
        } catch (RuntimeException e) {
            coverage.problem(type, "not a FHIR R4 resource (" + e.getClass().getSimpleName() + ")", null);
        }
    }

    private static final class Group {
        String patient;
        final List<String> types = new ArrayList<>();
        final List<String> json = new ArrayList<>();
        int dropped;
    }

    /** Partitions by size, largest first, so the last ones to finish are small. */
    static List<Integer> order(Partitions partitions) {
        Map<Integer, Long> sizes = new LinkedHashMap<>();
        for (int i = 0; i < partitions.count(); i++) {
            sizes.put(i, partitions.bytes(i));
        }
        return sizes.entrySet().stream()
                .sorted(Map.Entry.<Integer, Long>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .toList();
    }
}
