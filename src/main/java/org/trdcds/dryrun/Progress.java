package org.trdcds.dryrun;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Supplier;

/** A console line every few seconds while a pass runs: what is done, the rate, and the time left. */
final class Progress implements AutoCloseable {

    private final Thread thread;
    private volatile boolean done;

    /** @param line the line to print, given the seconds since start */
    Progress(PrintStream console, long intervalMillis, java.util.function.LongFunction<String> line) {
        long start = System.nanoTime();
        thread = new Thread(
                () -> {
                    while (!done) {
                        try {
                            Thread.sleep(intervalMillis);
                        } catch (InterruptedException e) {
                            return;
                        }
                        if (!done) {
                            console.println(line.apply((System.nanoTime() - start) / 1_000_000L));
                        }
                    }
                },
                "dry-run-progress");
        thread.setDaemon(true);
        thread.start();
    }

    /** "12,345 of 100,000 patients, 312/s, about 4 min 56 s left". */
    static String patients(long done, long total, long millis) {
        double rate = millis == 0 ? 0 : done * 1000.0 / millis;
        String left = rate <= 0 ? "?" : duration((long) ((total - done) / rate));
        return String.format(
                Locale.ROOT, "  decided %,d of %,d patients, %.0f patients/s, about %s left", done, total, rate, left);
    }

    static String scanned(long lines, long bytes, long millis, Supplier<String> files) {
        double mb = bytes / 1e6;
        return String.format(
                Locale.ROOT,
                "  read %,d lines, %.0f MB (%.0f MB/s), %s",
                lines,
                mb,
                millis == 0 ? 0 : mb * 1000 / millis,
                files.get());
    }

    static String duration(long seconds) {
        return seconds >= 60 ? seconds / 60 + " min " + seconds % 60 + " s" : seconds + " s";
    }

    @Override
    public void close() {
        done = true;
        thread.interrupt();
    }
}
