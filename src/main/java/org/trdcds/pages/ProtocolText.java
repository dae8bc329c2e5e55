package org.trdcds.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.trdcds.knowledge.KnowledgeDocuments;

/**
 * The protocol page's own text, cds-cards/protocol/protocol.json: labels and units of the parameters, the steps,
 * schedule and monitoring (Markdown with {@code {{parameter}}} values), the evidence with what each source shows
 * and how strong it is. Optional: without the file the page shows what the parameters and templates alone say.
 */
final class ProtocolText {

    static final String FILE = KnowledgeDocuments.PROTOCOL + "protocol.json";

    private static final Mustache.Compiler MUSTACHE =
            Mustache.compiler().defaultValue("‹{{name}}›").escapeHTML(false);

    private final JsonNode json;
    private final Map<String, String> values;

    ProtocolText(KnowledgeDocuments source, Map<String, String> parameterValues) {
        this.json = source.in(KnowledgeDocuments.PROTOCOL).getOrDefault(FILE, MissingNode.getInstance());
        this.values = withPercentages(parameterValues);
    }

    JsonNode json() {
        return json;
    }

    String label(String parameter) {
        return json.path("parameters").path(parameter).path("label").asText("");
    }

    String unit(String parameter) {
        return json.path("parameters").path(parameter).path("unit").asText("");
    }

    /**
     * A text with the parameter values filled in; a value that only a patient's record gives (a card summary's
     * {@code {{doseMg}}}) shows as its name, ‹doseMg›.
     */
    String fill(String template) {
        try {
            return MUSTACHE.compile(template).execute(values);
        } catch (MustacheException e) {
            return template;
        }
    }

    /** Each decimal parameter between 0 and 1 also as {@code <name>Percent} (0.5 -> 50). */
    private static Map<String, String> withPercentages(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        values.forEach((name, value) -> {
            try {
                BigDecimal number = new BigDecimal(value);
                if (number.signum() > 0 && number.compareTo(BigDecimal.ONE) < 0) {
                    all.put(
                            name + "Percent",
                            number.movePointRight(2).stripTrailingZeros().toPlainString());
                }
            } catch (NumberFormatException notANumber) {
                // text parameters have no percentage
            }
        });
        return all;
    }
}
