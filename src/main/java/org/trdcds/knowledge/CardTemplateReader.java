package org.trdcds.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.samskivert.mustache.Template;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads one card template of cds-cards/ (JSON) into a {@link CardTemplate}: required fields checked, Mustache
 * compiled once (Markdown detail, plain text, JSON resources), the shared "identified by its name" line added.
 */
final class CardTemplateReader {

    /** The shared detail line every template gets (PROTOCOL-v3 A: "identified by its name: «text»"), by phrase key. */
    static final String IDENTIFIED_BY_NAME = "identifiedByName";

    /** The modality names a template's {@code blocks} and {@code concerns} may hold (not value-set ids). */
    static final Set<String> MODALITIES = Set.of(Modality.KETAMINE.word(), Modality.TMS.word());

    private CardTemplateReader() {}

    /**
     * @param identifiedByName the shared "identified by its name" line, put before the detail's last paragraph (the
     *                         knowledge-version footer) of a template that does not place {@code identifiedByName}
     *                         itself; null: none
     */
    static CardTemplate read(JsonNode t, String name, String identifiedByName) {
        String detail = withLine(text(t.path("detail")), identifiedByName);
        if (!detail.contains("{{knowledgeVersion}}")) {
            throw new KnowledgeLoadException(name + ": the detail must state {{knowledgeVersion}}");
        }
        List<CardTemplate.Link> links = new ArrayList<>();
        for (JsonNode l : t.path("links")) {
            links.add(new CardTemplate.Link(
                    l.path("label").asText(),
                    l.path("url").asText(),
                    l.path("when").asText(null)));
        }
        List<CardTemplate.Reason> reasons = new ArrayList<>();
        for (JsonNode r : t.path("overrideReasons")) {
            reasons.add(new CardTemplate.Reason(
                    r.path("system").asText(null),
                    r.path("code").asText(),
                    r.path("display").asText()));
        }
        List<CardTemplate.SuggestionTemplate> suggestions = new ArrayList<>();
        for (JsonNode s : t.path("suggestions")) {
            List<CardTemplate.ActionTemplate> actions = new ArrayList<>();
            for (JsonNode a : s.path("actions")) {
                actions.add(action(a, name));
            }
            suggestions.add(new CardTemplate.SuggestionTemplate(
                    Compilers.PLAIN.compile(s.path("label").asText()),
                    s.path("isRecommended").asBoolean(false),
                    s.path("when").asText(null),
                    actions));
        }
        return new CardTemplate(
                required(t, "topic", name),
                required(t, "display", name),
                required(t, "indicator", name),
                t.path("source").path("label").asText(),
                t.path("source").path("url").asText(null),
                Compilers.PLAIN.compile(required(t, "summary", name)),
                Compilers.MARKDOWN.compile(detail),
                List.copyOf(links),
                List.copyOf(reasons),
                t.path("selectionBehavior").asText("at-most-one"),
                suggestions,
                blockedModalities(t.path("blocks"), name),
                modality(t, "concerns", name),
                t.path("criticalWhen").asText(null),
                t.path("warningWhen").asText(null),
                name,
                required(t, "summary", name),
                example(t.get("example"), name));
    }

    /**
     * The template's example finding (absent: null): {@code details}, an object of the detail keys, and
     * {@code evidence}, a list of references; nothing else.
     */
    private static JsonNode example(JsonNode example, String name) {
        if (example == null || example.isNull()) {
            return null;
        }
        boolean evidence = example.path("evidence").isArray();
        for (JsonNode ref : example.path("evidence")) {
            evidence &= ref.isTextual();
        }
        if (!example.isObject() || !example.path("details").isObject() || !evidence || example.size() != 2) {
            throw new KnowledgeLoadException(name
                    + ": example must be an object of two fields, details (an object of detail keys) and evidence"
                    + " (a list of references)");
        }
        return example.deepCopy();
    }

    private static String withLine(String detail, String line) {
        if (line == null || detail.contains(IDENTIFIED_BY_NAME)) {
            return detail;
        }
        String block = "{{#" + IDENTIFIED_BY_NAME + "}}\n" + line + "\n{{/" + IDENTIFIED_BY_NAME + "}}\n";
        int footer = detail.lastIndexOf("\n\n");
        return footer < 0
                ? detail + "\n\n" + block
                : detail.substring(0, footer) + "\n" + block + "\n" + detail.substring(footer + 2);
    }

    /** The template's {@code blocks}: one modality or a list of them ("ketamine", "tms"; "none" or absent = none). */
    private static Set<String> blockedModalities(JsonNode blocks, String name) {
        Set<String> modalities = new LinkedHashSet<>();
        for (JsonNode value : blocks.isArray() ? blocks : List.of(blocks)) {
            String modality = value.isTextual() ? value.asText().toLowerCase(Locale.ROOT) : null;
            if (value.isMissingNode() || value.isNull() || "none".equals(modality)) {
                continue;
            }
            if (!MODALITIES.contains(modality)) {
                throw new KnowledgeLoadException(name + ": blocks must be \"ketamine\", \"tms\", \"none\" or a list");
            }
            modalities.add(modality);
        }
        return Collections.unmodifiableSet(modalities);
    }

    /** "ketamine", "tms", or null (absent, null or "none"); anything else fails loading. */
    private static String modality(JsonNode t, String field, String name) {
        String value = t.path(field).asText(null);
        if (value == null || value.equals("none")) {
            return null;
        }
        if (!MODALITIES.contains(value)) {
            throw new KnowledgeLoadException(name + ": " + field + " must be \"ketamine\", \"tms\" or \"none\"");
        }
        return value;
    }

    /**
     * One action of a suggestion, checked as the renderer will read it (an unknown type or a missing part would
     * otherwise fail only when a patient's finding offers the suggestion): create with a resource, update with the
     * detail key of its draft order and what to set, delete with the detail key of its references.
     */
    private static CardTemplate.ActionTemplate action(JsonNode a, String name) {
        String type = a.path("type").asText();
        String needs = switch (type) {
            case "create" -> a.path("resource").isObject() ? null : "a resource object";
            case "update" ->
                a.path("draftOrder").isTextual() && a.path("set").isObject()
                        ? null
                        : "draftOrder (a detail key) and set (the fields to change)";
            case "delete" -> a.path("resourceIds").isTextual() ? null : "resourceIds (a detail key)";
            default -> "a type of create, update or delete";
        };
        if (needs != null) {
            throw new KnowledgeLoadException(name + ": a suggestion's action of type \"" + type + "\" needs " + needs);
        }
        Template resource =
                a.has("resource") ? Compilers.JSON.compile(a.path("resource").toString()) : null;
        List<CardTemplate.Edit> edits = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = a.path("set").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            edits.add(new CardTemplate.Edit(
                    JsonPath.parse(e.getKey()),
                    Compilers.JSON.compile(e.getValue().asText())));
        }
        return new CardTemplate.ActionTemplate(
                a.path("type").asText(),
                Compilers.PLAIN.compile(a.path("description").asText()),
                resource,
                a.path("draftOrder").asText(null),
                edits,
                a.path("resourceIds").asText(null),
                a.path("rewriteDose").path("from").asText(null),
                a.path("rewriteDose").path("to").asText(null));
    }

    /** A string, or an array of lines joined with newlines (for readable Markdown in JSON). */
    private static String text(JsonNode node) {
        if (!node.isArray()) {
            return node.asText();
        }
        StringBuilder out = new StringBuilder();
        for (JsonNode line : node) {
            out.append(line.asText()).append('\n');
        }
        return out.toString();
    }

    private static String required(JsonNode t, String field, String name) {
        if (!t.hasNonNull(field)) {
            throw new KnowledgeLoadException(name + ": missing " + field);
        }
        return t.path(field).asText();
    }
}
