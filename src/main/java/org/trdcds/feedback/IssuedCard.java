package org.trdcds.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A card the service returned (or, in shadow mode, would have returned): what it was about, what it offered and
 * when; whom only as the patient link of {@link CardAudit}.
 *
 * @param suggestions     the uuids of its suggestions (feedback may accept only these)
 * @param overrideReasons the override reasons it offered, each {@code system|code} (feedback may give only these)
 * @param audit           the case-review columns (patient link, hook, indicator as issued, shadow, client)
 */
public record IssuedCard(
        UUID cardUuid,
        String serviceId,
        String topic,
        UUID hookInstance,
        Instant issuedAt,
        List<UUID> suggestions,
        List<String> overrideReasons,
        CardAudit audit) {

    public IssuedCard {
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
        overrideReasons = overrideReasons == null ? List.of() : List.copyOf(overrideReasons);
        audit = audit == null ? CardAudit.NONE : audit;
    }

    /** A card without audit columns. */
    public IssuedCard(
            UUID cardUuid,
            String serviceId,
            String topic,
            UUID hookInstance,
            Instant issuedAt,
            List<UUID> suggestions,
            List<String> overrideReasons) {
        this(cardUuid, serviceId, topic, hookInstance, issuedAt, suggestions, overrideReasons, CardAudit.NONE);
    }

    /** A card that offered no suggestion and no override reason. */
    public IssuedCard(UUID cardUuid, String serviceId, String topic, UUID hookInstance, Instant issuedAt) {
        this(cardUuid, serviceId, topic, hookInstance, issuedAt, List.of(), List.of(), CardAudit.NONE);
    }

    /** The form an offered override reason takes in {@link #overrideReasons()}. */
    public static String overrideReason(String system, String code) {
        return system + '|' + code;
    }
}
