package org.trdcds.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trdcds.dryrun.ExportFixture;

/**
 * Writes a FHIR Bulk Data $export of N Synthea-sized patients for bench/dry-run.sh: the Synthea fixtures cycled,
 * every copy with its ids shifted ("-g<copy>"), gzipped NDJSON files of at most 500,000 lines each (as $export
 * splits them: Observation.000.ndjson.gz, Observation.001.ndjson.gz, ...).
 * Usage: DryRunExportGenerator OUT_DIR [PATIENTS (default 100000)]
 */
public final class DryRunExportGenerator {

    private static final String MARK = "SHIFTMARK";

    private DryRunExportGenerator() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int patients = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        List<ExportFixture.Record> records = ExportFixture.synthea();
        // each record serialised once with a mark where the shift goes; a copy only replaces the mark
        List<List<String[]>> templates = new ArrayList<>();
        for (ExportFixture.Record record : records) {
            List<String[]> lines = new ArrayList<>();
            for (ObjectNode resource : ExportFixture.shifted(record, MARK)) {
                lines.add(new String[] {resource.get("resourceType").asText(), resource.toString()});
            }
            templates.add(lines);
        }
        long start = System.nanoTime();
        long written = 0;
        try (ExportFixture.Writer writer = new ExportFixture.Writer(out, true, 500_000)) {
            for (int i = 0; i < patients; i++) {
                String shift = "-g" + i;
                for (String[] line : templates.get(i % templates.size())) {
                    writer.write(line[0], line[1].replace(MARK, shift));
                    written++;
                }
                if ((i + 1) % 10_000 == 0) {
                    System.out.printf(
                            "%,d patients, %,d resources, %.0f s%n", i + 1, written, (System.nanoTime() - start) / 1e9);
                }
            }
        }
        System.out.printf(
                "wrote %,d patients (%,d resources) to %s in %.0f s%n",
                patients, written, out, (System.nanoTime() - start) / 1e9);
    }
}
