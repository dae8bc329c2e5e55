package org.trdcds.dryrun;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The text side of {@link JsonCursor}: runs of plain string bytes, UTF-8 lead bytes and the decoding of a string with
 * escapes.
 */
final class JsonText {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private JsonText() {}

    /**
     * From {@code p}, the start of the first 8-byte word holding a byte that needs a look (a quote, a backslash, a
     * control character or a byte of 0x80 and above), or of the last, shorter stretch: every byte before it is
     * printable ASCII. Eight bytes per test (the "has a byte less than n" bit tricks over a long, exact for n of at
     * most 128), as most of a FHIR line is the plain text of strings.
     */
    static int plainRun(byte[] b, int p, int e) {
        long high = 0x8080808080808080L;
        long ones = 0x0101010101010101L;
        while (p + 8 <= e) {
            long w = (long) LONGS.get(b, p);
            long quote = w ^ 0x2222222222222222L;
            long backslash = w ^ 0x5C5C5C5C5C5C5C5CL;
            long special = (w
                            | ((w - 0x2020202020202020L) & ~w)
                            | ((quote - ones) & ~quote)
                            | ((backslash - ones) & ~backslash))
                    & high;
            if (special != 0) {
                return p;
            }
            p += 8;
        }
        return p;
    }

    /** How many continuation bytes follow a UTF-8 lead byte (as Jackson's tables say), or -1 for no lead byte. */
    static int continuations(int lead) {
        return lead >= 0xC0 && lead <= 0xDF
                ? 1
                : lead >= 0xE0 && lead <= 0xEF ? 2 : lead >= 0xF0 && lead <= 0xF7 ? 3 : -1;
    }

    /** The text of a string with escapes (already validated), from its first byte to its closing quote. */
    static String decode(byte[] b, int from, int to) {
        StringBuilder text = new StringBuilder(to - from);
        int run = from;
        int i = from;
        while (i < to) {
            if (b[i] != '\\') {
                i++;
                continue;
            }
            text.append(new String(b, run, i - run, StandardCharsets.UTF_8));
            char c = (char) b[i + 1];
            switch (c) {
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' ->
                    text.append((char) Integer.parseInt(new String(b, i + 2, 4, StandardCharsets.US_ASCII), 16));
                default -> text.append(c);
            }
            i += c == 'u' ? 6 : 2;
            run = i;
        }
        return text.append(new String(b, run, to - run, StandardCharsets.UTF_8)).toString();
    }

    /**
     * The end of the number that starts at {@code pos}, -1 when none does: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?
     * [0-9]+)?, at most 1,000 characters long (Jackson's default limit).
     */
    static int numberEnd(byte[] b, int pos, int end) {
        int start = pos;
        if (pos < end && b[pos] == '-') {
            pos++;
        }
        int after = pos < end && b[pos] == '0' ? pos + 1 : digits(b, pos, end);
        if (after == pos) {
            return -1;
        }
        pos = after;
        if (pos < end && b[pos] == '.') {
            after = digits(b, ++pos, end);
            if (after == pos) {
                return -1;
            }
            pos = after;
        }
        if (pos < end && (b[pos] == 'e' || b[pos] == 'E')) {
            pos++;
            if (pos < end && (b[pos] == '+' || b[pos] == '-')) {
                pos++;
            }
            after = digits(b, pos, end);
            if (after == pos) {
                return -1;
            }
            pos = after;
        }
        return pos - start > 1000 ? -1 : pos;
    }

    private static int digits(byte[] b, int pos, int end) {
        while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
            pos++;
        }
        return pos;
    }
}
