package org.trdcds.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CpuGateTest {

    @Test
    void neverMoreCallsInsideThanPermitsAndEveryCallCompletes() throws Exception {
        CpuGate gate = new CpuGate(2);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                int call = i;
                calls.add(pool.submit(() -> gate.run(() -> {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    inside.decrementAndGet();
                    return call;
                })));
            }
            for (int i = 0; i < calls.size(); i++) {
                assertThat(calls.get(i).get()).isEqualTo(i);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(most.get()).isEqualTo(2);
        assertThat(gate.available()).isEqualTo(2);
    }

    @Test
    void aFailingCallGivesItsPermitBack() {
        CpuGate gate = new CpuGate(1);
        assertThatThrownBy(() -> gate.run(() -> {
                    throw new IllegalStateException("broken");
                }))
                .hasMessage("broken");
        assertThat(gate.available()).isEqualTo(1);
        assertThat(gate.run(() -> "next")).isEqualTo("next");
    }

    @Test
    void zeroMeansOnePermitPerCore() {
        assertThat(new CpuGate(0).available()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }
}
