package org.trdcds.dryrun;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.trdcds.knowledge.KnowledgeLoadException;

/**
 * {@code java -jar trd-cds-hooks.jar dry-run ...}: the go-live dry run without the web server. Exit codes: 0 done
 * (records that could not be read are counted in the summary), 2 bad arguments (usage printed), 1 the run could not
 * be done (one line saying why: no export files, unreadable knowledge, a full disk, too little memory).
 */
public final class DryRunCommand {

    public static final String NAME = "dry-run";

    private DryRunCommand() {}

    /** @param args the arguments after "dry-run" */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        DryRunOptions options;
        try {
            options = DryRunOptions.parse(args);
            if (!Files.isDirectory(options.input())) {
                throw new IllegalArgumentException("--input " + options.input() + " is not a folder");
            }
        } catch (IllegalArgumentException e) {
            err.println("dry-run: " + e.getMessage());
            err.println(DryRunOptions.USAGE);
            return 2;
        }
        try {
            ExportFiles files = ExportFiles.in(options.input());
            if (files.read().isEmpty()) {
                err.println("dry-run: no NDJSON files of " + String.join(", ", ExportFiles.TYPES) + " in "
                        + options.input() + " (expected e.g. Patient.ndjson, Observation.000.ndjson.gz)");
                return 1;
            }
            Map<String, Object> summary = new DryRun(options, out).run(files);
            long unreadable = ((java.util.List<?>) summary.get("unreadable"))
                    .stream()
                            .mapToLong(row -> ((Number) ((Map<?, ?>) row).get("count")).longValue())
                            .sum();
            out.printf(
                    Locale.ROOT,
                    "done: %,d patients in %s s (%s patients/s, peak heap %s MB); %s in %s%n",
                    summary.get("patients"),
                    summary.get("elapsedSeconds"),
                    summary.get("patientsPerSecond"),
                    summary.get("peakHeapMB"),
                    "summary.json, report.html, cards.ndjson",
                    options.out().toAbsolutePath());
            if (unreadable > 0) {
                out.printf(
                        Locale.ROOT,
                        "%,d records could not be read and were skipped: see \"unreadable\" in " + "summary.json%n",
                        unreadable);
            }
            return 0;
        } catch (KnowledgeLoadException e) {
            err.println("dry-run: the knowledge cannot be loaded: " + e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            err.println("dry-run: " + (e.getCause() != null ? e.getCause() : e));
        } catch (OutOfMemoryError e) {
            err.println("dry-run: out of memory: give the JVM more heap (-Xmx) or lower --max-resources-per-patient,"
                    + " or raise --partitions");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("dry-run: interrupted");
        } catch (RuntimeException e) {
            err.println("dry-run: stopped: " + e);
        }
        return 1;
    }

    /** Only warnings and errors of the libraries on the console; the progress lines are the dry run's own. */
    private static void quietLogging() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    /** @param args the command line, starting with "dry-run" (as the application's main receives it) */
    public static void main(String[] args) {
        quietLogging();
        System.exit(run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
    }
}
