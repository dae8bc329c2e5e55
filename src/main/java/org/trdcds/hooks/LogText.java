package org.trdcds.hooks;

/**
 * Caller-supplied text made safe for a log line or an error message: control and non-ASCII characters become '?'
 * (no forged log lines, no terminal escapes), and at most 64 characters are kept.
 */
final class LogText {

    static final int MAX_LENGTH = 64;

    private LogText() {}

    /** A whole message (ours, possibly with neutralised caller text in it): control characters out, 300 at most. */
    static String line(String value) {
        return neutral(value, 300);
    }

    static String of(String value) {
        return neutral(value, MAX_LENGTH);
    }

    private static String neutral(String value, int max) {
        if (value == null) {
            return "-";
        }
        int length = Math.min(value.length(), max);
        StringBuilder safe = new StringBuilder(length + 3);
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            safe.append(c >= 0x20 && c <= 0x7E ? c : '?');
        }
        return value.length() > max ? safe.append("...").toString() : safe.toString();
    }
}
