package org.trdcds.dryrun;

import java.nio.charset.StandardCharsets;

/** The text side of {@link JsonCursor}: UTF-8 lead bytes and the decoding of a string with escapes. */
final class JsonText {

    private JsonText() {}

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
