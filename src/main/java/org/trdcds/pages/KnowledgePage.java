package org.trdcds.pages;

import static org.trdcds.pages.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.trdcds.cards.CardRenderer;
import org.trdcds.knowledge.Knowledge;
import org.trdcds.knowledge.KnowledgeDocuments;
import org.trdcds.knowledge.LoadedKnowledge;

/**
 * {@code GET /admin/knowledge} (admin only): what the service loaded, for the people who own the knowledge: the
 * value sets (codes on demand), the minimum-dose tables with their review status, the protocol parameters, the card
 * templates each with the card its example renders to ({@link TemplateExamples}), the knowledge version and the folder
 * in use. Built once at start-up: the knowledge never changes while
 * the service runs.
 */
@Controller
public class KnowledgePage {

    static final String VERIFICATION = "https://fhir.trd-cds-hooks.org/StructureDefinition/verification-status";

    private final String html;

    /** @param renderer the card renderer the hooks use: each template's example card is rendered with it */
    @org.springframework.beans.factory.annotation.Autowired
    public KnowledgePage(LoadedKnowledge loaded, CardRenderer renderer, org.trdcds.audit.ServiceModes modes) {
        this.html = build(loaded, renderer, modes);
    }

    public KnowledgePage(LoadedKnowledge loaded, CardRenderer renderer) {
        this(loaded, renderer, new org.trdcds.audit.ServiceModes(Map.of()));
    }

    @GetMapping(path = "/admin/knowledge", produces = Html.CONTENT_TYPE)
    @ResponseBody
    public String knowledge() {
        return html;
    }

    static String build(LoadedKnowledge loaded, CardRenderer renderer) {
        return build(loaded, renderer, new org.trdcds.audit.ServiceModes(Map.of()));
    }

    static String build(LoadedKnowledge loaded, CardRenderer renderer, org.trdcds.audit.ServiceModes modes) {
        Knowledge knowledge = loaded.knowledge();
        KnowledgeDocuments source = loaded.documents();
        StringBuilder out = new StringBuilder("<h1>Knowledge in use</h1>");
        out.append("<table><tr><th>Knowledge version</th><td id=\"knowledge-version\">")
                .append(esc(knowledge.version()))
                .append("</td></tr><tr><th>Folder</th><td id=\"knowledge-folder\">")
                .append(esc(source.origin()))
                .append("</td></tr><tr><th>Services in shadow mode</th><td id=\"shadow-services\">")
                .append(esc(
                        modes.services().keySet().stream()
                                        .filter(modes::shadow)
                                        .toList()
                                        .isEmpty()
                                ? "none: every service is live"
                                : String.join(
                                                ", ",
                                                modes.services().keySet().stream()
                                                        .filter(modes::shadow)
                                                        .toList())
                                        + " (cards recorded for review, not shown: /admin/shadow)"))
                .append("</td></tr></table><p class=\"muted\"><a href=\"#value-sets\">value sets</a> · "
                        + "<a href=\"#minimum-doses\">minimum-dose tables</a> · <a href=\"#parameters\">protocol "
                        + "parameters</a> · <a href=\"#card-templates\">card templates</a>")
                .append(KnowledgeTables.links(new ProtocolText(source, Map.of())))
                .append("</p>");
        valueSets(out, knowledge, source);
        doseTables(out, source);
        parameters(out, knowledge, source);
        KnowledgeTables.knowledgeSections(out, source, new ProtocolText(source, Map.of()));
        TemplateExamples.table(out, loaded.templates(), renderer);
        return Html.page("Knowledge " + knowledge.version(), out.toString());
    }

    private static void valueSets(StringBuilder out, Knowledge knowledge, KnowledgeDocuments source) {
        Map<String, JsonNode> byId = new TreeMap<>();
        source.in(KnowledgeDocuments.VALUE_SETS).values().stream()
                .filter(json -> "ValueSet".equals(json.path("resourceType").asText()))
                .forEach(json -> byId.put(json.path("id").asText(), json));
        out.append("<h2 id=\"value-sets\">Value sets (")
                .append(knowledge.valueSetIds().size())
                .append(")</h2>")
                .append("<table><tr><th>Value set</th><th>Name</th><th>Code systems</th><th>Codes</th>"
                        + "<th>Marked unverified</th></tr>");
        for (String id : new TreeSet<>(knowledge.valueSetIds())) {
            SortedMap<String, SortedSet<String>> expansion = knowledge.expansion(id);
            JsonNode json = byId.getOrDefault(id, com.fasterxml.jackson.databind.node.MissingNode.getInstance());
            int count = expansion.values().stream().mapToInt(SortedSet::size).sum();
            out.append("<tr id=\"vs-")
                    .append(esc(id))
                    .append("\"><td><code>")
                    .append(esc(id))
                    .append("</code></td><td>")
                    .append(esc(json.path("title").asText(json.path("name").asText(id))))
                    .append("<details><summary>description</summary>")
                    .append(esc(json.path("description").asText()))
                    .append("</details></td><td>");
            expansion.keySet().forEach(system -> out.append(esc(system)).append("<br>"));
            out.append("</td><td class=\"codes\"><details><summary>")
                    .append(count)
                    .append(count == 1 ? " code" : " codes")
                    .append("</summary><div class=\"code-list\">");
            expansion.forEach((system, codes) -> out.append("<div><em>")
                    .append(esc(system))
                    .append("</em>: ")
                    .append(esc(String.join(", ", codes)))
                    .append("</div>"));
            out.append("</div></details></td><td class=\"n\">")
                    .append(unverified(json))
                    .append("</td></tr>");
        }
        out.append("</table>");
    }

    /** Concepts of the value set's compose that carry the verification-status extension "unverified". */
    private static int unverified(JsonNode valueSet) {
        int n = 0;
        for (JsonNode include : valueSet.path("compose").path("include")) {
            for (JsonNode concept : include.path("concept")) {
                for (JsonNode extension : concept.path("extension")) {
                    if (VERIFICATION.equals(extension.path("url").asText())
                            && "unverified".equals(extension.path("valueCode").asText())) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /** Every knowledge table whose rows have a minDailyDoseMg part (the antidepressant table and any other). */
    private static void doseTables(StringBuilder out, KnowledgeDocuments source) {
        out.append("<h2 id=\"minimum-doses\">Minimum-dose tables</h2>");
        source.in(KnowledgeDocuments.TABLES).forEach((file, json) -> {
            if (!isDoseTable(json)) {
                return;
            }
            Map<String, Integer> statuses = new TreeMap<>();
            Map<String, String> rows = new TreeMap<>();
            for (JsonNode row : json.path("parameter")) {
                Map<String, JsonNode> parts = new TreeMap<>();
                row.path("part").forEach(part -> parts.put(part.path("name").asText(), part));
                JsonNode ingredient = parts.getOrDefault("ingredient", row).path("valueCoding");
                String status = value(parts.get("status"));
                statuses.merge(status.isEmpty() ? "(none)" : status, 1, Integer::sum);
                String name = ingredient.path("display").asText(row.path("name").asText());
                String route = value(parts.get("route"));
                rows.put(
                        name + "\u0000" + route + "\u0000" + rows.size(),
                        "<tr><td>" + esc(name) + "</td><td><code>"
                                + esc(ingredient.path("code").asText()) + "</code></td><td class=\"n\">"
                                + esc(value(parts.get("minDailyDoseMg"))) + "</td><td>"
                                + (route.isEmpty() ? "any" : esc(route))
                                + "</td><td>" + esc(status) + "</td><td>" + esc(value(parts.get("source")))
                                + "</td></tr>");
            }
            out.append("<h3 id=\"table-")
                    .append(esc(json.path("id").asText()))
                    .append("\">")
                    .append(esc(json.path("id").asText()))
                    .append(" <span class=\"muted\">(")
                    .append(esc(file))
                    .append(")</span></h3><p class=\"review-status\">Review status: ");
            statuses.forEach((status, n) -> out.append("<strong>")
                    .append(esc(status))
                    .append("</strong> ")
                    .append(n)
                    .append(" rows; "));
            out.append("</p><table><tr><th>Ingredient</th><th>RxCUI</th><th>Minimum mg/day</th><th>Route</th>"
                            + "<th>Review status</th><th>Source</th></tr>")
                    .append(String.join("", rows.values()))
                    .append("</table>");
        });
    }

    static boolean isDoseTable(JsonNode json) {
        for (JsonNode row : json.path("parameter")) {
            for (JsonNode part : row.path("part")) {
                if ("minDailyDoseMg".equals(part.path("name").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The value[x] of a Parameters part, whatever its type, as text. */
    static String value(JsonNode part) {
        if (part == null) {
            return "";
        }
        var fields = part.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (field.getKey().startsWith("value")) {
                JsonNode v = field.getValue();
                return v.isNumber()
                        ? ParameterValues.format(v.asDouble())
                        : v.isValueNode() ? v.asText() : v.path("code").asText(v.toString());
            }
        }
        return "";
    }

    private static void parameters(StringBuilder out, Knowledge knowledge, KnowledgeDocuments source) {
        ProtocolText text = new ProtocolText(source, Map.of());
        out.append("<h2 id=\"parameters\">Protocol parameters</h2><table><tr><th>Name</th><th>Value</th>"
                + "<th>Meaning</th></tr>");
        ParameterValues.of(knowledge.parameters())
                .forEach((name, value) -> out.append("<tr><td><code>")
                        .append(esc(name))
                        .append("</code></td><td class=\"n\">")
                        .append(esc(value))
                        .append(' ')
                        .append(esc(text.unit(name)))
                        .append("</td><td>")
                        .append(esc(text.label(name)))
                        .append("</td></tr>"));
        out.append("</table>");
    }
}
