package org.trdcds.feedback;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feedback entries per client per minute (a fixed one-minute window per client; at most {@link #MAX_CLIENTS}
 * clients are tracked, the table is cleared when it is full). Loopback callers share the "loopback" client.
 */
final class FeedbackQuota {

    static final int MAX_CLIENTS = 10_000;
    private static final long WINDOW_NANOS = 60_000_000_000L;

    private final int entriesPerMinute;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    FeedbackQuota(int entriesPerMinute) {
        this.entriesPerMinute = entriesPerMinute;
    }

    /** Takes {@code entries} from the client's minute; false (and nothing taken) when that would pass the quota. */
    boolean take(String client, int entries, long nowNanos) {
        if (entriesPerMinute <= 0) {
            return true;
        }
        if (windows.size() >= MAX_CLIENTS && !windows.containsKey(client)) {
            windows.clear();
        }
        Window window = windows.compute(
                client,
                (key, current) ->
                        current == null || nowNanos - current.start >= WINDOW_NANOS ? new Window(nowNanos) : current);
        while (true) {
            long used = window.used.get();
            if (used + entries > entriesPerMinute) {
                return false;
            }
            if (window.used.compareAndSet(used, used + entries)) {
                return true;
            }
        }
    }

    int entriesPerMinute() {
        return entriesPerMinute;
    }

    private static final class Window {
        final long start;
        final AtomicLong used = new AtomicLong();

        Window(long start) {
            this.start = start;
        }
    }
}
