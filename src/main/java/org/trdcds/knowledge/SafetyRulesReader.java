package org.trdcds.knowledge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;

/**
 * Reads the contraindications and cautions, in card order, from Parameters-safety-rules.json: one {@code rule} per
 * topic with the parts {@code topic} and either {@code class} (the simple name of a rule class of
 * {@code org.trdcds.criteria}; the decision's factory checks the class) or {@code valueSet} + {@code conditions}
 * ({@code active} or {@code present}) + optional {@code unlessActive}. A topic without a card template, a topic named
 * twice, an unknown value set or part, or a malformed row stops the start with the file, the row and the topic named.
 */
final class SafetyRulesReader {

    static final String ID = "safety-rules";

    private static final Pattern SIMPLE_CLASS_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final List<String> PARTS = List.of("topic", "class", "valueSet", "conditions", "unlessActive");

    private SafetyRulesReader() {}

    /**
     * @param valueSets the ids of the local value sets loaded
     * @param templates the topics that have a card template
     */
    static List<SafetyRuleEntry> read(Parameters table, String path, Set<String> valueSets, Set<String> templates) {
        List<SafetyRuleEntry> rules = new ArrayList<>();
        Set<String> topics = new HashSet<>();
        for (ParametersParameterComponent parameter : table.getParameter()) {
            String row = path + ": rule " + (rules.size() + 1);
            if (!"rule".equals(parameter.getName())) {
                throw new KnowledgeLoadException(
                        row + " is named '" + parameter.getName() + "'; every parameter is a 'rule'");
            }
            for (ParametersParameterComponent part : parameter.getPart()) {
                if (!PARTS.contains(part.getName())) {
                    throw new KnowledgeLoadException(
                            row + " has an unknown part '" + part.getName() + "' (known: " + PARTS + ")");
                }
            }
            ParameterParts parts = new ParameterParts(parameter, path);
            String topic = parts.text("topic");
            String where = row + " (" + topic + ")";
            if (!templates.contains(topic)) {
                throw new KnowledgeLoadException(where + ": unknown topic, no card template of cds-cards/ has it");
            }
            if (!topics.add(topic)) {
                throw new KnowledgeLoadException(where + ": the topic has a rule already (one rule per topic)");
            }
            String ruleClass = parts.optionalText("class");
            String valueSet = parts.optionalText("valueSet");
            if ((ruleClass == null) == (valueSet == null)) {
                throw new KnowledgeLoadException(
                        where + ": name either a class or a valueSet (a data rule), not both nor neither");
            }
            rules.add(
                    ruleClass != null
                            ? ruleClass(where, ruleClass, parts)
                            : dataRule(where, topic, valueSet, parts, valueSets));
        }
        if (rules.isEmpty()) {
            throw new KnowledgeLoadException(path + " holds no rule");
        }
        return List.copyOf(rules);
    }

    private static SafetyRuleEntry ruleClass(String where, String ruleClass, ParameterParts parts) {
        if (parts.optionalText("conditions") != null || parts.optionalText("unlessActive") != null) {
            throw new KnowledgeLoadException(
                    where + ": conditions and unlessActive belong to a data rule, not a class");
        }
        if (!SIMPLE_CLASS_NAME.matcher(ruleClass).matches()) {
            throw new KnowledgeLoadException(where + ": class '" + ruleClass
                    + "' must be the simple name of a rule class of org.trdcds.criteria (e.g. Vascular)");
        }
        String topic = parts.text("topic");
        return SafetyRuleEntry.ofClass(topic, ruleClass);
    }

    private static SafetyRuleEntry dataRule(
            String where, String topic, String valueSet, ParameterParts parts, Set<String> valueSets) {
        SafetyRuleEntry.Conditions conditions = switch (parts.text("conditions")) {
            case "active" -> SafetyRuleEntry.Conditions.ACTIVE;
            case "present" -> SafetyRuleEntry.Conditions.PRESENT;
            default ->
                throw new KnowledgeLoadException(
                        where + ": conditions must be 'active' or 'present', not '" + parts.text("conditions") + "'");
        };
        String unlessActive = parts.optionalText("unlessActive");
        for (String id : unlessActive == null ? List.of(valueSet) : List.of(valueSet, unlessActive)) {
            if (!valueSets.contains(id)) {
                throw new KnowledgeLoadException(where + ": unknown value set '" + id
                        + "', no value set of fhir-profiles/vocabulary/ has this id");
            }
        }
        return SafetyRuleEntry.ofConditions(topic, valueSet, conditions, unlessActive);
    }
}
