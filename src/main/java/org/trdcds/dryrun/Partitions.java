package org.trdcds.dryrun;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The export's lines spilled to disk by patient: line {@code patientId TAB resourceType TAB json} goes to partition
 * hash(patientId) mod n, so that each partition holds whole patients and can be grouped in memory on its own. Writes
 * are thread-safe (one lock per partition).
 */
final class Partitions implements AutoCloseable {

    private static final int BUFFER = 1 << 14;

    private final Path dir;
    private final OutputStream[] out;
    private final long[] bytes;

    Partitions(Path dir, int count) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.out = new OutputStream[count];
        this.bytes = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = new BufferedOutputStream(Files.newOutputStream(file(i)), BUFFER);
        }
    }

    int count() {
        return out.length;
    }

    Path file(int index) {
        return dir.resolve("partition-" + index + ".tsv");
    }

    long bytes(int index) {
        return bytes[index];
    }

    static int index(String patientId, int count) {
        int h = patientId.hashCode();
        h ^= (h >>> 16);
        h *= 0x45d9f3b;
        h ^= (h >>> 16);
        return Math.floorMod(h, count);
    }

    /**
     * Copies the line's bytes as they are, or when {@code kept} is given (pairs of start and end offsets of the
     * object's members to keep) the object of those members only; never re-serialised.
     */
    void write(String patientId, String resourceType, byte[] json, int len, int[] kept) {
        int i = index(patientId, out.length);
        byte[] head = (patientId + '\t' + resourceType + '\t').getBytes(StandardCharsets.UTF_8);
        OutputStream stream = out[i];
        synchronized (stream) {
            try {
                stream.write(head);
                long written = head.length + 1L;
                if (kept == null) {
                    stream.write(json, 0, len);
                    written += len;
                } else {
                    stream.write('{');
                    for (int m = 0; m < kept.length; m += 2) {
                        if (m > 0) {
                            stream.write(',');
                        }
                        stream.write(json, kept[m], kept[m + 1] - kept[m]);
                        written += kept[m + 1] - kept[m] + 1;
                    }
                    stream.write('}');
                    written += 1;
                }
                stream.write('\n');
                bytes[i] += written;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the temporary partition " + file(i), e);
            }
        }
    }

    /** Flushes and closes every partition file (they stay on disk for the second pass). */
    @Override
    public void close() throws IOException {
        for (OutputStream stream : out) {
            synchronized (stream) {
                stream.close();
            }
        }
    }
}
