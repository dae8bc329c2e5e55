package org.trdcds.feedback;

import java.time.Instant;
import java.util.UUID;

/** A card the service returned: what it was about and when, never whom. */
public record IssuedCard(UUID cardUuid, String serviceId, String topic, UUID hookInstance, Instant issuedAt) {
}
