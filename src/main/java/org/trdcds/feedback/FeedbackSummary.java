package org.trdcds.feedback;

import java.util.List;

/**
 * What clinicians did with the cards.
 *
 * @param feedback feedback entries counted per service, topic, outcome and override reason
 * @param topics   per topic: cards issued, feedback by outcome, and the override rate
 *                 (overridden / (accepted + overridden); null before any feedback)
 */
public record FeedbackSummary(List<FeedbackCount> feedback, List<TopicCount> topics) {

    /** @param topic null when the card was not recorded as issued (e.g. issued before the store existed) */
    public record FeedbackCount(String service, String topic, String outcome, OverrideReasonCode overrideReason,
                                long count) {
    }

    public record OverrideReasonCode(String system, String code) {
    }

    public record TopicCount(String topic, long issued, long accepted, long overridden, Double overrideRate) {
    }
}
