package org.trdcds.hooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.trdcds.audit.PatientLinks;
import org.trdcds.cards.Card;
import org.trdcds.feedback.CardAudit;
import org.trdcds.feedback.IssuedCard;
import org.trdcds.feedback.IssuedCardWriter;

/**
 * The bookkeeping after a hook call has its cards: each card issued is queued for the database with what feedback on
 * it may name and its audit columns (patient link, hook, encounter link, indicator, knowledge version, shadow,
 * client), and counted by topic ({@code cds.cards}, live cards only). {@link HookInvocation} decides; this records.
 */
final class IssuedCardRecorder {

    private final IssuedCardWriter issuedCards;
    private final PatientLinks links;
    private final String knowledgeVersion;
    private final MeterRegistry meters;
    /** A counter per topic, registered at start-up and looked up, not registered again, on every call. */
    private final Map<String, Counter> cardCounters = new ConcurrentHashMap<>();

    /**
     * @param topics the topics to count from the start: those with a card template (every topic the decision can
     *               issue has one, {@code DecisionFactory} checks it at start-up, the rules file's included)
     */
    IssuedCardRecorder(
            IssuedCardWriter issuedCards,
            PatientLinks links,
            String knowledgeVersion,
            MeterRegistry meters,
            Collection<String> topics) {
        this.issuedCards = issuedCards;
        this.links = links;
        this.knowledgeVersion = knowledgeVersion;
        this.meters = meters;
        topics.forEach(this::cardCounter);
    }

    /** Queues the cards issued to {@code client} (shadow cards too, marked so) and counts the live ones. */
    void record(HookRequest request, List<Card> cards, boolean shadow, String client) {
        if (cards.isEmpty()) {
            return;
        }
        String serviceId = request.service().id();
        Instant now = Instant.now();
        UUID hookInstance = UUID.fromString(request.hookInstance());
        String patientLink = links.link(request.patientId());
        String encounterLink = links.link(request.encounterId());
        issuedCards.submit(cards.stream()
                .map(card -> issued(
                        card,
                        serviceId,
                        hookInstance,
                        now,
                        new CardAudit(
                                patientLink,
                                request.hook().id(),
                                encounterLink,
                                card.indicator(),
                                knowledgeVersion,
                                shadow,
                                client)))
                .toList());
        if (!shadow) {
            cards.forEach(card -> cardCounter(Objects.toString(topic(card))).increment());
        }
    }

    /** What feedback on the card may name (its suggestions and override reasons), and its audit columns. */
    private static IssuedCard issued(Card card, String serviceId, UUID hookInstance, Instant now, CardAudit audit) {
        List<UUID> suggestions = card.suggestions() == null
                ? List.of()
                : card.suggestions().stream()
                        .map(suggestion -> Uuids.parse(suggestion.uuid()))
                        .filter(Objects::nonNull)
                        .toList();
        List<String> overrideReasons = card.overrideReasons() == null
                ? List.of()
                : card.overrideReasons().stream()
                        .map(reason -> IssuedCard.overrideReason(reason.system(), reason.code()))
                        .toList();
        return new IssuedCard(
                UUID.fromString(card.uuid()),
                serviceId,
                topic(card),
                hookInstance,
                now,
                suggestions,
                overrideReasons,
                audit);
    }

    private Counter cardCounter(String topic) {
        return cardCounters.computeIfAbsent(
                topic,
                code -> Counter.builder("cds.cards")
                        .tag("topic", code)
                        .description("Cards issued, by topic")
                        .register(meters));
    }

    private static String topic(Card card) {
        return card.source() == null || card.source().topic() == null
                ? null
                : card.source().topic().code();
    }
}
