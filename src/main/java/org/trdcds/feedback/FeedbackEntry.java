package org.trdcds.feedback;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * One validated entry of a feedback call (CDS Hooks 2.0 array form).
 *
 * @param acceptedSuggestions suggestion uuids (only with outcome accepted)
 * @param overrideReason      only with outcome overridden; may be null
 */
public record FeedbackEntry(
        UUID card,
        Outcome outcome,
        Set<UUID> acceptedSuggestions,
        OverrideReason overrideReason,
        Instant outcomeTimestamp) {

    public enum Outcome {
        ACCEPTED,
        OVERRIDDEN;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @param reason the Coding the clinician chose (may be null); userComment free text (may be null) */
    public record OverrideReason(Coding reason, String userComment) {}

    public record Coding(String system, String code, String display) {}
}
