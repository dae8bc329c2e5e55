package org.trdcds.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SegmentTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    /** Found by DecisionCardsFuzzTest: a record without a status whose end lies ahead threw a NullPointerException. */
    @Test
    void aRecordWithoutStatusEndingAfterNowRunsUntilNow() {
        Segment segment = Segment.of(
                "MedicationStatement/1", null, NOW.minusSeconds(86_400 * 30), NOW.plusSeconds(86_400), NOW, null);

        assertThat(segment.end()).isEqualTo(NOW);
        assertThat(segment.ongoing()).isTrue();
    }
}
