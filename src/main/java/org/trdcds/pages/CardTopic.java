package org.trdcds.pages;

import java.util.Comparator;
import java.util.List;
import org.trdcds.knowledge.CardTemplate;
import org.trdcds.knowledge.CardTemplates;

/**
 * One card template of cds-cards/ as the pages describe it, from the templates the knowledge package loaded.
 *
 * @param blocks the modality a contraindication blocks (the template's {@code blocks}: a string or a list), or null
 */
record CardTopic(
        String code,
        String display,
        String indicator,
        String summary,
        String blocks,
        List<Link> links,
        List<Reason> overrideReasons,
        String file) {

    record Link(String label, String url) {}

    record Reason(String system, String code, String display) {}

    /** The info cards: dismissing one is not an override (the feedback page counts dismissals apart). */
    boolean info() {
        return "info".equals(indicator);
    }

    /** A topic that blocks a modality, or named as a contraindication. */
    boolean contraindication() {
        return blocks != null || code.startsWith("contraindication-");
    }

    /** Every loaded template as the pages describe it, in topic order. */
    static List<CardTopic> all(CardTemplates templates) {
        return templates.all().stream()
                .map(CardTopic::of)
                .sorted(Comparator.comparing(CardTopic::code))
                .toList();
    }

    static CardTopic of(CardTemplate t) {
        return new CardTopic(
                t.topic(),
                t.display(),
                t.indicator(),
                t.summaryText(),
                t.blocks().isEmpty() ? null : String.join(", ", t.blocks()),
                t.links().stream()
                        .map(l -> new Link(l.label(), l.url().isEmpty() ? null : l.url()))
                        .toList(),
                t.overrideReasons().stream()
                        .map(r -> new Reason(r.system(), r.code(), r.display()))
                        .toList(),
                "cds-cards/" + t.file());
    }
}
