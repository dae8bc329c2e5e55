package org.trdcds.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;

/**
 * Which codes a record carries that the knowledge holds in no value set but that look relevant to it (for the
 * go-live dry run's coverage table): a code in a code range of a concept (ICD-10-CM O, F3x, I2x, ...), or a display
 * that names a concept (a word of the concept, a display of a value set, an ingredient name). Read from
 * fhir-profiles/knowledge/Parameters-dry-run-coverage.json; immutable.
 *
 * @param ranges code ranges by code-system prefix, longest first
 * @param words  word stems a display may contain (lower case, matched at the start of a word)
 * @param names  whole names (lower case): value-set displays and ingredient names -> the value set holding them
 */
public record CoverageRules(List<Range> ranges, List<Word> words, Map<String, String> names) {

    static final String ID = "dry-run-coverage";

    /** No rules: nothing looks relevant. */
    public static final CoverageRules NONE = new CoverageRules(List.of(), List.of(), Map.of());

    public record Range(String system, String prefix, String valueSet) {}

    public record Word(String stem, String valueSet) {}

    /** Why a code looks relevant: the value set it is near (null when the name matches no one set). */
    public record Near(String valueSet, String because) {}

    /** Near a concept, or null when the code does not look relevant. */
    public Near near(String system, String code, String display) {
        if (system != null && code != null) {
            for (Range range : ranges) {
                if (range.system().equals(system) && code.startsWith(range.prefix())) {
                    return new Near(range.valueSet(), "code range " + range.prefix());
                }
            }
        }
        if (display == null || display.isBlank()) {
            return null;
        }
        String text = " " + normalise(display) + " ";
        String whole = names.get(text.strip());
        if (whole != null || names.containsKey(text.strip())) {
            return new Near(emptyToNull(whole), "display of the knowledge");
        }
        for (Map.Entry<String, String> name : names.entrySet()) {
            if (name.getKey().length() >= 4 && text.contains(" " + name.getKey() + " ")) {
                return new Near(emptyToNull(name.getValue()), "name " + name.getKey());
            }
        }
        for (Word word : words) {
            if (text.contains(" " + word.stem())) {
                return new Near(word.valueSet(), "word " + word.stem());
            }
        }
        return null;
    }

    /** Lower case, anything but letters and digits as one space. */
    public static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /**
     * @param table     the Parameters of the file, or null when the knowledge has none (then only names count)
     * @param displays  value-set displays and ingredient names -> value set id ("" for none)
     * @param valueSets the ids a rule may name
     */
    static CoverageRules read(Parameters table, String path, Map<String, String> displays, Set<String> valueSets) {
        List<Range> ranges = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        if (table != null) {
            for (ParametersParameterComponent parameter : table.getParameter()) {
                ParameterParts parts = new ParameterParts(parameter, path);
                String valueSet = parts.text("valueSet");
                if (!valueSets.contains(valueSet)) {
                    throw new KnowledgeLoadException(path + ": " + parameter.getName() + " names value set '" + valueSet
                            + "', which the knowledge does not hold");
                }
                switch (parameter.getName()) {
                    case "range" -> ranges.add(new Range(parts.text("system"), parts.text("prefix"), valueSet));
                    case "word" -> words.add(new Word(normalise(parts.text("stem")), valueSet));
                    default ->
                        throw new KnowledgeLoadException(
                                path + ": unknown parameter '" + parameter.getName() + "' (range or word)");
                }
            }
        }
        ranges.sort(Comparator.comparingInt((Range range) -> range.prefix().length())
                .reversed());
        Map<String, String> byName = new java.util.TreeMap<>();
        displays.forEach((name, valueSet) -> {
            String key = normalise(name);
            if (!key.isEmpty()) {
                byName.putIfAbsent(key, valueSet == null ? "" : valueSet);
            }
        });
        Map<String, String> names = new LinkedHashMap<>(); // the longest (most specific) name first
        byName.entrySet().stream()
                .sorted(Comparator.comparingInt(
                                (Map.Entry<String, String> e) -> e.getKey().length())
                        .reversed())
                .forEach(e -> names.put(e.getKey(), e.getValue()));
        return new CoverageRules(List.copyOf(ranges), List.copyOf(words), java.util.Collections.unmodifiableMap(names));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
