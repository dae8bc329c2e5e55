package org.trdcds.hooks;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.trdcds.edge.CdsLimits;

/**
 * Bounds how many hook calls do CPU-bound work (parsing the request, deciding, rendering) at once: by default one per
 * core. More would only interleave on the same cores, each call evicting the others' data from the caches, and
 * would starve the JIT compiler threads, which then take minutes instead of seconds to compile the request path under
 * load (measured: bench/http.sh, README "Benchmarks"). Waiting for data from the FHIR server happens outside the gate,
 * so slow servers never hold it. Calls wait in arrival order.
 */
@Component
public class CpuGate {

    private final Semaphore permits;

    /** One permit per cds.limits.cpu-concurrency (0: one per core). */
    @Autowired
    public CpuGate(CdsLimits limits) {
        this(limits.cpuConcurrency());
    }

    public CpuGate(int concurrency) {
        this.permits = new Semaphore(
                concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors(), true);
    }

    <T> T run(Supplier<T> work) {
        permits.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    int available() {
        return permits.availablePermits();
    }
}
