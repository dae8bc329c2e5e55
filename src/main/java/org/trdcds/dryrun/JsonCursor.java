package org.trdcds.dryrun;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A strict JSON reader over one NDJSON line's bytes, for the first pass: it validates every byte as Jackson's
 * default parser would (no comments, no single quotes, no leading zeros, escapes and UTF-8 lead bytes checked,
 * nesting at most {@value #MAX_DEPTH}) but builds nothing for what it skips, which is most of every line. About four
 * times cheaper than Jackson's streaming parser on FHIR NDJSON, where a line is a few hundred short tokens. Anything
 * that is not JSON throws {@link Malformed}.
 */
final class JsonCursor {

    /** Jackson's default limit of nesting (StreamReadConstraints), so both readers refuse the same lines. */
    static final int MAX_DEPTH = 1000;

    /** Not JSON (no stack trace: a malformed line is an expected input, counted and skipped). */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed() {
            super("not JSON", null, false, false);
        }
    }

    private static final Malformed MALFORMED = new Malformed();

    private final byte[] b;
    private final int end;
    private int pos;
    private byte[] stack;

    JsonCursor(byte[] bytes, int len) {
        this.b = bytes;
        this.end = len;
    }

    int pos() {
        return pos;
    }

    /** The next byte after whitespace, not consumed; -1 at the end of the line. */
    int peek() {
        while (pos < end) {
            int c = b[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return c & 0xff;
            }
            pos++;
        }
        return -1;
    }

    /** Consumes {@code c} (after whitespace) when it is next. */
    boolean next(int c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    void expect(int c) throws Malformed {
        if (!next(c)) {
            throw MALFORMED;
        }
    }

    /** A member name and its colon: the index of the name in {@code names} (UTF-8 bytes), or -1. */
    int name(byte[][] names) throws Malformed {
        if (peek() != '"') {
            throw MALFORMED;
        }
        int start = ++pos;
        boolean escaped = skipStringBody();
        int len = pos - 1 - start;
        byte[] name = escaped ? JsonText.decode(b, start, pos - 1).getBytes(StandardCharsets.UTF_8) : null;
        expect(':');
        for (int i = 0; i < names.length; i++) {
            byte[] candidate = names[i];
            if (escaped
                    ? Arrays.equals(candidate, name)
                    : candidate.length == len && Arrays.equals(b, start, start + len, candidate, 0, len)) {
                return i;
            }
        }
        return -1;
    }

    /** The string value that is next, or null (the value skipped) when the next value is not a string. */
    String stringOrSkip(int depth) throws Malformed {
        if (peek() != '"') {
            skipValue(depth);
            return null;
        }
        int start = ++pos;
        boolean escaped = skipStringBody();
        return escaped
                ? JsonText.decode(b, start, pos - 1)
                : new String(b, start, pos - 1 - start, StandardCharsets.UTF_8);
    }

    /**
     * Validates and passes one value of any kind. {@code depth} is the nesting the value is in (1 inside the line's
     * object), so that the limit counts from the line's start.
     */
    void skipValue(int depth) throws Malformed {
        int level = 0;
        while (true) {
            boolean closed = false;
            switch (peek()) {
                case '{' -> {
                    pos++;
                    push(depth + ++level, '}');
                    if (next('}')) {
                        level--;
                        closed = true;
                    } else {
                        skipName();
                    }
                }
                case '[' -> {
                    pos++;
                    push(depth + ++level, ']');
                    if (next(']')) {
                        level--;
                        closed = true;
                    }
                }
                case '"' -> {
                    pos++;
                    skipStringBody();
                    closed = true;
                }
                case 't' -> closed = literal("true");
                case 'f' -> closed = literal("false");
                case 'n' -> closed = literal("null");
                default -> closed = number();
            }
            // after a complete value: commas and closing brackets until the next value starts
            while (closed) {
                if (level == 0) {
                    return;
                }
                int close = stack[depth + level];
                if (next(',')) {
                    if (close == '}') {
                        skipName();
                    }
                    closed = false;
                } else if (next(close)) {
                    level--;
                } else {
                    throw MALFORMED;
                }
            }
        }
    }

    /** Whether a valid value starts next (what Jackson reads as a second root value rather than an error). */
    boolean valueStarts() {
        int c = peek();
        return c == '{'
                || c == '['
                || c == '"'
                || c == '-'
                || (c >= '0' && c <= '9')
                || (c == 't' && matches("true"))
                || (c == 'f' && matches("false"))
                || (c == 'n' && matches("null"));
    }

    private void push(int level, int close) throws Malformed {
        if (level > MAX_DEPTH) {
            throw MALFORMED;
        }
        if (stack == null) {
            stack = new byte[MAX_DEPTH + 1];
        }
        stack[level] = (byte) close;
    }

    private void skipName() throws Malformed {
        if (peek() != '"') {
            throw MALFORMED;
        }
        pos++;
        skipStringBody();
        expect(':');
    }

    /** From after an opening quote to after the closing one; whether the string holds escapes. */
    private boolean skipStringBody() throws Malformed {
        boolean escaped = false;
        byte[] b = this.b;
        int p = pos;
        int e = end;
        while (true) {
            p = JsonText.plainRun(b, p, e); // whole words of printable ASCII but the quote and the backslash
            while (true) { // then byte by byte up to and including the next byte that needs a look
                if (p >= e) {
                    throw MALFORMED;
                }
                int c = b[p++]; // signed: bytes of 0x80 and above are negative
                if (c >= 0x23 && c != '\\') {
                    continue; // printable ASCII but the quote
                }
                if (c == '"') {
                    pos = p;
                    return escaped;
                }
                if (c == ' ' || c == '!') {
                    continue;
                }
                pos = p;
                if (c == '\\') {
                    escaped = true;
                    escape();
                } else if (c >= 0) {
                    throw MALFORMED; // a control character
                } else {
                    utf8(c & 0xff);
                }
                p = pos;
                break;
            }
        }
    }

    private void utf8(int lead) throws Malformed {
        int more = JsonText.continuations(lead);
        if (more < 0 || pos + more > end) {
            throw MALFORMED;
        }
        for (int i = 0; i < more; i++) {
            if ((b[pos++] & 0xC0) != 0x80) {
                throw MALFORMED;
            }
        }
    }

    private void escape() throws Malformed {
        if (pos >= end) {
            throw MALFORMED;
        }
        switch (b[pos++]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {}
            case 'u' -> {
                if (pos + 4 > end) {
                    throw MALFORMED;
                }
                for (int i = 0; i < 4; i++) {
                    if (Character.digit(b[pos++], 16) < 0) {
                        throw MALFORMED;
                    }
                }
            }
            default -> throw MALFORMED;
        }
    }

    private boolean literal(String word) throws Malformed {
        if (!matches(word)) {
            throw MALFORMED;
        }
        pos += word.length();
        return true;
    }

    private boolean matches(String word) {
        if (pos + word.length() > end) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (b[pos + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean number() throws Malformed {
        int after = JsonText.numberEnd(b, pos, end);
        if (after < 0) {
            throw MALFORMED;
        }
        pos = after;
        return true;
    }
}
