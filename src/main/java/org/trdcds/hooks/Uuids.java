package org.trdcds.hooks;

import java.util.UUID;
import java.util.regex.Pattern;

/** Strict UUID reading (java.util.UUID.fromString alone accepts "1-1-1-1-1"). */
final class Uuids {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {}

    /** The UUID, or null when the text is not one. */
    static UUID parse(String text) {
        return text != null && UUID_TEXT.matcher(text).matches() ? UUID.fromString(text) : null;
    }
}
