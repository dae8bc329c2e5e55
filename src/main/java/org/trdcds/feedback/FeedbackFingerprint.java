package org.trdcds.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.TreeSet;

/** SHA-256 (hex) of everything a feedback entry says: two entries with the same fingerprint are the same feedback. */
final class FeedbackFingerprint {

    private FeedbackFingerprint() {}

    static String of(FeedbackEntry entry) {
        FeedbackEntry.OverrideReason override = entry.overrideReason();
        FeedbackEntry.Coding reason = override == null ? null : override.reason();
        StringBuilder text = new StringBuilder()
                .append(entry.card())
                .append('\u0000')
                .append(entry.outcome().code())
                .append('\u0000')
                .append(entry.outcomeTimestamp().toEpochMilli())
                .append('\u0000')
                .append(new TreeSet<>(entry.acceptedSuggestions().stream()
                        .map(Object::toString)
                        .toList()))
                .append('\u0000');
        if (override != null) {
            text.append(
                            reason == null
                                    ? "-"
                                    : reason.system()
                                            + '\u0001'
                                            + reason.code()
                                            + '\u0001'
                                            + Objects.toString(reason.display(), "-"))
                    .append('\u0000')
                    .append(Objects.toString(override.userComment(), "-"));
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
