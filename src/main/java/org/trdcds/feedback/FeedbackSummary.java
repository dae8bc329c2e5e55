package org.trdcds.feedback;

import java.util.List;

/**
 * What clinicians did with the cards.
 *
 * @param feedback feedback entries counted per service, topic, outcome and override reason
 * @param topics   per topic: cards issued, feedback by outcome, and two override rates
 */
public record FeedbackSummary(List<FeedbackCount> feedback, List<TopicCount> topics) {

    /** @param topic null when the card was not recorded as issued (e.g. issued before the store existed) */
    public record FeedbackCount(
            String service, String topic, String outcome, OverrideReasonCode overrideReason, long count) {}

    public record OverrideReasonCode(String system, String code) {}

    /**
     * @param overrideRate         overridden / (accepted + overridden): of the cards clinicians gave feedback on, the
     *                             share they overrode; null before any feedback
     * @param overrideRateOfIssued overridden / issued: of all cards shown, the share overridden; null before any card
     */
    public record TopicCount(
            String topic,
            long issued,
            long accepted,
            long overridden,
            Double overrideRate,
            Double overrideRateOfIssued) {}
}
