package org.trdcds.criteria;

import java.time.Clock;
import java.util.List;
import org.trdcds.knowledge.Knowledge;
import org.trdcds.knowledge.TopicModalities;

/**
 * The one way to build the decision from the loaded knowledge: the Spring wiring, the preview page (at each sample's
 * date), the dry run and the tests use it. Checks once that every topic the decision can issue has a card template,
 * and reads which modality each topic blocks or concerns from the templates (knowledge, not Java).
 */
public final class DecisionFactory {

    private final Knowledge knowledge;
    private final Blocks blocks;

    /** @throws IllegalStateException when a topic of {@link Topics#ALL} has no card template */
    public DecisionFactory(Knowledge knowledge) {
        TopicModalities modalities = knowledge.topicModalities();
        List<String> missing = Topics.ALL.stream()
                .filter(topic -> !modalities.topics().contains(topic))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no card template for topics " + missing + " in the knowledge loaded");
        }
        this.knowledge = knowledge;
        this.blocks = new Blocks(modalities.blocksByTopic(), modalities.concernsByTopic());
    }

    /** The decision with "now" read from this clock. */
    public Decision at(Clock clock) {
        return new ProtocolDecision(knowledge, clock, blocks);
    }

    /** Which modality each contraindication topic blocks, from the templates. */
    public Blocks blocks() {
        return blocks;
    }

    public Knowledge knowledge() {
        return knowledge;
    }
}
