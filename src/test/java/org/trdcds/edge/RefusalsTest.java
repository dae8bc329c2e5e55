package org.trdcds.edge;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.trdcds.edge.Refusals.Reason;

class RefusalsTest {

    @Test
    void everyReasonIsRegisteredAtZeroWithADescription() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        new Refusals(meters);

        for (Reason reason : Reason.values()) {
            assertThat(meters.get("cds.refusals")
                            .tag("reason", reason.tag())
                            .counter()
                            .count())
                    .isZero();
        }
        assertThat(meters.get("cds.refusals").counter().getId().getDescription())
                .contains("401", "412", "413");
    }

    @Test
    void aFloodOfRefusalsIsCountedInFullButLoggedInAFewLines() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Refusals refusals = new Refusals(meters);
        Logger log = (Logger) LoggerFactory.getLogger("refusals-test");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        log.addAppender(lines);
        try {
            for (int i = 0; i < 10_000; i++) {
                refusals.refused(log, Reason.AUTHENTICATION, "Refused call {}", i);
            }
        } finally {
            log.detachAppender(lines);
        }

        assertThat(meters.get("cds.refusals")
                        .tag("reason", "authentication")
                        .counter()
                        .count())
                .isEqualTo(10_000);
        assertThat(lines.list).hasSize(Refusals.LINES_PER_WINDOW);
        assertThat(lines.list.get(0).getFormattedMessage()).isEqualTo("Refused call 0");
    }

    @Test
    void statusesMapToTheirReasons() {
        assertThat(Reason.of(401)).isEqualTo(Reason.AUTHENTICATION);
        assertThat(Reason.of(400)).isEqualTo(Reason.INVALID);
        assertThat(Reason.of(412)).isEqualTo(Reason.DATA_UNAVAILABLE);
        assertThat(Reason.of(413)).isEqualTo(Reason.TOO_LARGE);
        assertThat(Reason.of(418)).isEqualTo(Reason.OTHER);
    }
}
