package org.trdcds.knowledge;

import java.util.Map;
import java.util.Set;

/**
 * What the card templates of cds-cards/ tell the decision (plain data, no template engine): the topics that have a
 * template, the modalities each contraindication blocks (template field {@code blocks}: "ketamine", "tms") and the
 * one a caution concerns (field {@code concerns}).
 */
public record TopicModalities(
        Set<String> topics, Map<String, Set<String>> blocksByTopic, Map<String, String> concernsByTopic) {

    /** No templates: no topic blocks or concerns anything. */
    public static final TopicModalities NONE = new TopicModalities(Set.of(), Map.of(), Map.of());

    public TopicModalities {
        topics = Set.copyOf(topics);
        blocksByTopic = Map.copyOf(blocksByTopic);
        concernsByTopic = Map.copyOf(concernsByTopic);
    }
}
