package org.trdcds.knowledge;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The card templates of cds-cards/, validated and compiled once at load, by topic. Immutable. */
public final class CardTemplates {

    private final Map<String, CardTemplate> byTopic;

    CardTemplates(Collection<CardTemplate> templates) {
        Map<String, CardTemplate> map = new TreeMap<>();
        for (CardTemplate template : templates) {
            CardTemplate previous = map.put(template.topic(), template);
            if (previous != null) {
                throw new KnowledgeLoadException(
                        template.file() + " and " + previous.file() + " have the same topic " + template.topic());
            }
        }
        this.byTopic = java.util.Collections.unmodifiableMap(map);
    }

    /** The template of a topic, if it has one. */
    public Optional<CardTemplate> of(String topic) {
        return Optional.ofNullable(topic == null ? null : byTopic.get(topic));
    }

    /** Every template, in topic order. */
    public Collection<CardTemplate> all() {
        return byTopic.values();
    }

    /** The topics that have a template. */
    public Set<String> topics() {
        return byTopic.keySet();
    }

    /** The decision's part of the templates: which modality each topic blocks or concerns. */
    public TopicModalities modalities() {
        Map<String, Set<String>> blocks = new HashMap<>();
        Map<String, String> concerns = new HashMap<>();
        for (CardTemplate t : byTopic.values()) {
            if (!t.blocks().isEmpty()) {
                blocks.put(t.topic(), t.blocks());
            }
            if (t.concerns() != null) {
                concerns.put(t.topic(), t.concerns());
            }
        }
        return new TopicModalities(byTopic.keySet(), blocks, concerns);
    }
}
