package org.trdcds.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Records issued cards off the request thread: a bounded queue drained in batches by one background writer. A card
 * is never dropped: when the queue stays full for the offer timeout (or the writer has stopped) the caller writes it
 * itself, and stopping drains the queue. Stops after the web server (lower phase), so late calls are still recorded.
 * The uuids of cards submitted and not yet written are known ({@link #isPending}): feedback on a card this process
 * issued a moment ago waits for its row instead of being refused.
 */
@Component
public class IssuedCardWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IssuedCardWriter.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final int CALLER_ATTEMPTS = 3;

    private final FeedbackStore store;
    private final BlockingQueue<IssuedCard> queue;
    private final Set<UUID> pending = ConcurrentHashMap.newKeySet();
    private final int batchSize;
    private final Duration offerTimeout;
    private final Duration linger;
    private final ReadWriteLock state = new ReentrantReadWriteLock();
    private volatile boolean running;
    private Thread worker;

    /** With the queue, batch, offer timeout and linger of cds.feedback.*. */
    @Autowired
    public IssuedCardWriter(FeedbackStore store, FeedbackProperties properties) {
        this(store, properties.queueCapacity(), properties.batchSize(), properties.offerTimeout(), properties.linger());
    }

    /**
     * @param linger how long the writer waits after the first queued card for more to join its batch: one write
     *               (one transaction) per linger at most, instead of one per call when calls come one at a time
     */
    public IssuedCardWriter(
            FeedbackStore store, int queueCapacity, int batchSize, Duration offerTimeout, Duration linger) {
        this.store = store;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.batchSize = batchSize;
        this.offerTimeout = offerTimeout;
        this.linger = linger;
    }

    /** A writer that writes each card as soon as it is queued (no linger). */
    public IssuedCardWriter(FeedbackStore store, int queueCapacity, int batchSize, Duration offerTimeout) {
        this(store, queueCapacity, batchSize, offerTimeout, Duration.ZERO);
    }

    /** Queues the cards, or writes them on the caller's thread when the queue stays full or the writer is stopped. */
    public void submit(List<IssuedCard> cards) {
        for (IssuedCard card : cards) {
            pending.add(card.cardUuid());
        }
        List<IssuedCard> overflow = new ArrayList<>();
        state.readLock().lock();
        try {
            for (IssuedCard card : cards) {
                if (!running || !offer(card)) {
                    overflow.add(card);
                }
            }
        } finally {
            state.readLock().unlock();
        }
        if (!overflow.isEmpty()) {
            write(overflow, false);
        }
    }

    private boolean offer(IssuedCard card) {
        try {
            return queue.offer(card, offerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Starts the background writer after one rolled-back insert, so that the first card-issuing call does not share
     * the CPU with the database's first write (a failure there only makes that first write slower).
     */
    /** True while this card was submitted here and is not yet written (or given up on). */
    public boolean isPending(UUID cardUuid) {
        return pending.contains(cardUuid);
    }

    @Override
    public void start() {
        try {
            store.rehearseIssued(new IssuedCard(UUID.randomUUID(), "warm-up", null, UUID.randomUUID(), Instant.now()));
        } catch (DataAccessException e) {
            log.warn("issued-card write rehearsal failed ({})", e.toString());
        }
        running = true;
        worker = new Thread(this::drainWhileRunning, "issued-card-writer");
        worker.start();
    }

    @Override
    public void stop() {
        state.writeLock().lock();
        try {
            running = false;
        } finally {
            state.writeLock().unlock();
        }
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<IssuedCard> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty()) {
            write(rest, false);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private void drainWhileRunning() {
        List<IssuedCard> batch = new ArrayList<>(batchSize);
        while (running) {
            IssuedCard first;
            try {
                first = queue.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // what is still queued is written by stop()
            }
            if (first != null) {
                batch.add(first);
                boolean interrupted = !linger.isZero() && queue.size() < batchSize - 1 && !lingered();
                queue.drainTo(batch, batchSize - 1);
                write(batch, true); // a card taken from the queue is written even when the wait was cut short
                batch.clear();
                if (interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Waits the linger; false when interrupted. */
    private boolean lingered() {
        try {
            Thread.sleep(linger.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /**
     * Writes the batch, retrying on database failures (the background writer until it is stopped, a caller a few
     * times); rows already stored (duplicate uuid) are skipped.
     */
    private void write(List<IssuedCard> batch, boolean background) {
        try {
            writeWithRetries(batch, background);
        } finally {
            batch.forEach(card -> pending.remove(card.cardUuid()));
        }
    }

    private void writeWithRetries(List<IssuedCard> batch, boolean background) {
        for (int attempt = 1; ; attempt++) {
            try {
                store.recordIssued(batch);
                return;
            } catch (DataIntegrityViolationException e) {
                writeOneByOne(batch);
                return;
            } catch (DataAccessException e) {
                if (attempt >= (background && running ? Integer.MAX_VALUE : CALLER_ATTEMPTS)) {
                    log.error("could not record {} issued cards after {} attempts", batch.size(), attempt, e);
                    return;
                }
                log.warn("recording issued cards failed (attempt {}), retrying", attempt, e);
                sleep(Math.min(5000, 100L << Math.min(attempt, 6)));
            }
        }
    }

    private void writeOneByOne(List<IssuedCard> batch) {
        for (IssuedCard card : batch) {
            try {
                store.recordIssued(List.of(card));
            } catch (DataIntegrityViolationException e) {
                log.warn("issued card {} already recorded", card.cardUuid());
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
