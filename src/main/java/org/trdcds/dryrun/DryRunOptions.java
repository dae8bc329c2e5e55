package org.trdcds.dryrun;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The command line of {@code dry-run}. {@link #parse} throws {@link IllegalArgumentException} with a one-line
 * message for anything wrong (the command prints it with the usage and exits 2).
 */
record DryRunOptions(
        Path input,
        Path out,
        Instant asOf,
        int maxResourcesPerPatient,
        int partitions,
        int threads,
        int maxLineBytes,
        Path knowledgeDir) {

    static final String USAGE = """
            usage: java -jar trd-cds-hooks.jar dry-run --input DIR --out DIR [--as-of INSTANT]
                   [--max-resources-per-patient N] [--partitions N] [--threads N] [--max-line-bytes N]
                   [--knowledge-dir DIR]
              --input DIR    the NDJSON files of a FHIR Bulk Data $export (Patient.ndjson, Observation.000.ndjson.gz, ...)
              --out DIR      where summary.json, report.html and cards.ndjson are written (created if missing)
              --as-of        the decision's 'now', an ISO instant (default: now), e.g. 2026-11-27T04:22:50Z
              --max-resources-per-patient  resources read per patient besides the Patient (default 20000; the rest
                             is counted as dropped)
              --partitions   temporary files the export is spilled into by patient (default: from the export's size)
              --threads      patients decided in parallel (default: the number of cores)
              --max-line-bytes  longest NDJSON line read (default 8388608; longer lines are counted and skipped)
              --knowledge-dir   a folder with fhir-profiles/ and cds-cards/ (default: the knowledge in the jar)""";

    static DryRunOptions parse(String[] args) {
        Path input = null;
        Path out = null;
        Instant asOf = null;
        int cap = 20_000;
        int partitions = 0;
        int threads = Runtime.getRuntime().availableProcessors();
        int maxLine = 8 << 20;
        Path knowledge = null;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + name + "'");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--input" -> input = Path.of(value);
                case "--out" -> out = Path.of(value);
                case "--as-of" -> asOf = instant(value);
                case "--max-resources-per-patient" -> cap = positive(name, value);
                case "--partitions" -> partitions = positive(name, value);
                case "--threads" -> threads = positive(name, value);
                case "--max-line-bytes" -> maxLine = positive(name, value);
                case "--knowledge-dir" -> knowledge = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (input == null || out == null) {
            throw new IllegalArgumentException("--input and --out are required");
        }
        return new DryRunOptions(
                input, out, asOf != null ? asOf : Instant.now(), cap, partitions, threads, maxLine, knowledge);
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "--as-of must be an ISO instant such as 2026-11-27T04:22:50Z, not '" + value + "'");
        }
    }

    private static int positive(String name, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException(name + " must be a positive whole number, not '" + value + "'");
    }
}
