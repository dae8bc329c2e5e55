package org.trdcds.criteria;

import java.util.Map;

/**
 * Which modality each contraindication topic blocks ("ketamine" — IV ketamine and esketamine — or "tms"), read from
 * the card templates (cds-cards/, field {@code blocks}) by the wiring layer: knowledge, not Java. A caution may
 * name the modality it concerns (field {@code concerns}): order hooks show it only beside an order of that modality.
 */
public record Blocks(Map<String, String> modalityByTopic, Map<String, String> concernsByTopic) {

    /** Modality names of the templates' {@code blocks} field (not value-set ids). */
    public static final String KETAMINE = modality("ketamine");
    public static final String TMS = modality("tms");

    public Blocks {
        modalityByTopic = Map.copyOf(modalityByTopic);
        concernsByTopic = Map.copyOf(concernsByTopic);
    }

    public Blocks(Map<String, String> modalityByTopic) {
        this(modalityByTopic, Map.of());
    }

    /** The modality a caution concerns (template field {@code concerns}), or null when it concerns both. */
    public String concerns(String topic) {
        return concernsByTopic.get(topic);
    }

    private static String modality(String name) {
        return name;
    }

    /** The modality the topic blocks, or null when it blocks none (a caution or warning). */
    public String of(String topic) {
        return modalityByTopic.get(topic);
    }

    public boolean blocksAny(String topic) {
        return modalityByTopic.containsKey(topic);
    }
}
