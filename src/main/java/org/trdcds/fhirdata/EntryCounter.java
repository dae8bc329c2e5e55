package org.trdcds.fhirdata;

/**
 * Counts the entries of a Bundle as its bytes stream past, without parsing: for JSON, the objects directly inside the
 * top-level object's "entry" array (a key spelt with escapes counts as "entry", so escaping cannot hide entries); for
 * XML, every {@code <entry>} start tag (nested ones too: an over-count only makes the bound stricter).
 */
abstract class EntryCounter {

    protected long count;

    /** Feeds the next bytes; returns the entries counted so far. */
    abstract long feed(byte[] bytes, int offset, int length);

    static EntryCounter json() {
        return new Json();
    }

    static EntryCounter xml() {
        return new Xml();
    }

    private static final class Json extends EntryCounter {
        private int depth;
        private boolean inString;
        private boolean escape;
        private boolean stringAtTop; // the current string is inside the top-level object
        private final StringBuilder key = new StringBuilder(8);
        private boolean keyEscaped;
        private boolean lastKeyIsEntry;
        private boolean afterColon;
        private int entryArrayDepth = -1;

        @Override
        long feed(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                char c = (char) (bytes[i] & 0xff);
                if (inString) {
                    string(c);
                    continue;
                }
                switch (c) {
                    case '"' -> {
                        inString = true;
                        stringAtTop = depth == 1 && !afterColon;
                        key.setLength(0);
                        keyEscaped = false;
                    }
                    case ':' -> afterColon = true;
                    case ',' -> afterColon = false;
                    case '{', '[' -> {
                        if (c == '{' && depth == entryArrayDepth) {
                            count++;
                        }
                        if (c == '[' && depth == 1 && afterColon && lastKeyIsEntry && entryArrayDepth < 0) {
                            entryArrayDepth = depth + 1;
                        }
                        depth++;
                        afterColon = false;
                    }
                    case '}', ']' -> {
                        depth--;
                        if (depth < entryArrayDepth) {
                            entryArrayDepth = -1;
                        }
                        afterColon = false;
                    }
                    default -> {
                        // whitespace, numbers, literals
                    }
                }
            }
            return count;
        }

        private void string(char c) {
            if (escape) {
                escape = false;
                return;
            }
            if (c == '\\') {
                escape = true;
                keyEscaped = true;
                return;
            }
            if (c == '"') {
                inString = false;
                if (stringAtTop) {
                    lastKeyIsEntry = keyEscaped || "entry".contentEquals(key);
                }
                return;
            }
            if (stringAtTop && key.length() < 6) {
                key.append(c);
            }
        }
    }

    private static final class Xml extends EntryCounter {
        private static final byte[] TAG = "<entry".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        private int matched;

        @Override
        long feed(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                byte b = bytes[i];
                if (matched == TAG.length) {
                    if (b == '>' || b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '/') {
                        count++;
                    }
                    matched = 0;
                }
                if (b == TAG[matched]) {
                    matched++;
                } else {
                    matched = b == TAG[0] ? 1 : 0;
                }
            }
            return count;
        }
    }
}
