package org.trdcds.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Feedback bound to the cards the service issued. Each entry must name a card this service issued (found in the
 * shared database), and only the override reasons and suggestions that card offered, at a time between 7 days before
 * the card (a generous bound for EHR clocks, still refusing absurd times) and 5 minutes from now; then the entries are stored (identical ones once).
 *
 * <p>Issued cards are written by the batching {@link IssuedCardWriter}, a few milliseconds after the hook response,
 * on whichever replica answered the call. A card not yet in the database is waited for: as long as this process
 * still holds it for writing, and otherwise (issued by another replica, or never) up to {@code issuedCardWait},
 * polling the database. The hook path stays as it was; only feedback that races its card's write waits.
 * At most {@link #MAX_WAITING} calls wait at once; beyond, an unknown card is refused at once.
 */
@Service
public class CardFeedback {

    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    static final Duration BEFORE_ISSUE_TOLERANCE = Duration.ofDays(7);
    static final int MAX_WAITING = 32;
    private static final Duration LOCAL_WRITE_WAIT = Duration.ofSeconds(10);
    private static final long LOCAL_POLL_MILLIS = 2;
    private static final long REMOTE_POLL_MILLIS = 10;

    private final FeedbackStore store;
    private final IssuedCardWriter writer;
    private final Duration issuedCardWait;
    private final Clock clock;
    private final Semaphore waiting = new Semaphore(MAX_WAITING);
    private final FeedbackQuota quota;

    /** With cds.feedback.issued-card-wait and entries-per-minute. */
    @Autowired
    public CardFeedback(FeedbackStore store, IssuedCardWriter writer, FeedbackProperties properties) {
        this(store, writer, properties.issuedCardWait(), Clock.systemUTC(), properties.entriesPerMinute());
    }

    /** Without a quota (tests, tools). */
    public CardFeedback(FeedbackStore store, IssuedCardWriter writer, Duration issuedCardWait) {
        this(store, writer, issuedCardWait, Clock.systemUTC(), 0);
    }

    CardFeedback(FeedbackStore store, IssuedCardWriter writer, Duration issuedCardWait, Clock clock) {
        this(store, writer, issuedCardWait, clock, 0);
    }

    CardFeedback(
            FeedbackStore store, IssuedCardWriter writer, Duration issuedCardWait, Clock clock, int entriesPerMinute) {
        this.store = store;
        this.writer = writer;
        this.issuedCardWait = issuedCardWait;
        this.clock = clock;
        this.quota = new FeedbackQuota(entriesPerMinute);
    }

    /** Feedback from the loopback client (unsigned calls). */
    public void record(String serviceId, List<FeedbackEntry> entries) {
        record(serviceId, CardAudit.LOOPBACK_CLIENT, entries);
    }

    /**
     * Checks every entry against its card, then stores them all, or refuses the whole call. A card is found only for
     * the client it was issued to (a card issued before cards recorded their client is open to any client); a card
     * recorded in shadow mode was never shown, so it takes no feedback.
     */
    public void record(String serviceId, String client, List<FeedbackEntry> entries) {
        if (!quota.take(client, entries.size(), System.nanoTime())) {
            throw new FeedbackRefusedException(
                    FeedbackRefusedException.Reason.QUOTA,
                    "more than " + quota.entriesPerMinute()
                            + " feedback entries in one minute from this client: try again later");
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            FeedbackEntry entry = entries.get(i);
            String where = "feedback[" + i + "]";
            IssuedCard card = issued(entry.card())
                    .filter(found -> found.serviceId().equals(serviceId))
                    .filter(found -> !found.audit().shadow())
                    .filter(found -> found.audit().client() == null
                            || found.audit().client().equals(client))
                    .orElseThrow(() -> new FeedbackRefusedException(
                            true,
                            where + ".card " + entry.card() + " is not a card service '" + serviceId
                                    + "' issued to this client"));
            check(where, entry, card, problems);
        }
        if (!problems.isEmpty()) {
            throw new FeedbackRefusedException(false, String.join("; ", problems));
        }
        store.recordFeedback(serviceId, entries);
    }

    private void check(String where, FeedbackEntry entry, IssuedCard card, List<String> problems) {
        FeedbackEntry.Coding reason =
                entry.overrideReason() == null ? null : entry.overrideReason().reason();
        if (reason != null
                && !card.overrideReasons().contains(IssuedCard.overrideReason(reason.system(), reason.code()))) {
            problems.add(where + ".overrideReason.reason " + reason.system() + "|" + reason.code()
                    + " is not one of the override reasons the card offered " + card.overrideReasons());
        }
        for (UUID suggestion : entry.acceptedSuggestions()) {
            if (!card.suggestions().contains(suggestion)) {
                problems.add(where + ".acceptedSuggestions: " + suggestion + " is not a suggestion of the card");
            }
        }
        Instant at = entry.outcomeTimestamp();
        if (at.isBefore(card.issuedAt().minus(BEFORE_ISSUE_TOLERANCE))
                || at.isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
            problems.add(where + ".outcomeTimestamp must be between 7 days before the card was issued ("
                    + card.issuedAt() + ") and 5 minutes from now");
        }
    }

    /** The card from the database, waiting for it while it may still be on its way there. */
    private Optional<IssuedCard> issued(UUID cardUuid) {
        Optional<IssuedCard> found = store.findIssued(cardUuid);
        if (found.isPresent() || !waiting.tryAcquire()) {
            return found;
        }
        try {
            long start = System.nanoTime();
            while (true) {
                boolean local = writer.isPending(cardUuid);
                long waited = System.nanoTime() - start;
                if (waited > (local ? LOCAL_WRITE_WAIT : issuedCardWait).toNanos()) {
                    return store.findIssued(cardUuid);
                }
                Thread.sleep(local ? LOCAL_POLL_MILLIS : REMOTE_POLL_MILLIS);
                found = store.findIssued(cardUuid);
                if (found.isPresent()) {
                    return found;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return store.findIssued(cardUuid);
        } finally {
            waiting.release();
        }
    }
}
