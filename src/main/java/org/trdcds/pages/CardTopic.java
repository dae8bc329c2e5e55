package org.trdcds.pages;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One card template of cds-cards/ as the pages describe it (read as JSON, so a field the renderer does not use yet,
 * such as {@code blocks}, is shown when a template has it).
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

    static List<CardTopic> all(KnowledgeSource source) {
        List<CardTopic> topics = new ArrayList<>();
        source.in(KnowledgeSource.CARDS).forEach((file, json) -> {
            if (json.hasNonNull("topic")) {
                topics.add(of(json, file));
            }
        });
        topics.sort(Comparator.comparing(CardTopic::code));
        return List.copyOf(topics);
    }

    static CardTopic of(JsonNode t, String file) {
        List<Link> links = new ArrayList<>();
        for (JsonNode l : t.path("links")) {
            links.add(new Link(l.path("label").asText(), l.path("url").asText(null)));
        }
        List<Reason> reasons = new ArrayList<>();
        for (JsonNode r : t.path("overrideReasons")) {
            reasons.add(new Reason(
                    r.path("system").asText(null),
                    r.path("code").asText(),
                    r.path("display").asText()));
        }
        return new CardTopic(
                t.path("topic").asText(),
                t.path("display").asText(t.path("topic").asText()),
                t.path("indicator").asText(""),
                text(t.path("summary")),
                blocks(t.path("blocks")),
                List.copyOf(links),
                List.copyOf(reasons),
                file);
    }

    private static String blocks(JsonNode blocks) {
        if (blocks.isMissingNode() || blocks.isNull()) {
            return null;
        }
        if (!blocks.isArray()) {
            return blocks.asText().isBlank() ? null : blocks.asText();
        }
        List<String> modalities = new ArrayList<>();
        blocks.forEach(b -> modalities.add(b.asText()));
        return modalities.isEmpty() ? null : String.join(", ", modalities);
    }

    private static String text(JsonNode node) {
        if (!node.isArray()) {
            return node.asText("");
        }
        StringBuilder out = new StringBuilder();
        node.forEach(line -> out.append(line.asText()).append('\n'));
        return out.toString().strip();
    }
}
