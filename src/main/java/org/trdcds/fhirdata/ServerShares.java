package org.trdcds.fhirdata;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Each FHIR server's share of the fetch pool: at most {@code perServer} of its fetches run at once
 * (cds.fhir.pool-size-per-server); the others wait in that server's own queue, holding no pool thread, and start as
 * its fetches end. A slow or hanging server therefore holds at most its share of the threads, and the calls naming
 * another server still find threads free. A waiting fetch of a call that gave up (deadline, failure) is cancelled
 * with its call and costs nothing when its turn comes.
 */
final class ServerShares {

    private final Executor pool;
    private final int perServer;
    private final int maxWaitingPerServer;
    private final Map<String, Share> shares = new HashMap<>();
    private final AtomicLong waits = new AtomicLong();
    private int waiting;

    private static final class Share {
        int running;
        final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    }

    ServerShares(Executor pool, int perServer, int maxWaitingPerServer) {
        if (perServer < 1) {
            throw new IllegalArgumentException("cds.fhir.pool-size-per-server must be at least 1");
        }
        this.pool = pool;
        this.perServer = perServer;
        this.maxWaitingPerServer = maxWaitingPerServer;
    }

    /** The executor of fetches from this base URL (its scheme, host and port make the server). */
    Executor forServer(String baseUrl) {
        String server = origin(baseUrl);
        return task -> submit(server, task);
    }

    private void submit(String server, Runnable task) {
        synchronized (this) {
            Share share = shares.computeIfAbsent(server, key -> new Share());
            if (share.running >= perServer) {
                if (share.queue.size() >= maxWaitingPerServer) {
                    throw new RejectedExecutionException("fetches waiting for " + server + " at their limit");
                }
                share.queue.add(task);
                waiting++;
                waits.incrementAndGet();
                return;
            }
            share.running++;
        }
        dispatch(server, task);
    }

    private void dispatch(String server, Runnable task) {
        try {
            pool.execute(() -> {
                try {
                    task.run();
                } finally {
                    finished(server);
                }
            });
        } catch (RejectedExecutionException e) {
            finished(server);
            throw e;
        }
    }

    private void finished(String server) {
        Runnable next;
        synchronized (this) {
            Share share = shares.get(server);
            next = share.queue.poll();
            if (next == null) {
                share.running--;
                if (share.running == 0) {
                    shares.remove(server);
                }
                return;
            }
            waiting--;
        }
        try {
            dispatch(server, next);
        } catch (RejectedExecutionException e) {
            // the pool is full: that fetch's call ends at its deadline (412)
        }
    }

    /** Fetches waiting now for their server's share. */
    synchronized int waiting() {
        return waiting;
    }

    /** Fetches that had to wait for their server's share, since start. */
    long waits() {
        return waits.get();
    }

    static String origin(String baseUrl) {
        try {
            URI uri = URI.create(baseUrl);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            return scheme + "://" + (uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT)) + ":" + port;
        } catch (IllegalArgumentException e) {
            return baseUrl;
        }
    }
}
