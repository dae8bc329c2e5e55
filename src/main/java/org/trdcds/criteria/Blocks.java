package org.trdcds.criteria;

import java.util.Map;
import java.util.Set;
import org.trdcds.knowledge.Modality;

/**
 * Which modalities each contraindication topic blocks (IV ketamine — with esketamine — and/or TMS), read from the card
 * templates (cds-cards/, field {@code blocks}) by the wiring layer: knowledge, not Java. A caution may name the
 * modality it concerns (field {@code concerns}): order hooks show it only beside an order of that modality.
 */
public record Blocks(Map<String, Set<Modality>> modalitiesByTopic, Map<String, Modality> concernsByTopic) {

    public Blocks {
        modalitiesByTopic = Map.copyOf(modalitiesByTopic);
        concernsByTopic = Map.copyOf(concernsByTopic);
    }

    public Blocks(Map<String, Set<Modality>> modalitiesByTopic) {
        this(modalitiesByTopic, Map.of());
    }

    /** The modalities the topic blocks; empty when it blocks none (a caution or warning). */
    public Set<Modality> of(String topic) {
        return modalitiesByTopic.getOrDefault(topic, Set.of());
    }

    /**
     * The modality a caution concerns (template field {@code concerns}), or null when it concerns both. A
     * contraindication shown as a warning ({@link #of(Finding)} empty) concerns the one modality it would block.
     */
    public Modality concerns(String topic) {
        Modality concerns = concernsByTopic.get(topic);
        Set<Modality> blocked = of(topic);
        return concerns == null && blocked.size() == 1 ? blocked.iterator().next() : concerns;
    }

    /** Detail key: the contraindication's finding is a warning that blocks nothing (PROTOCOL-v3 section D). */
    public static final String WARNING_ONLY = "warningOnly";

    /** The modalities this finding blocks: none when it is a contraindication shown as a warning. */
    public Set<Modality> of(Finding finding) {
        return Boolean.TRUE.equals(finding.details().get(WARNING_ONLY)) ? Set.of() : of(finding.topic());
    }
}
