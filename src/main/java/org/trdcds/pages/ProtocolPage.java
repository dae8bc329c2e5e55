package org.trdcds.pages;

import static org.trdcds.pages.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.trdcds.cards.SourceUrls;
import org.trdcds.knowledge.CardTemplates;
import org.trdcds.knowledge.Knowledge;
import org.trdcds.knowledge.KnowledgeDocuments;
import org.trdcds.knowledge.LoadedKnowledge;

/**
 * {@code GET /protocol}: the protocol as this service applies it, generated once at start-up from the loaded
 * knowledge (parameters, card templates, the protocol page text). No login, no patient data. One anchor per card
 * topic (id = the topic code): every card's {@code source.url} points at its topic's anchor.
 */
@Controller
public class ProtocolPage {

    private final String html;

    public ProtocolPage(LoadedKnowledge loaded) {
        this.html = build(loaded);
    }

    @GetMapping(path = SourceUrls.PROTOCOL_PATH, produces = Html.CONTENT_TYPE)
    @ResponseBody
    public String protocol() {
        return html;
    }

    static String build(LoadedKnowledge loaded) {
        Knowledge knowledge = loaded.knowledge();
        KnowledgeDocuments source = loaded.documents();
        Map<String, String> values = ParameterValues.of(knowledge.parameters());
        ProtocolText text = new ProtocolText(source, values);
        List<CardTopic> topics = CardTopic.all(loaded.templates());
        JsonNode json = text.json();
        StringBuilder out = new StringBuilder();
        out.append("<h1>").append(esc(json.path("title").asText("Protocol"))).append("</h1>");
        out.append("<p>Knowledge version <strong id=\"knowledge-version\">")
                .append(esc(knowledge.version()))
                .append("</strong>. ")
                .append(esc(json.path("intro").asText("")))
                .append("</p>");
        out.append("<p class=\"muted\">On this page: <a href=\"#parameters\">parameters</a> · ");
        for (JsonNode section : json.path("sections")) {
            out.append("<a href=\"#")
                    .append(esc(section.path("id").asText()))
                    .append("\">")
                    .append(esc(section.path("title").asText().toLowerCase()))
                    .append("</a> · ");
        }
        out.append("<a href=\"#contraindications\">contraindications</a> · <a href=\"#evidence\">evidence</a> · "
                + "<a href=\"#cards\">cards</a></p>");
        for (JsonNode section : json.path("sections")) {
            out.append("<h2 id=\"")
                    .append(esc(section.path("id").asText()))
                    .append("\">")
                    .append(esc(section.path("title").asText()))
                    .append("</h2><ul>");
            for (JsonNode item : section.path("items")) {
                out.append("<li>").append(inline(text.fill(item.asText()))).append("</li>");
            }
            out.append("</ul>");
        }
        parameters(out, source, values, text);
        contraindications(out, topics);
        evidence(out, json, text);
        cards(out, topics, text, firesWhen(source), indicatorLabels(loaded.templates()));
        return Html.page("Protocol " + knowledge.version(), out.toString());
    }

    /**
     * The parameters as a clinician reads them: the label and unit of cds-cards/protocol/protocol.json and the value.
     * The name in the knowledge file is for governance only: the row's anchor and the label's tooltip, never text.
     */
    private static void parameters(
            StringBuilder out, KnowledgeDocuments source, Map<String, String> values, ProtocolText text) {
        out.append("<h2 id=\"parameters\">Protocol parameters</h2><table><tr><th>Parameter</th><th>Value</th></tr>");
        values.forEach((name, value) -> out.append("<tr id=\"param-")
                .append(esc(name))
                .append("\"><td title=\"")
                .append(esc(name))
                .append(" (Parameters-protocol-parameters.json)\">")
                .append(esc(text.label(name).isEmpty() ? name : text.label(name)))
                .append("</td><td class=\"n\">")
                .append(esc(value))
                .append(text.unit(name).isEmpty() ? "" : " " + esc(text.unit(name)))
                .append("</td></tr>"));
        out.append("</table>");
        KnowledgeTables.protocolRows(out, source, text, new java.util.HashSet<>(values.keySet()));
    }

    private static void contraindications(StringBuilder out, List<CardTopic> topics) {
        out.append("<h2 id=\"contraindications\">Contraindications</h2><p>Each absolute contraindication holds the "
                + "combination back; the modality it blocks gets the delete suggestion on order hooks.</p>"
                + "<table><tr><th>Contraindication</th><th>Indicator</th><th>Blocks</th></tr>");
        for (CardTopic topic : topics) {
            if (topic.contraindication()) {
                out.append("<tr><td><a href=\"#")
                        .append(esc(topic.code()))
                        .append("\">")
                        .append(esc(topic.display()))
                        .append("</a></td><td>")
                        .append(esc(topic.indicator()))
                        .append("</td><td>")
                        .append(topic.blocks() == null ? "—" : esc(topic.blocks()))
                        .append("</td></tr>");
            }
        }
        out.append("</table>");
    }

    private static void evidence(StringBuilder out, JsonNode json, ProtocolText text) {
        out.append("<h2 id=\"evidence\">Evidence</h2>");
        if (json.hasNonNull("evidenceSummary")) {
            out.append("<p>")
                    .append(inline(text.fill(json.path("evidenceSummary").asText())))
                    .append("</p>");
        }
        out.append("<table><tr><th>Source</th><th>What it shows</th><th>Strength</th></tr>");
        for (JsonNode e : json.path("evidence")) {
            out.append("<tr><td>")
                    .append(Html.link(
                            e.path("url").asText(null), e.path("label").asText()))
                    .append("</td><td>")
                    .append(esc(e.path("shows").asText()))
                    .append("</td><td>")
                    .append(esc(e.path("strength").asText()))
                    .append("</td></tr>");
        }
        out.append("</table>");
    }

    /**
     * When each topic fires, from the card-topics CodeSystem's definitions (governance edits them with the templates):
     * the page states the rule, never a template summary with its placeholders emptied.
     */
    static Map<String, String> firesWhen(KnowledgeDocuments source) {
        Map<String, String> when = new java.util.HashMap<>();
        source.in(KnowledgeDocuments.VALUE_SETS).values().stream()
                .filter(json -> "CodeSystem".equals(json.path("resourceType").asText())
                        && json.path("url").asText().endsWith("/card-topics"))
                .forEach(json -> json.path("concept")
                        .forEach(concept -> when.put(
                                concept.path("code").asText(),
                                concept.path("definition").asText(""))));
        return when;
    }

    /** A topic's indicators as the card can be issued: "warning or critical" for a dose card that can be critical. */
    static Map<String, String> indicatorLabels(CardTemplates templates) {
        Map<String, String> labels = new java.util.HashMap<>();
        templates.all().forEach(t -> {
            String other = t.criticalWhen() != null ? "critical" : t.warningWhen() != null ? "warning" : null;
            labels.put(t.topic(), other == null ? t.indicator() : t.indicator() + " or " + other);
        });
        return labels;
    }

    private static void cards(
            StringBuilder out,
            List<CardTopic> topics,
            ProtocolText text,
            Map<String, String> firesWhen,
            Map<String, String> indicatorLabels) {
        out.append("<h2 id=\"cards\">Cards</h2><p>What each card of the service means. A card's source link opens "
                + "its section here.</p>");
        for (CardTopic topic : topics) {
            out.append("<section class=\"topic\" id=\"")
                    .append(esc(topic.code()))
                    .append("\"><h3>")
                    .append(esc(topic.display()))
                    .append(" <span class=\"badge ")
                    .append(esc(topic.indicator()))
                    .append("\">")
                    .append(esc(indicatorLabels.getOrDefault(topic.code(), topic.indicator())))
                    .append("</span></h3><p>")
                    .append(esc(
                            firesWhen.getOrDefault(topic.code(), "").isEmpty()
                                    ? text.fill(topic.summary())
                                    : "Fires when: " + firesWhen.get(topic.code())))
                    .append("</p><p class=\"muted\">Topic <code>")
                    .append(esc(topic.code()))
                    .append("</code>");
            if (topic.blocks() != null) {
                out.append(" · blocks ").append(esc(topic.blocks()));
            }
            out.append("</p>");
            if (!topic.links().isEmpty()) {
                out.append("<ul>");
                topic.links()
                        .forEach(l -> out.append("<li>")
                                .append(Html.link(l.url(), l.label()))
                                .append("</li>"));
                out.append("</ul>");
            }
            if (!topic.overrideReasons().isEmpty()) {
                out.append("<p>Override reasons: ");
                out.append(String.join(
                        "; ",
                        topic.overrideReasons().stream()
                                .map(r -> esc(r.display()))
                                .toList()));
                out.append("</p>");
            }
            out.append("</section>");
        }
    }

    /** One Markdown paragraph as inline HTML (without the enclosing p). */
    private static String inline(String markdown) {
        String html = Markdown.html(markdown).strip();
        return html.startsWith("<p>") && html.endsWith("</p>") ? html.substring(3, html.length() - 4) : html;
    }
}
