package org.trdcds.dryrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trdcds.dryrun.DryRunTestExports.ICD10CM;
import static org.trdcds.dryrun.DryRunTestExports.LOINC;
import static org.trdcds.dryrun.DryRunTestExports.condition;
import static org.trdcds.dryrun.DryRunTestExports.observation;
import static org.trdcds.dryrun.DryRunTestExports.patient;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken export gives counted skips (with file and line), a clear line, and the rest of the run; never an
 * exception trace. Bad arguments give the usage and exit code 2.
 */
class DryRunBrokenExportTest {

    @Test
    void countsWhatItCannotReadAndDecidesTheRest(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in");
        String longPatient = patient("long")
                .replace("}", ",\"text\":{\"status\":\"generated\",\"div\":\"<div>" + "x".repeat(5_000) + "</div>\"}}");
        DryRunTestExports.write(
                in, "Patient.ndjson", List.of(patient("a"), patient("b"), patient("many"), longPatient));
        DryRunTestExports.write(
                in,
                "Condition.ndjson",
                List.of(
                        condition("c1", "a", ICD10CM, "F33.2", "Major depressive disorder, recurrent severe"),
                        "{\"resourceType\":\"Condition\", this is not JSON",
                        condition("c3", "a", ICD10CM, "F33.2", "x")
                                .replace("\"subject\":{\"reference\":\"Patient/a\"},", ""),
                        condition("c4", "nobody", ICD10CM, "F33.2", "Major depressive disorder, recurrent severe"),
                        condition("c5", "many", ICD10CM, "F33.2", "Major depressive disorder, recurrent severe")));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(observation("m" + i, "many", LOINC, "44261-6", "PHQ-9 total score", 10 + i % 10));
        }
        DryRunTestExports.write(in, "Observation.001.ndjson", many);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            for (int i = 0; i < 2_000; i++) {
                out.write((observation("g" + i, "b", LOINC, "8302-2", "Body height", 150 + i % 50) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] whole = gz.toByteArray();
        Files.write(in.resolve("Observation.000.ndjson.gz"), Arrays.copyOf(whole, whole.length / 2));
        Files.writeString(in.resolve("Encounter.ndjson"), "{\"resourceType\":\"Encounter\"}\n");

        DryRunTestExports.Result result = DryRunTestExports.run(
                "--input",
                in.toString(),
                "--out",
                dir.resolve("out").toString(),
                "--max-resources-per-patient",
                "100",
                "--max-line-bytes",
                "4000");

        assertThat(result.exit()).as(result.console()).isZero();
        assertThat(result.console())
                .contains("could not be read and were skipped")
                .doesNotContain("Exception", "\tat ");
        JsonNode summary =
                ExportFixture.JSON.readTree(dir.resolve("out/summary.json").toFile());
        Map<String, JsonNode> byReason = new HashMap<>();
        summary.get("unreadable")
                .forEach(row -> byReason.put(
                        row.get("resourceType").asText() + ": "
                                + row.get("reason").asText(),
                        row));
        assertThat(byReason.get("Condition: not JSON").get("examples").get(0).asText())
                .isEqualTo("Condition.ndjson:2");
        assertThat(byReason.get("Condition: no subject or patient")
                        .get("examples")
                        .get(0)
                        .asText())
                .isEqualTo("Condition.ndjson:3");
        assertThat(byReason.get("Condition: its subject has no Patient resource in the export (not decided)")
                        .get("count")
                        .asInt())
                .isEqualTo(1);
        JsonNode truncated =
                byReason.get("Observation: file ends early (truncated gzip): the rest of the file is " + "not read");
        assertThat(truncated.get("count").asInt()).isEqualTo(1);
        assertThat(truncated.get("examples").get(0).asText()).startsWith("Observation.000.ndjson.gz:");
        assertThat(byReason.get("Observation: over the cap of 100 resources per patient (dropped)")
                        .get("count")
                        .asInt())
                .isEqualTo(401); // 500 observations + 1 condition, 100 kept
        assertThat(byReason.get("Patient: line longer than 4000 bytes (skipped)")
                        .get("examples")
                        .get(0)
                        .asText())
                .isEqualTo("Patient.ndjson:4");
        assertThat(summary.at("/droppedOverCap/patients").asInt()).isEqualTo(1);
        assertThat(summary.at("/droppedOverCap/resources").asInt()).isEqualTo(401);
        assertThat(summary.get("ignoredFiles").toString()).contains("Encounter.ndjson");
        assertThat(summary.get("patients").asInt())
                .as("a, b and many are decided")
                .isEqualTo(3);
        long readFromTruncated = summary.get("resourcesRead").asLong() - 4 - 5 - 500 - 0;
        assertThat(readFromTruncated).as("the lines before the cut were read").isBetween(1L, 1_999L);
    }

    @Test
    void badArgumentsGiveTheUsageAndExitCode2(@TempDir Path dir) throws Exception {
        DryRunTestExports.Result missing = DryRunTestExports.run("--out", dir.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.console()).contains("--input and --out are required", "usage: java -jar");

        DryRunTestExports.Result instant = DryRunTestExports.run(
                "--input", dir.toString(), "--out", dir.resolve("o").toString(), "--as-of", "yesterday");
        assertThat(instant.exit()).isEqualTo(2);
        assertThat(instant.console().lines().findFirst().orElseThrow())
                .isEqualTo(
                        "dry-run: --as-of must be an ISO " + "instant such as 2026-11-27T04:22:50Z, not 'yesterday'");

        DryRunTestExports.Result notAFolder = DryRunTestExports.run(
                "--input",
                dir.resolve("nope").toString(),
                "--out",
                dir.resolve("o").toString());
        assertThat(notAFolder.exit()).isEqualTo(2);
        assertThat(notAFolder.console()).startsWith("dry-run: --input ").contains("is not a folder");

        DryRunTestExports.Result cap = DryRunTestExports.run(
                "--input", dir.toString(), "--out", dir.toString(), "--max-resources-per-patient", "-5");
        assertThat(cap.exit()).isEqualTo(2);

        Files.writeString(dir.resolve("notes.txt"), "not an export");
        DryRunTestExports.Result empty = DryRunTestExports.run(
                "--input", dir.toString(), "--out", dir.resolve("o").toString());
        assertThat(empty.exit()).isEqualTo(1);
        assertThat(empty.console().strip())
                .startsWith("dry-run: no NDJSON files of Patient")
                .doesNotContain("\n");
    }
}
