package org.trdcds.dryrun;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * First pass: every line of every file, once. Counts the codes for coverage, skips (and counts) what cannot be
 * read, and spills each line the patient-view decision may read to its patient's partition. Observations and
 * Procedures are kept only when a coding is in a value set (the prefetch queries them by value-set codes, so the
 * hook never sees the others). Thread-safe: files are scanned in parallel.
 */
final class ExportScan {

    private final Coverage coverage;
    private final Partitions partitions;
    private final int maxLineBytes;
    final LongAdder lines = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final LongAdder kept = new LongAdder();
    final LongAdder notQueried = new LongAdder();
    final LongAdder patients = new LongAdder();
    final LongAdder medicationByReference = new LongAdder();

    ExportScan(Coverage coverage, Partitions partitions, int maxLineBytes) {
        this.coverage = coverage;
        this.partitions = partitions;
        this.maxLineBytes = maxLineBytes;
    }

    void scan(ExportFiles.ExportFile file) {
        long lineNumber = 0;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file.path()), 1 << 16);
                InputStream in = file.gzip() ? new GZIPInputStream(raw, 1 << 16) : raw) {
            NdjsonLines reader = new NdjsonLines(in, maxLineBytes);
            for (int len = reader.next(); len != NdjsonLines.END; len = reader.next()) {
                lineNumber = reader.lineNumber();
                lines.increment();
                if (len == NdjsonLines.TOO_LONG) {
                    coverage.problem(
                            file.type(),
                            "line longer than " + maxLineBytes + " bytes (skipped)",
                            where(file, lineNumber));
                    continue;
                }
                bytes.add(len);
                if (len > 0 && !blank(reader.line(), len)) {
                    line(file, lineNumber, reader.line(), len);
                }
            }
        } catch (EOFException e) {
            coverage.problem(
                    file.type(),
                    "file ends early (truncated gzip): the rest of the file is not read",
                    where(file, lineNumber + 1));
        } catch (ZipException e) {
            coverage.problem(
                    file.type(), "not a readable gzip file (" + e.getMessage() + ")", where(file, lineNumber + 1));
        } catch (IOException e) {
            coverage.problem(
                    file.type(),
                    "cannot read the file (" + e.getClass().getSimpleName() + ")",
                    where(file, lineNumber + 1));
        }
    }

    private void line(ExportFiles.ExportFile file, long lineNumber, byte[] json, int len) {
        LineScan scan = LineScan.of(json, len);
        String type = scan.resourceType() != null ? scan.resourceType() : file.type();
        if (scan.resourceType() == null || scan.unreadable()) {
            coverage.problem(type, scan.problem(), where(file, lineNumber));
            return;
        }
        for (LineScan.Coding coding : scan.codings()) {
            coverage.count(type, coding);
        }
        if ("Medication".equals(type)) {
            return;
        }
        if (!ExportFiles.PATIENT_TYPES.contains(type)) {
            coverage.problem(
                    type,
                    "a resource type the decision does not read (in " + file.type() + " file)",
                    where(file, lineNumber));
            return;
        }
        if (scan.problem() != null) {
            coverage.problem(type, scan.problem(), where(file, lineNumber));
            return;
        }
        if (!queried(type, scan.codings(), coverage)) {
            notQueried.increment();
            return;
        }
        if (scan.medicationReference()) {
            medicationByReference.increment();
        }
        if ("Patient".equals(type)) {
            patients.increment();
        }
        kept.increment();
        partitions.write(scan.patientId(), type, json, len, scan.kept());
    }

    /**
     * Whether the patient-view prefetch would hold a resource of this type and codings: Observations and Procedures
     * only with a coding in a value set (they are queried by value-set codes), every other type the decision reads.
     */
    static boolean queried(String type, List<LineScan.Coding> codings, Coverage coverage) {
        return !("Observation".equals(type) || "Procedure".equals(type)) || coverage.anyInValueSet(codings);
    }

    private static boolean blank(byte[] line, int len) {
        for (int i = 0; i < len; i++) {
            if (line[i] != ' ' && line[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    static String where(ExportFiles.ExportFile file, long line) {
        return file.name() + ":" + line;
    }
}
