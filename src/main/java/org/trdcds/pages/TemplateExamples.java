package org.trdcds.pages;

import static org.trdcds.pages.Html.esc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trdcds.cards.Card;
import org.trdcds.cards.CardRenderer;
import org.trdcds.criteria.Finding;
import org.trdcds.knowledge.CardTemplate;
import org.trdcds.knowledge.CardTemplates;

/**
 * The card templates on {@code /admin/knowledge}, each followed by the card its example finding (the template's
 * {@code example}: details and evidence) renders to with the service's card renderer, shown as the preview page shows
 * cards ({@link CardHtml}). An example that fails to render shows an error naming its template; the page still
 * answers. A suggestion that edits a draft order edits an empty order of the reference the example names (the page
 * shows the suggestion's label and description, never the edited order).
 */
final class TemplateExamples {

    private static final Logger log = LoggerFactory.getLogger(TemplateExamples.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A FHIR reference "Type/id", as the examples' evidence and draft-order details hold them. */
    private static final Pattern REFERENCE = Pattern.compile("[A-Z][A-Za-z]{1,63}/[A-Za-z0-9\\-.]{1,64}");

    /** The service and patient an example card is rendered for: none, the page's own names. */
    static final String SERVICE = "admin-knowledge";

    static final String PATIENT = "example";

    private TemplateExamples() {}

    /** The templates table: a row per template (topic order), then a row with its example card. */
    static void table(StringBuilder out, CardTemplates templates, CardRenderer renderer) {
        out.append("<h2 id=\"card-templates\">Card templates</h2><p class=\"muted\">Under each template, the card its"
                        + " <code>example</code> finding renders to with the renderer the hooks use.</p>")
                .append("<table><tr><th>Topic</th><th>Indicator</th><th>Summary</th><th>Blocks</th>"
                        + "<th>Override reasons</th></tr>");
        for (CardTemplate template : templates.all()) {
            CardTopic topic = CardTopic.of(template);
            out.append("<tr id=\"tpl-")
                    .append(esc(topic.code()))
                    .append("\"><td><code>")
                    .append(esc(topic.code()))
                    .append("</code><br>")
                    .append(esc(topic.display()))
                    .append("</td><td><span class=\"badge ")
                    .append(esc(topic.indicator()))
                    .append("\">")
                    .append(esc(topic.indicator()))
                    .append("</span></td><td>")
                    .append(esc(topic.summary()))
                    .append("</td><td>")
                    .append(topic.blocks() == null ? "—" : esc(topic.blocks()))
                    .append("</td><td>");
            topic.overrideReasons()
                    .forEach(r -> out.append(esc(r.display()))
                            .append(" <code>")
                            .append(esc(r.code()))
                            .append("</code><br>"));
            out.append("</td></tr><tr class=\"example\" id=\"example-")
                    .append(esc(topic.code()))
                    .append("\"><td colspan=\"5\">")
                    .append(example(template, renderer))
                    .append("</td></tr>");
        }
        out.append("</table>");
    }

    /** The example card of a template as HTML, or a paragraph saying why there is none. */
    static String example(CardTemplate template, CardRenderer renderer) {
        String file = "cds-cards/" + template.file();
        if (template.example() == null) {
            return "<p class=\"muted\">No example in " + esc(file) + ".</p>";
        }
        try {
            Finding finding = finding(template);
            List<Card> cards = renderer.render(List.of(finding), SERVICE, PATIENT, draftOrders(finding));
            if (cards.size() != 1) {
                throw new IllegalStateException("one finding gave " + cards.size() + " cards");
            }
            return "<p class=\"muted\">Example card of " + esc(file) + ":</p>" + CardHtml.of(cards.get(0));
        } catch (RuntimeException e) {
            log.warn("The example of {} could not be rendered: {}", file, e.toString());
            return "<p class=\"error\">The example of <code>" + esc(file) + "</code> (topic <code>"
                    + esc(template.topic()) + "</code>) could not be rendered: "
                    + esc(e.getClass().getSimpleName())
                    + (e.getMessage() == null ? "" : ": " + esc(e.getMessage())) + "</p>";
        }
    }

    /** The template's example as the decision would give it: the topic, the details, the evidence. */
    static Finding finding(CardTemplate template) {
        JsonNode example = template.example();
        return new Finding(
                template.topic(),
                JSON.convertValue(example.get("details"), new TypeReference<LinkedHashMap<String, Object>>() {}),
                JSON.convertValue(example.get("evidence"), new TypeReference<List<String>>() {}));
    }

    /**
     * An empty draft order ({@code resourceType} and {@code id}) for every reference of the example's evidence and
     * details, so that a suggestion editing the draft order is shown as the hooks would offer it.
     */
    static Map<String, String> draftOrders(Finding finding) {
        Map<String, String> orders = new TreeMap<>();
        List<Object> values = new ArrayList<>(finding.evidence());
        values.addAll(finding.details().values());
        for (Object value : values) {
            if (value instanceof String ref && REFERENCE.matcher(ref).matches()) {
                int slash = ref.indexOf('/');
                orders.put(
                        ref,
                        JSON.createObjectNode()
                                .put("resourceType", ref.substring(0, slash))
                                .put("id", ref.substring(slash + 1))
                                .toString());
            }
        }
        return orders;
    }
}
