package org.trdcds.dryrun;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.trdcds.knowledge.KnowledgeFiles;
import org.trdcds.knowledge.KnowledgeLoader;

/**
 * The HAPI parse floor of the dry run, for docs/benchmarks.md: the CPU time HAPI takes to parse, whole, the lines the
 * dry run keeps (the resources the patient-view prefetch would hold for the same patients), per patient, on one warm
 * thread. The dry run's CPU per patient (bench/dry-run.sh) is compared with it, as the hook's request is with its
 * parse floor; and the CPU time to gunzip the whole export and split it into lines, which no reader of the export
 * avoids. Usage: DryRunParseFloor EXPORT_DIR [PATIENTS (default 1000)], on an export of
 * {@code DryRunExportGenerator} (patient ids end in "-g&lt;n&gt;").
 */
public final class DryRunParseFloor {

    private DryRunParseFloor() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int patients = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        FhirContext fhir = FhirContext.forR4();
        Coverage coverage = new Coverage(
                KnowledgeLoader.load(KnowledgeFiles.fromClasspath(), fhir).knowledge(), 10);
        List<String> kept = new ArrayList<>();
        for (ExportFiles.ExportFile file : ExportFiles.in(dir).read()) {
            try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file.path())))) {
                NdjsonLines lines = new NdjsonLines(in, 1 << 24);
                for (int len = lines.next(); len != NdjsonLines.END; len = lines.next()) {
                    LineScan scan = LineScan.of(lines.line(), len);
                    String type = scan.resourceType();
                    if (scan.patientId() == null
                            || !ExportFiles.PATIENT_TYPES.contains(type)
                            || copy(scan.patientId()) >= patients
                            || !ExportScan.queried(type, scan.codings(), coverage)) {
                        continue;
                    }
                    kept.add(new String(lines.line(), 0, len, StandardCharsets.UTF_8));
                }
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 2; round++) { // the other floor: gunzip and split the whole export into lines
            long cpu = threads.getCurrentThreadCpuTime();
            long lines = 0;
            for (ExportFiles.ExportFile file : ExportFiles.in(dir).read()) {
                try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file.path())))) {
                    NdjsonLines reader = new NdjsonLines(in, 1 << 24);
                    while (reader.next() != NdjsonLines.END) {
                        lines++;
                    }
                }
            }
            System.out.printf(
                    "gunzip + lines, round %d: %,d lines in %.0f CPU-ms%n",
                    round, lines, (threads.getCurrentThreadCpuTime() - cpu) / 1e6);
        }
        IParser parser = fhir.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false).disableAllErrors());
        for (int round = 1; round <= 5; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            int parsed = 0;
            for (String line : kept) {
                parsed += parser.parseResource(line) != null ? 1 : 0;
            }
            double ms = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
            System.out.printf(
                    "round %d: %,d resources of %,d patients parsed whole by HAPI in %.0f CPU-ms: %.2f CPU-ms per patient%n",
                    round, parsed, patients, ms, ms / patients);
        }
    }

    /** n of an id ending in "-g&lt;n&gt;" (the generator's copy), else a large number. */
    private static int copy(String patientId) {
        int at = patientId.lastIndexOf("-g");
        try {
            return at < 0 ? Integer.MAX_VALUE : Integer.parseInt(patientId.substring(at + 2));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
