package org.trdcds.security;

/** Caller-supplied text made safe for one log line: printable ASCII only, bounded length. */
final class LogSafe {

    private static final int MAX_LENGTH = 120;

    private LogSafe() {}

    static String text(String value) {
        if (value == null) {
            return "-";
        }
        String printable = value.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() <= MAX_LENGTH ? printable : printable.substring(0, MAX_LENGTH) + "...";
    }
}
