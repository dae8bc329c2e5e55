package org.trdcds.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trdcds.criteria.PatientFacts;
import org.trdcds.fhirdata.HapiFactExtractor;
import org.trdcds.fhirdata.RecordedResources;
import org.trdcds.knowledge.Knowledge;
import org.trdcds.knowledge.ProjectKnowledge;

/**
 * The dry run spills each line without {@link HapiFactExtractor#UNREAD_ELEMENTS} (byte ranges copied by
 * {@link Partitions}): for every Synthea patient and worked scenario, the facts extracted from the lines as spilled
 * are the facts extracted from the whole resources, and the spilled lines did lose something.
 */
class UnreadElementsTest {

    @Test
    void theFactsOfEveryRecordAreTheSameWithoutTheUnreadElements(@TempDir Path dir) throws Exception {
        FhirContext fhir = FhirContext.forR4();
        Knowledge knowledge = ProjectKnowledge.get();
        HapiFactExtractor extractor = new HapiFactExtractor(knowledge);
        IParser parser = fhir.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false).disableAllErrors());
        List<ExportFixture.Record> records = new ArrayList<>(ExportFixture.synthea());
        records.addAll(ExportFixture.scenarios());
        long wholeBytes = 0;
        long spilledBytes = 0;
        for (ExportFixture.Record record : records) {
            List<IBaseResource> whole = new ArrayList<>();
            Path partitionDir = dir.resolve(record.name());
            try (Partitions partitions = new Partitions(partitionDir, 1)) {
                for (ObjectNode resource : record.resources()) {
                    byte[] line = resource.toString().getBytes(StandardCharsets.UTF_8);
                    LineScan scan = LineScan.of(line, line.length);
                    if (scan.problem() != null || !ExportFiles.PATIENT_TYPES.contains(scan.resourceType())) {
                        continue; // not spilled (a Medication, a resource of no patient): not decided either
                    }
                    wholeBytes += line.length;
                    whole.add(parser.parseResource(resource.toString()));
                    partitions.write(record.patientId(), scan.resourceType(), line, line.length, scan.kept());
                }
            }
            List<IBaseResource> spilled = new ArrayList<>();
            for (String line : Files.readAllLines(partitionDir.resolve("partition-0.tsv"))) {
                String json = line.substring(line.indexOf('\t', line.indexOf('\t') + 1) + 1);
                spilledBytes += json.length();
                assertThat(ExportFixture.JSON.readTree(json).isObject()).isTrue();
                spilled.add(parser.parseResource(json));
            }
            PatientFacts expected =
                    extractor.extract(RecordedResources.patientData(record.patientId(), whole), null, null);
            PatientFacts actual =
                    extractor.extract(RecordedResources.patientData(record.patientId(), spilled), null, null);
            assertThat(actual).as(record.name()).isEqualTo(expected);
        }
        assertThat(records).hasSizeGreaterThan(20);
        assertThat(spilledBytes).as("the unread elements were left out").isLessThan(wholeBytes * 9 / 10);
    }
}
