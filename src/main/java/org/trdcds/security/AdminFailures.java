package org.trdcds.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed admin authentications per peer address, in fixed one-minute windows: a peer past
 * {@code cds.security.admin-failures-per-minute} is refused (429) without its token being looked at until its window
 * ends, so the admin token cannot be guessed at line rate. At most {@value #MAX_PEERS} peers are tracked (past that,
 * windows that ended are dropped; should all be live, every further failing peer shares one window, which only
 * blocks sooner).
 */
final class AdminFailures {

    static final int MAX_PEERS = 10_000;
    private static final long WINDOW_NANOS = 60_000_000_000L;
    private static final String OVERFLOW = "(every other peer)";

    private record Window(long start, int failures) {}

    private final int perMinute;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    AdminFailures(int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("cds.security.admin-failures-per-minute must be at least 1");
        }
        this.perMinute = perMinute;
    }

    /** Whether this peer has used up its failures of the current window. */
    boolean blocked(String peer) {
        Window window = windows.get(key(peer));
        return window != null && System.nanoTime() - window.start() < WINDOW_NANOS && window.failures() >= perMinute;
    }

    /** Records one failure of this peer. */
    void failed(String peer) {
        long now = System.nanoTime();
        if (windows.size() >= MAX_PEERS && !windows.containsKey(peer)) {
            windows.values().removeIf(window -> now - window.start() >= WINDOW_NANOS);
        }
        windows.compute(
                key(peer),
                (key, window) -> window == null || now - window.start() >= WINDOW_NANOS
                        ? new Window(now, 1)
                        : new Window(window.start(), window.failures() + 1));
    }

    private String key(String peer) {
        String name = peer == null ? "-" : peer;
        return windows.size() >= MAX_PEERS && !windows.containsKey(name) ? OVERFLOW : name;
    }

    int perMinute() {
        return perMinute;
    }
}
