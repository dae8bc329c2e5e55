package org.trdcds.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dry run's peak heap is the heap in use at one moment (heap pools only), never a sum of separate peaks. */
class HeapPeakTest {

    @Test
    void sumsTheHeapPoolsOfOneMomentAndIgnoresTheOthers() {
        List<String> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .toList();
        assertThat(heap).isNotEmpty();
        try (HeapPeak peak = new HeapPeak()) {
            Map<String, MemoryUsage> beforeGc = new HashMap<>();
            long each = 3L << 30; // more than any test heap, so the recorded moment is the peak
            heap.forEach(name -> beforeGc.put(name, new MemoryUsage(0, each, each, each)));
            beforeGc.put("Metaspace", new MemoryUsage(0, 50L << 30, 50L << 30, -1));
            peak.record(beforeGc);
            assertThat(peak.megabytes()).isEqualTo((heap.size() * each) >> 20);

            peak.record(Map.of(heap.get(0), new MemoryUsage(0, 1L << 20, 1L << 20, -1)));
            assertThat(peak.megabytes()).as("a smaller moment keeps the peak").isEqualTo((heap.size() * each) >> 20);
        }
    }

    @Test
    void aRealCollectionIsSeenAndStaysWithinTheMaximumHeap() throws InterruptedException {
        try (HeapPeak peak = new HeapPeak()) {
            byte[][] garbage = new byte[64][];
            for (int i = 0; i < garbage.length; i++) {
                garbage[i] = new byte[1 << 20];
            }
            assertThat(garbage[63]).hasSize(1 << 20);
            garbage = null;
            System.gc();
            Thread.sleep(200); // the notification is delivered on another thread
            assertThat(peak.megabytes())
                    .isPositive()
                    .isLessThanOrEqualTo(Runtime.getRuntime().maxMemory() >> 20);
        }
    }
}
