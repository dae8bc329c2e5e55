package org.trdcds.dryrun;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of an NDJSON stream as bytes, each at most {@code maxLineBytes} long: a longer line is skipped (read to
 * its end, never held) and reported as such, so one huge line cannot exhaust the heap. Line numbers count from 1.
 */
final class NdjsonLines {

    /** {@link #next()} for a line longer than the limit (skipped). */
    static final int TOO_LONG = -2;
    /** {@link #next()} at the end of the stream. */
    static final int END = -1;

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPos;
    private int chunkLen;
    private byte[] line = new byte[1 << 14];
    private long lineNumber;

    NdjsonLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The current line's bytes (valid up to the length {@link #next()} returned, until the next call). */
    byte[] line() {
        return line;
    }

    long lineNumber() {
        return lineNumber;
    }

    /** The length of the next line (without its line break), {@link #TOO_LONG} or {@link #END}. */
    int next() throws IOException {
        int len = 0;
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (chunkPos == chunkLen) {
                chunkLen = in.read(chunk, 0, chunk.length);
                chunkPos = 0;
                if (chunkLen <= 0) {
                    chunkLen = 0;
                    if (!any) {
                        return END;
                    }
                    lineNumber++;
                    return tooLong ? TOO_LONG : trimCr(len);
                }
            }
            any = true;
            int start = chunkPos;
            int end = start;
            while (end < chunkLen && chunk[end] != '\n') {
                end++;
            }
            int n = end - start;
            if (!tooLong) {
                if (len + n > maxLineBytes) {
                    tooLong = true;
                } else {
                    if (len + n > line.length) {
                        line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(line.length * 2, len + n)));
                    }
                    System.arraycopy(chunk, start, line, len, n);
                    len += n;
                }
            }
            chunkPos = end;
            if (end < chunkLen) { // the line break
                chunkPos++;
                lineNumber++;
                return tooLong ? TOO_LONG : trimCr(len);
            }
        }
    }

    private int trimCr(int len) {
        return len > 0 && line[len - 1] == '\r' ? len - 1 : len;
    }
}
