package org.trdcds.pages;

import static org.trdcds.pages.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trdcds.knowledge.KnowledgeDocuments;

/**
 * The knowledge tables of protocol version 3 as the pages show them, read from the loaded knowledge (never the
 * files): the parameter files of the order checks, safety checks and medication recognition, the medication names
 * table and the dry-run coverage rules. Labels, units and group titles come from cds-cards/protocol/protocol.json.
 */
final class KnowledgeTables {

    /** The version 3 parameter files, in the order the pages show them. */
    static final List<String> PARAMETER_FILES =
            List.of("Parameters-orders-v3.json", "Parameters-safety-v3.json", "Parameters-medication-recognition.json");

    static final String NAMES = "medication-names.json";
    static final String COVERAGE = "Parameters-dry-run-coverage.json";
    static final String SAFETY_RULES = "Parameters-safety-rules.json";

    private KnowledgeTables() {}

    static JsonNode file(KnowledgeDocuments source, String name) {
        return source.in(KnowledgeDocuments.TABLES)
                .getOrDefault(KnowledgeDocuments.TABLES + name, MissingNode.getInstance());
    }

    /**
     * Each parameter name of a Parameters file with its values in file order, as text: a repeated name has several
     * values; a parameter with parts reads "first part: other parts" ("intravenous: intravenous, IV").
     */
    static Map<String, List<String>> values(JsonNode parameters) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (JsonNode parameter : parameters.path("parameter")) {
            String text;
            if (parameter.has("part")) {
                List<String> parts = new ArrayList<>();
                parameter.path("part").forEach(part -> parts.add(KnowledgePage.value(part)));
                text = parts.size() < 2
                        ? String.join("", parts)
                        : parts.get(0) + ": " + String.join(", ", parts.subList(1, parts.size()));
            } else {
                text = KnowledgePage.value(parameter);
            }
            values.computeIfAbsent(parameter.path("name").asText(), n -> new ArrayList<>())
                    .add(text);
        }
        return values;
    }

    static String title(ProtocolText text, String file) {
        return text.json().path("parameterGroups").path(file).asText(file);
    }

    static String anchor(String file) {
        return "params-" + file.replace(".json", "").replace("Parameters-", "");
    }

    /** The links of the /admin/knowledge page's top line for these sections. */
    static String links(ProtocolText text) {
        StringBuilder out = new StringBuilder();
        for (String file : PARAMETER_FILES) {
            out.append(" · <a href=\"#")
                    .append(anchor(file))
                    .append("\">")
                    .append(esc(title(text, file).toLowerCase()))
                    .append("</a>");
        }
        return out.append(" · <a href=\"#safety-rules\">contraindications and cautions</a>"
                        + " · <a href=\"#medication-names\">medication names</a> · "
                        + "<a href=\"#dry-run-coverage\">dry-run coverage rules</a>")
                .toString();
    }

    /** /admin/knowledge: a section per version 3 parameter file, the names table and the coverage rules. */
    static void knowledgeSections(StringBuilder out, KnowledgeDocuments source, ProtocolText text) {
        for (String file : PARAMETER_FILES) {
            out.append("<h2 id=\"")
                    .append(anchor(file))
                    .append("\">")
                    .append(esc(title(text, file)))
                    .append(" <span class=\"muted\">(")
                    .append(esc(file))
                    .append(")</span></h2><table><tr><th>Name</th><th>Value</th><th>Meaning</th></tr>");
            values(file(source, file))
                    .forEach((name, values) -> out.append("<tr><td><code>")
                            .append(esc(name))
                            .append("</code></td><td class=\"n\">")
                            .append(esc(String.join("; ", values)))
                            .append(text.unit(name).isEmpty() ? "" : " " + esc(text.unit(name)))
                            .append("</td><td>")
                            .append(esc(text.label(name)))
                            .append("</td></tr>"));
            out.append("</table>");
        }
        safetyRules(out, file(source, SAFETY_RULES));
        names(out, file(source, NAMES));
        coverage(out, file(source, COVERAGE));
    }

    /** The contraindications and cautions in card order: each a data rule on a value set, or a rule class. */
    private static void safetyRules(StringBuilder out, JsonNode json) {
        out.append("<h2 id=\"safety-rules\">Contraindications and cautions <span class=\"muted\">(")
                .append(SAFETY_RULES)
                .append(
                        ")</span></h2><p>In card order within one indicator. A data rule lists the patient's conditions "
                                + "of its value set; a rule class decides what data cannot say.</p><table><tr><th>#</th>"
                                + "<th>Topic</th><th>Rule</th></tr>");
        int order = 0;
        for (JsonNode row : json.path("parameter")) {
            Map<String, String> parts = new LinkedHashMap<>();
            row.path("part").forEach(part -> parts.put(part.path("name").asText(), KnowledgePage.value(part)));
            String topic = parts.getOrDefault("topic", "");
            out.append("<tr id=\"rule-")
                    .append(esc(topic))
                    .append("\"><td class=\"n\">")
                    .append(++order)
                    .append("</td><td><a href=\"#tpl-")
                    .append(esc(topic))
                    .append("\">")
                    .append(esc(topic))
                    .append("</a></td><td>");
            if (parts.containsKey("class")) {
                out.append("rule class <code>").append(esc(parts.get("class"))).append("</code>");
            } else {
                out.append(esc(parts.getOrDefault("conditions", "")))
                        .append(" conditions of ")
                        .append(valueSetLink(parts.get("valueSet")));
                if (parts.containsKey("unlessActive")) {
                    out.append(", unless one of ")
                            .append(valueSetLink(parts.get("unlessActive")))
                            .append(" is active");
                }
            }
            out.append("</td></tr>");
        }
        out.append("</table>");
    }

    private static String valueSetLink(String id) {
        return "<a href=\"#vs-" + esc(id) + "\">" + esc(id) + "</a>";
    }

    private static void names(StringBuilder out, JsonNode json) {
        out.append("<h2 id=\"medication-names\">Medication names <span class=\"muted\">(")
                .append(NAMES)
                .append(")</span></h2><p>A record is identified by name when its text names one of these, as a whole "
                        + "word, case-insensitive; the longer name wins.</p><table><tr><th>Kind</th><th>Code</th>"
                        + "<th>Display</th><th>Names</th><th>Brands</th><th>Review status</th></tr>");
        for (JsonNode row : json.path("parameter")) {
            JsonNode coding = MissingNode.getInstance();
            List<String> names = new ArrayList<>();
            List<String> brands = new ArrayList<>();
            for (JsonNode part : row.path("part")) {
                switch (part.path("name").asText()) {
                    case "code" -> coding = part.path("valueCoding");
                    case "name" -> names.add(KnowledgePage.value(part));
                    case "brand" -> brands.add(KnowledgePage.value(part));
                    default -> names.add(part.path("name").asText() + ": " + KnowledgePage.value(part));
                }
            }
            String status = "";
            for (JsonNode extension : row.path("extension")) {
                if (KnowledgePage.VERIFICATION.equals(extension.path("url").asText())) {
                    status = extension.path("valueCode").asText();
                }
            }
            out.append("<tr id=\"name-")
                    .append(esc(coding.path("code").asText()))
                    .append("\"><td>")
                    .append(esc(row.path("name").asText()))
                    .append("</td><td><code>")
                    .append(esc(coding.path("code").asText()))
                    .append("</code></td><td>")
                    .append(esc(coding.path("display").asText()))
                    .append("</td><td>")
                    .append(esc(String.join(", ", names)))
                    .append("</td><td>")
                    .append(esc(String.join(", ", brands)))
                    .append("</td><td>")
                    .append(esc(status))
                    .append("</td></tr>");
        }
        out.append("</table>");
    }

    private static void coverage(StringBuilder out, JsonNode json) {
        out.append("<h2 id=\"dry-run-coverage\">Dry-run coverage rules <span class=\"muted\">(")
                .append(COVERAGE)
                .append(")</span></h2><p>What the dry run counts as a coding or a text its value set should have "
                        + "recognised: a code prefix of a code system, or a word stem.</p><table><tr><th>Rule</th>"
                        + "<th>Code system</th><th>Prefix or word stem</th><th>Value set</th></tr>");
        for (JsonNode row : json.path("parameter")) {
            Map<String, String> parts = new LinkedHashMap<>();
            row.path("part").forEach(part -> parts.put(part.path("name").asText(), KnowledgePage.value(part)));
            out.append("<tr><td>")
                    .append(esc(row.path("name").asText()))
                    .append("</td><td>")
                    .append(esc(parts.getOrDefault("system", "")))
                    .append("</td><td><code>")
                    .append(esc(parts.getOrDefault("prefix", parts.getOrDefault("stem", ""))))
                    .append("</code></td><td><a href=\"#vs-")
                    .append(esc(parts.getOrDefault("valueSet", "")))
                    .append("\">")
                    .append(esc(parts.getOrDefault("valueSet", "")))
                    .append("</a></td></tr>");
        }
        out.append("</table>");
    }

    /**
     * /protocol: the version 3 parameters by label, value and unit, a table per file; the name only as the row's
     * anchor and tooltip. A name already shown (on an earlier row or file) is not repeated: one anchor per name.
     */
    static void protocolRows(StringBuilder out, KnowledgeDocuments source, ProtocolText text, Set<String> shown) {
        for (String file : PARAMETER_FILES) {
            out.append("<h3 id=\"")
                    .append(anchor(file))
                    .append("\">")
                    .append(esc(title(text, file)))
                    .append("</h3><table><tr><th>Parameter</th><th>Value</th></tr>");
            values(file(source, file)).forEach((name, values) -> {
                if (!shown.add(name)) {
                    return;
                }
                out.append("<tr id=\"param-")
                        .append(esc(name))
                        .append("\"><td title=\"")
                        .append(esc(name))
                        .append(" (")
                        .append(esc(file))
                        .append(")\">")
                        .append(esc(text.label(name).isEmpty() ? name : text.label(name)))
                        .append("</td><td class=\"n\">")
                        .append(esc(String.join("; ", values)))
                        .append(text.unit(name).isEmpty() ? "" : " " + esc(text.unit(name)))
                        .append("</td></tr>");
            });
            out.append("</table>");
        }
    }
}
