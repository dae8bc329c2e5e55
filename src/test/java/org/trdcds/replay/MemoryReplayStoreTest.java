package org.trdcds.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MemoryReplayStoreTest {

    static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    static final Duration SKEW = Duration.ofSeconds(60);
    static final String ISSUER = "https://ehr.example.org";

    final org.trdcds.TestClock clock = new org.trdcds.TestClock(START);

    @Test
    void aJtiIsAcceptedOncePerIssuer() {
        MemoryReplayStore store = new MemoryReplayStore(100, SKEW, clock);
        Instant exp = START.plusSeconds(300);

        assertThat(store.firstUse(ISSUER, "jti-1", exp)).isTrue();
        assertThat(store.firstUse(ISSUER, "jti-1", exp)).isFalse();
        assertThat(store.firstUse("https://other-ehr.example.org", "jti-1", exp))
                .isTrue();
    }

    @Test
    void aJtiIsRefusedUntilExpPlusSkewHoweverManyTokensCameBetween() {
        MemoryReplayStore store = new MemoryReplayStore(1_000_000, SKEW, clock);
        Instant exp = START.plusSeconds(300);
        assertThat(store.firstUse(ISSUER, "first", exp)).isTrue();
        for (int i = 0; i < 300_000; i++) { // 30 times the old cache's 10,000 entries
            assertThat(store.firstUse(ISSUER, "other-" + i, exp)).isTrue();
        }

        assertThat(store.firstUse(ISSUER, "first", exp)).isFalse();
        clock.advance(Duration.ofSeconds(300 + 60));
        assertThat(store.firstUse(ISSUER, "first", exp)).isFalse(); // exp + skew: still live
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.firstUse(ISSUER, "first", exp.plusSeconds(300))).isTrue(); // past it: a new entry
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void whenFullOfLiveEntriesANewJtiIsRefusedNeverAnOldOneForgotten() {
        MemoryReplayStore store = new MemoryReplayStore(5_000, SKEW, clock);
        for (int i = 0; i < 5_000; i++) {
            assertThat(store.firstUse(ISSUER, "jti-" + i, START.plusSeconds(60 + i % 100)))
                    .isTrue();
        }

        assertThatThrownBy(() -> store.firstUse(ISSUER, "one-more", START.plusSeconds(300)))
                .isInstanceOf(ReplayStore.Unavailable.class)
                .hasMessageContaining("full");
        for (int i = 0; i < 5_000; i += 7) {
            assertThat(store.firstUse(ISSUER, "jti-" + i, START.plusSeconds(300)))
                    .isFalse();
        }

        clock.advance(Duration.ofSeconds(60 + 60 + 50)); // half of them past exp + skew
        assertThat(store.firstUse(ISSUER, "one-more", START.plusSeconds(600))).isTrue();
        assertThat(store.size()).isEqualTo(2_501);
        assertThat(store.firstUse(ISSUER, "jti-99", START.plusSeconds(600))).isFalse();
    }

    @Test
    void expiredEntriesMakeRoomSoASteadyRateRunsForever() {
        MemoryReplayStore store = new MemoryReplayStore(3_000, SKEW, clock);
        for (int second = 0; second < 600; second++) {
            for (int i = 0; i < 20; i++) {
                assertThat(store.firstUse(
                                ISSUER, second + "-" + i, clock.instant().plusSeconds(60)))
                        .isTrue();
            }
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(store.size()).isLessThanOrEqualTo(20 * 122);
    }
}
