package org.trdcds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RandomUuidsTest {

    @Test
    void idsAreVersion4IetfVariantAndDistinctAcrossThreads() {
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 20_000).parallel().forEach(i -> {
            UUID id = RandomUuids.next();
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(UUID.fromString(id.toString())).isEqualTo(id);
            seen.add(id);
        });
        assertThat(seen).hasSize(20_000);
    }

    @Test
    void randomBitsAreNotConstant() {
        Set<Long> high = new HashSet<>();
        Set<Long> low = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            UUID id = RandomUuids.next();
            high.add(id.getMostSignificantBits() & 0xffffffffffff0fffL);
            low.add(id.getLeastSignificantBits() & 0x3fffffffffffffffL);
        }
        assertThat(high).hasSize(100);
        assertThat(low).hasSize(100);
    }
}
