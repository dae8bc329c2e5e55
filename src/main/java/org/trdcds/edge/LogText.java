package org.trdcds.edge;

/**
 * The one sanitiser of caller-supplied text for a log line or an error message (used by {@code hooks} and
 * {@code security} alike): control and non-ASCII characters become '?' (no forged log lines, no terminal escapes),
 * and the length is bounded.
 */
public final class LogText {

    /** Most characters kept of one caller-supplied value (an id, an issuer, a key id, a path, a Host name). */
    public static final int MAX_LENGTH = 120;

    /** Most characters kept of a whole message. */
    public static final int MAX_LINE_LENGTH = 300;

    private LogText() {}

    /** One caller-supplied value: printable ASCII only, {@value #MAX_LENGTH} characters at most. */
    public static String of(String value) {
        return neutral(value, MAX_LENGTH);
    }

    /** A whole message (ours, possibly with caller text in it): printable ASCII only, {@value #MAX_LINE_LENGTH} at most. */
    public static String line(String value) {
        return neutral(value, MAX_LINE_LENGTH);
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
