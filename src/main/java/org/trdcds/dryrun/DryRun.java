package org.trdcds.dryrun;

import ca.uhn.fhir.context.FhirContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.trdcds.cards.TemplateCardRenderer;
import org.trdcds.criteria.DecisionFactory;
import org.trdcds.fhirdata.HapiFactExtractor;
import org.trdcds.knowledge.Knowledge;
import org.trdcds.knowledge.KnowledgeFiles;
import org.trdcds.knowledge.KnowledgeLoader;
import org.trdcds.knowledge.LoadedKnowledge;
import org.trdcds.patientcards.PatientCards;

/**
 * The go-live dry run: a bulk $export in, every patient decided as patient-view would decide at one instant, the
 * cards counted per topic, the export's coverage by the knowledge, out. Two passes with bounded memory: the export is
 * spilled to partition files by patient ({@link ExportScan}), then each partition is grouped and decided
 * ({@link PatientPass}). Wired like the service (same knowledge, renderer, decision, extractor), without Spring.
 */
public final class DryRun {

    private static final long PARTITION_TARGET_BYTES = 128L << 20;

    private final DryRunOptions options;
    private final PrintStream console;
    private double cpuAfterPass1;
    private final HeapPeak heapPeak = new HeapPeak();

    DryRun(DryRunOptions options, PrintStream console) {
        this.options = options;
        this.console = console;
    }

    /** @return the summary written to summary.json */
    Map<String, Object> run(ExportFiles files) throws IOException, InterruptedException {
        long start = System.nanoTime();
        FhirContext fhir = FhirContext.forR4();
        LoadedKnowledge loaded = KnowledgeLoader.load(
                options.knowledgeDir() == null
                        ? KnowledgeFiles.fromClasspath()
                        : KnowledgeFiles.fromDirectory(options.knowledgeDir()),
                fhir);
        Knowledge knowledge = loaded.knowledge();
        PatientCards patientCards = new PatientCards(
                new HapiFactExtractor(),
                new DecisionFactory(knowledge).at(Clock.fixed(options.asOf(), ZoneOffset.UTC)),
                new TemplateCardRenderer(knowledge, loaded.templates()));
        Files.createDirectories(options.out());
        Coverage coverage = new Coverage(knowledge, 200_000);
        Tally tally = new Tally();
        int partitionCount = options.partitions() > 0
                ? options.partitions()
                : (int) Math.max(4, Math.min(1024, files.estimatedBytes() / PARTITION_TARGET_BYTES + 1));
        Path temp = Files.createTempDirectory(options.out().toAbsolutePath(), ".dry-run-partitions-");
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        try {
            console.printf(
                    Locale.ROOT,
                    "dry run as of %s, knowledge %s: %d files (%,d MB), %d partitions, %d threads%n",
                    options.asOf(),
                    knowledge.version(),
                    files.read().size(),
                    files.read().stream()
                                    .mapToLong(ExportFiles.ExportFile::size)
                                    .sum()
                            >> 20,
                    partitionCount,
                    options.threads());
            Partitions partitions = new Partitions(temp, partitionCount);
            ExportScan scan = new ExportScan(coverage, partitions, options.maxLineBytes());
            try (partitions) {
                AtomicInteger filesDone = new AtomicInteger();
                try (Progress progress = new Progress(
                        console,
                        5000,
                        millis -> Progress.scanned(
                                scan.lines.sum(),
                                scan.bytes.sum(),
                                millis,
                                () -> filesDone.get() + " of " + files.read().size() + " files"))) {
                    all(
                            pool,
                            files.read().stream()
                                    .map(file -> (Runnable) () -> {
                                        scan.scan(file);
                                        filesDone.incrementAndGet();
                                    })
                                    .toList());
                }
            }
            cpuAfterPass1 = processCpuSeconds();
            long total = scan.patients.sum();
            console.printf(
                    Locale.ROOT,
                    "pass 1 done: %,d lines read, %,d kept for %,d patients%n",
                    scan.lines.sum(),
                    scan.kept.sum(),
                    total);
            try (Writer cardsOut = new BufferedWriter(
                    Files.newBufferedWriter(options.out().resolve("cards.ndjson"), StandardCharsets.UTF_8), 1 << 16)) {
                PatientPass pass = new PatientPass(
                        fhir, patientCards, coverage, tally, cardsOut, options.maxResourcesPerPatient());
                long pass2 = System.nanoTime();
                try (Progress progress =
                        new Progress(console, 5000, millis -> Progress.patients(tally.patients.sum(), total, millis))) {
                    all(
                            pool,
                            PatientPass.order(partitions).stream()
                                    .map(i -> (Runnable) () -> {
                                        try {
                                            pass.process(partitions.file(i));
                                        } catch (IOException e) {
                                            throw new UncheckedIOException(e);
                                        }
                                    })
                                    .toList());
                }
                console.println(Progress.patients(
                                tally.patients.sum(), tally.patients.sum(), (System.nanoTime() - pass2) / 1_000_000L)
                        .replace("about 0 s left", "done"));
                cardsOut.flush();
                return finish(scan, pass, coverage, tally, knowledge, files, start);
            }
        } finally {
            heapPeak.close();
            pool.shutdownNow();
            deleteTree(temp);
        }
    }

    private Map<String, Object> finish(
            ExportScan scan,
            PatientPass pass,
            Coverage coverage,
            Tally tally,
            Knowledge knowledge,
            ExportFiles files,
            long start)
            throws IOException {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("resourcesRead", scan.lines.sum());
        run.put("observationsAndProceduresNotQueried", scan.notQueried.sum());
        run.put("medicationByReferenceOnly", scan.medicationByReference.sum());
        run.put("droppedOverCap", Map.of("patients", pass.patientsOverCap.sum(), "resources", pass.dropped.sum()));
        run.put("maxResourcesPerPatient", options.maxResourcesPerPatient());
        run.put("codesBeyondTableCap", coverage.codesBeyondCap());
        run.put("ignoredFiles", files.ignored());
        double elapsed = (System.nanoTime() - start) / 1e9;
        run.put("elapsedSeconds", Math.round(elapsed * 10) / 10.0);
        run.put("patientsPerSecond", Math.round(tally.patients.sum() / Math.max(elapsed, 1e-3)));
        run.put("peakHeapMB", heapPeak.megabytes());
        double cpu = processCpuSeconds();
        run.put(
                "cpuSeconds",
                Map.of("scanAndSpill", Math.round(cpuAfterPass1 * 10) / 10.0, "total", Math.round(cpu * 10) / 10.0));
        Map<String, Tally.Counts> byTopic = tally.byTopic();
        Map<String, Object> summary = Report.summary(
                tally.patients.sum(), options.asOf().toString(), knowledge.version(), byTopic, coverage, run);
        Report.writeSummary(options.out().resolve("summary.json"), summary);
        Report.writeHtml(options.out().resolve("report.html"), summary, byTopic);
        return summary;
    }

    /** Runs the tasks on the pool and waits for all; the first failure is rethrown. */
    private static void all(ExecutorService pool, List<Runnable> tasks) throws InterruptedException {
        List<Future<?>> futures = new ArrayList<>();
        tasks.forEach(task -> futures.add(pool.submit(task)));
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** CPU seconds of the whole process so far (all threads, GC and JIT included), or 0 when not available. */
    static double processCpuSeconds() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e9
                : 0;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: the folder is named .dry-run-partitions-* under --out
        }
    }
}
