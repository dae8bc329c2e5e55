package org.trdcds.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.trdcds.criteria.Blocks;
import org.trdcds.criteria.Modality;
import org.trdcds.criteria.Topics;

/**
 * Loads and compiles every cds-cards/*.json template once: from {@code <cds.knowledge.dir>/cds-cards/} when that
 * property is set (governance edits without a release), else from the classpath (the copy shipped in the jar).
 */
final class CardTemplates {

    static final String LOCATION = "classpath*:cds-cards/*.json";
    /** Detail lines every template gets (PROTOCOL-v3 A: "identified by its name: «text»"), by detail key. */
    static final String SHARED_LINES = "cds-cards/shared/detail-lines.json";

    static final String IDENTIFIED_BY_NAME = "identifiedByName";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CardTemplates() {}

    /** Which modality each topic blocks, and which one each caution concerns, from the templates. */
    static Blocks blocks(Map<String, CardTemplate> templates) {
        Map<String, java.util.Set<Modality>> blocks = new HashMap<>();
        Map<String, Modality> concerns = new HashMap<>();
        for (CardTemplate t : templates.values()) {
            if (!t.blocks().isEmpty()) {
                blocks.put(t.topic(), t.blocks());
            }
            if (t.concerns() != null) {
                concerns.put(t.topic(), t.concerns());
            }
        }
        return new Blocks(blocks, concerns);
    }

    static Map<String, CardTemplate> load() {
        return load("");
    }

    static Map<String, CardTemplate> load(String knowledgeDir) {
        String location = knowledgeDir.isBlank()
                ? LOCATION
                : Path.of(knowledgeDir, "cds-cards")
                                .toAbsolutePath()
                                .normalize()
                                .toUri() + "*.json";
        Map<String, CardTemplate> templates = new HashMap<>();
        String identifiedByName = sharedLine(knowledgeDir, IDENTIFIED_BY_NAME);
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(location)) {
                try (InputStream in = resource.getInputStream()) {
                    CardTemplate template = parse(JSON.readTree(in), resource.getFilename(), identifiedByName);
                    templates.put(template.topic(), template);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read card templates " + location, e);
        }
        List<String> missing = Topics.ALL.stream()
                .filter(topic -> !templates.containsKey(topic))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no card template for topics " + missing + " in " + location);
        }
        return templates;
    }

    /** One line of cds-cards/shared/detail-lines.json (the knowledge directory's copy when configured); null if none. */
    static String sharedLine(String knowledgeDir, String key) {
        JsonNode line = sharedLines(knowledgeDir).path(key);
        return line.isTextual() && !line.asText().isBlank() ? line.asText() : null;
    }

    private static JsonNode sharedLines(String knowledgeDir) {
        try {
            Resource resource = knowledgeDir.isBlank()
                    ? new PathMatchingResourcePatternResolver().getResource("classpath:" + SHARED_LINES)
                    : new org.springframework.core.io.FileSystemResource(Path.of(knowledgeDir, SHARED_LINES));
            if (!resource.exists()) {
                return JSON.createObjectNode();
            }
            try (InputStream in = resource.getInputStream()) {
                return JSON.readTree(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SHARED_LINES, e);
        }
    }

    /** The {@code phrases} of cds-cards/shared/detail-lines.json (the knowledge directory's copy when configured). */
    static Phrases phrases(String knowledgeDir) {
        Map<String, String> texts = new HashMap<>();
        sharedLines(knowledgeDir)
                .path(Phrases.KEY)
                .fields()
                .forEachRemaining(e -> texts.put(e.getKey(), e.getValue().asText()));
        return new Phrases(texts);
    }

    static CardTemplate parse(JsonNode t, String name) {
        return parse(t, name, sharedLine("", IDENTIFIED_BY_NAME));
    }

    /**
     * @param identifiedByName the shared "identified by its name" line, put before the detail's last paragraph (the
     *                         knowledge-version footer) of a template that does not place {@code identifiedByName}
     *                         itself; null: none
     */
    static CardTemplate parse(JsonNode t, String name, String identifiedByName) {
        String detail = withLine(text(t.path("detail")), identifiedByName);
        if (!detail.contains("{{knowledgeVersion}}")) {
            throw new IllegalStateException(name + ": the detail must state {{knowledgeVersion}}");
        }
        List<Card.Link> links = new ArrayList<>();
        List<String> linkWhen = new ArrayList<>();
        for (JsonNode l : t.path("links")) {
            links.add(new Card.Link(l.path("label").asText(), l.path("url").asText(), "absolute", null));
            linkWhen.add(l.path("when").asText(null));
        }
        List<Card.Coding> reasons = new ArrayList<>();
        for (JsonNode r : t.path("overrideReasons")) {
            reasons.add(new Card.Coding(
                    r.path("system").asText(null),
                    r.path("code").asText(),
                    r.path("display").asText()));
        }
        List<CardTemplate.SuggestionTemplate> suggestions = new ArrayList<>();
        for (JsonNode s : t.path("suggestions")) {
            List<CardTemplate.ActionTemplate> actions = new ArrayList<>();
            for (JsonNode a : s.path("actions")) {
                actions.add(action(a));
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
                links,
                reasons,
                t.path("selectionBehavior").asText("at-most-one"),
                suggestions,
                blockedModalities(t.path("blocks"), name),
                modality(t, "concerns", name),
                t.path("criticalWhen").asText(null),
                t.path("warningWhen").asText(null),
                java.util.Collections.unmodifiableList(linkWhen));
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
    private static java.util.Set<Modality> blockedModalities(JsonNode blocks, String name) {
        java.util.Set<Modality> modalities = new java.util.LinkedHashSet<>();
        for (JsonNode value : blocks.isArray() ? blocks : List.of(blocks)) {
            if (value.isMissingNode() || value.isNull()) {
                continue;
            }
            Modality modality = value.isTextual() ? templateWord(value.asText()) : null;
            if (modality == null && !"none".equalsIgnoreCase(value.asText())) {
                throw new IllegalStateException(name + ": blocks must be \"ketamine\", \"tms\", \"none\" or a list");
            }
            if (modality != null) {
                modalities.add(modality);
            }
        }
        return java.util.Set.copyOf(modalities);
    }

    /** "ketamine", "tms", or null (absent, null or "none"); anything else fails loading. */
    private static Modality modality(JsonNode t, String field, String name) {
        String value = t.path(field).asText(null);
        if (value == null || value.equals("none")) {
            return null;
        }
        Modality modality = value.equals(value.toLowerCase(java.util.Locale.ROOT)) ? templateWord(value) : null;
        if (modality == null) {
            throw new IllegalStateException(name + ": " + field + " must be \"ketamine\", \"tms\" or \"none\"");
        }
        return modality;
    }

    /** The modality a template word names, or null when it names none. */
    private static Modality templateWord(String word) {
        try {
            return Modality.ofTemplateWord(word);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static CardTemplate.ActionTemplate action(JsonNode a) {
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
            throw new IllegalStateException(name + ": missing " + field);
        }
        return t.path(field).asText();
    }
}
