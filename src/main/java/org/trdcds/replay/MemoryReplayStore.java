package org.trdcds.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The replay store of one process: an open-addressing table (linear probing) of 64-bit {@link ReplayHash}es and
 * their expiry in whole seconds, 12 bytes a slot. It grows with use up to the slots {@code capacity} live entries
 * need (at most three quarters full: 25 MB for a million), drops expired entries when it must grow, and never
 * forgets a live one: with {@code capacity} live entries the next new jti is refused ({@link Unavailable}).
 */
public final class MemoryReplayStore implements ReplayStore {

    private static final int INITIAL_SLOTS = 1 << 12;

    private final int capacity;
    private final int maxSlots;
    private final long skewSeconds;
    private final Clock clock;
    private final long baseSecond;
    private long[] keys = new long[INITIAL_SLOTS];
    private int[] expiries = new int[INITIAL_SLOTS];
    private int occupied;
    private int fullAt = -1;

    /**
     * @param capacity  live entries kept at most (a token stays live until its exp plus the skew)
     * @param clockSkew added to each token's exp
     */
    public MemoryReplayStore(int capacity, Duration clockSkew, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the replay store needs room for at least one jti");
        }
        this.capacity = capacity;
        this.maxSlots = Math.max(
                INITIAL_SLOTS, Integer.highestOneBit((int) Math.min(1 << 30, (long) capacity * 4 / 3 + 1) - 1) << 1);
        this.skewSeconds = clockSkew.toSeconds();
        this.clock = clock;
        this.baseSecond = clock.instant().getEpochSecond() - 1;
    }

    @Override
    public boolean firstUse(String issuer, String jti, Instant expiresAt) {
        long key = ReplayHash.of(issuer, jti);
        return firstUse(key == 0 ? 1 : key, expirySecond(expiresAt));
    }

    private synchronized boolean firstUse(long key, int expiry) {
        int now = second(clock.instant().getEpochSecond());
        int mask = keys.length - 1;
        int reusable = -1;
        for (int slot = spread(key) & mask; ; slot = (slot + 1) & mask) {
            if (keys[slot] == 0) {
                if (reusable < 0) {
                    if (occupied + 1 > Math.min(capacity, keys.length / 4 * 3)) {
                        makeRoom(now);
                        return firstUse(key, expiry);
                    }
                    occupied++;
                    reusable = slot;
                }
                keys[reusable] = key;
                expiries[reusable] = expiry;
                return true;
            }
            boolean live = expiries[slot] >= now;
            if (keys[slot] == key && live) {
                return false;
            }
            if (!live && reusable < 0) {
                reusable = slot; // taken only once the whole probe run shows the key is not live further on
            }
        }
    }

    /** Live entries now (for tests and the gauge). */
    public synchronized int size() {
        int now = second(clock.instant().getEpochSecond());
        int live = 0;
        for (int slot = 0; slot < keys.length; slot++) {
            live += keys[slot] != 0 && expiries[slot] >= now ? 1 : 0;
        }
        return live;
    }

    /** Copies the live entries into a table with room for one more (same size or larger), or refuses when full. */
    private void makeRoom(int now) {
        if (fullAt == now) { // found full this second: no entry expires before the next one
            throw new Unavailable("replay store full (cds.security.jti-cache-size)", null);
        }
        int live = 0;
        for (int slot = 0; slot < keys.length; slot++) {
            live += keys[slot] != 0 && expiries[slot] >= now ? 1 : 0;
        }
        if (live + 1 > capacity) {
            fullAt = now;
            throw new Unavailable("replay store full: " + live + " live jtis (cds.security.jti-cache-size)", null);
        }
        int slots = INITIAL_SLOTS;
        while ((live + 1) * 2L > slots && slots < maxSlots) {
            slots <<= 1;
        }
        long[] oldKeys = keys;
        int[] oldExpiries = expiries;
        keys = new long[slots];
        expiries = new int[slots];
        occupied = 0;
        int mask = slots - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0 && oldExpiries[i] >= now) {
                int slot = spread(oldKeys[i]) & mask;
                while (keys[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                expiries[slot] = oldExpiries[i];
                occupied++;
            }
        }
    }

    private int expirySecond(Instant expiresAt) {
        long seconds = expiresAt.getEpochSecond() + (expiresAt.getNano() > 0 ? 1 : 0) + skewSeconds;
        return second(seconds);
    }

    private int second(long epochSecond) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, epochSecond - baseSecond));
    }

    private static int spread(long key) {
        return (int) (key ^ (key >>> 32));
    }
}
