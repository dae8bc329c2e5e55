package org.trdcds.dryrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trdcds.dryrun.DryRunTestExports.ICD10CM;
import static org.trdcds.dryrun.DryRunTestExports.LOINC;
import static org.trdcds.dryrun.DryRunTestExports.RXNORM;
import static org.trdcds.dryrun.DryRunTestExports.SNOMED;
import static org.trdcds.dryrun.DryRunTestExports.condition;
import static org.trdcds.dryrun.DryRunTestExports.medicationRequest;
import static org.trdcds.dryrun.DryRunTestExports.observation;
import static org.trdcds.dryrun.DryRunTestExports.patient;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trdcds.knowledge.Knowledge;
import org.trdcds.knowledge.ProjectKnowledge;

/**
 * Coverage: codes planted in an export that no value set holds but that look relevant (a code range of a concept, a
 * display naming a concept or an ingredient) are listed with their counts, most frequent first; codes the knowledge
 * holds, and codes that look irrelevant, are not.
 */
class DryRunCoverageTest {

    @Test
    void listsTheRelevantCodesTheKnowledgeLacksAndNotTheOnesItHolds(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in");
        DryRunTestExports.write(in, "Patient.ndjson", List.of(patient("a"), patient("b")));
        DryRunTestExports.write(
                in,
                "Condition.ndjson",
                List.of(
                        condition("c1", "a", ICD10CM, "F34.89", "Other specified persistent mood disorders"),
                        condition("c2", "b", ICD10CM, "F34.89", "Other specified persistent mood disorders"),
                        condition("c3", "b", ICD10CM, "F34.89", "Other specified persistent mood disorders"),
                        condition(
                                "c4",
                                "a",
                                ICD10CM,
                                "O99.89",
                                "Other specified diseases and conditions complicating pregnancy, childbirth and the puerperium"),
                        condition("c5", "a", SNOMED, "900000000000001", "Treatment-refractory melancholic episode"),
                        condition("c6", "a", ICD10CM, "F33.2", "Major depressive disorder, recurrent severe"),
                        condition("c7", "b", SNOMED, "370143000", "Major depression disorder"),
                        condition("c8", "b", ICD10CM, "Z00.00", "Encounter for general adult medical examination")));
        DryRunTestExports.write(
                in,
                "Observation.000.ndjson",
                List.of(
                        observation("o1", "a", LOINC, "44261-6", "PHQ-9 total score", 21),
                        observation("o2", "a", LOINC, "8302-2", "Body height", 170),
                        observation("o3", "b", LOINC, "99999-0", "Montgomery-Asberg rating, clinician", 30)));
        DryRunTestExports.write(
                in,
                "MedicationRequest.ndjson",
                List.of(medicationRequest("m1", "a", "900000002", "esketamine 28 MG Nasal Spray (local formulary)")));
        Knowledge knowledge = ProjectKnowledge.get();
        List<String[]> planted = List.of(
                new String[] {ICD10CM, "F34.89"},
                new String[] {ICD10CM, "O99.89"},
                new String[] {SNOMED, "900000000000001"},
                new String[] {LOINC, "99999-0"},
                new String[] {RXNORM, "900000002"});
        for (String[] code : planted) {
            assertThat(knowledge.valueSetIds()).noneMatch(id -> knowledge.inValueSet(id, code[0], code[1]));
        }

        DryRunTestExports.Result result = DryRunTestExports.run(
                "--input", in.toString(), "--out", dir.resolve("out").toString(), "--as-of", "2026-11-27T04:22:50Z");

        assertThat(result.exit()).as(result.console()).isZero();
        JsonNode summary =
                ExportFixture.JSON.readTree(dir.resolve("out/summary.json").toFile());
        Map<String, JsonNode> listed = new TreeMap<>();
        List<String> order = new ArrayList<>();
        summary.get("unrecognised").forEach(row -> {
            listed.put(row.get("code").asText(), row);
            order.add(row.get("code").asText());
        });
        assertThat(listed).containsOnlyKeys("F34.89", "O99.89", "900000000000001", "99999-0", "900000002");
        assertThat(order.get(0)).as("most frequent first").isEqualTo("F34.89");
        assertThat(listed.get("F34.89").get("count").asInt()).isEqualTo(3);
        assertThat(listed.get("F34.89").get("nearConcept").asText()).isEqualTo("depressive-spectrum");
        assertThat(listed.get("F34.89").get("resourceType").asText()).isEqualTo("Condition");
        assertThat(listed.get("O99.89").get("nearConcept").asText()).isEqualTo("pregnancy");
        assertThat(listed.get("900000000000001").get("nearConcept").asText()).isEqualTo("depressive-spectrum");
        assertThat(listed.get("99999-0").get("nearConcept").asText()).isEqualTo("madrs-total");
        assertThat(listed.get("900000002").get("nearConcept").asText()).isEqualTo("esketamine");
        assertThat(listed.get("900000002").get("display").asText()).startsWith("esketamine 28 MG");
        assertThat(summary.get("recognisedByName")).isEmpty();
        assertThat(summary.get("recognisedByNameNote").asText()).contains("no name recognition");
        assertThat(summary.get("patients").asInt()).isEqualTo(2);

        String html = Files.readString(dir.resolve("out/report.html"));
        assertThat(html)
                .contains("F34.89", "Other specified persistent mood disorders", "<svg", "per 1,000")
                .doesNotContain("<script", "src=\"http", "href=\"http");
    }
}
