package org.trdcds.feedback;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cds.feedback.*}: how issued cards are recorded and feedback on them accepted.
 *
 * @param queueCapacity    issued cards waiting for the background writer
 * @param batchSize        issued cards written per batch
 * @param offerTimeout     how long a call waits for room in a full queue before writing its cards itself
 * @param linger           how long the writer waits after a card is queued for more to join the batch (0: at once)
 * @param issuedCardWait   how long feedback waits for a card another replica may still be writing
 * @param entriesPerMinute feedback entries one client may post per minute (0: no quota)
 */
@ConfigurationProperties("cds.feedback")
public record FeedbackProperties(
        @DefaultValue("10000") int queueCapacity,
        @DefaultValue("200") int batchSize,
        @DefaultValue("50ms") Duration offerTimeout,
        @DefaultValue("20ms") Duration linger,
        @DefaultValue("1s") Duration issuedCardWait,
        @DefaultValue("600") int entriesPerMinute) {}
