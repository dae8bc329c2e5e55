package org.trdcds.knowledge;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.ValueSet.ConceptReferenceComponent;
import org.hl7.fhir.r4.model.ValueSet.ConceptSetComponent;

/**
 * The project's own value sets (url under {@link #LOCAL_VALUE_SETS}), expanded against the VSAC copies, and the
 * names they and the tables give: what {@link FileKnowledge} indexes.
 */
final class LocalValueSets {

    static final String LOCAL_VALUE_SETS = "https://fhir.trd-cds-hooks.org/ValueSet/";

    private LocalValueSets() {}

    /** Local value-set id -> code system -> codes; a value set that expands to no codes fails loading. */
    static Map<String, Map<String, Set<String>>> expand(ParsedResources parsed) {
        ValueSetExpander expander = new ValueSetExpander(parsed.valueSetsByUrl);
        Map<String, Map<String, Set<String>>> expanded = new HashMap<>();
        parsed.valueSetsByUrl.forEach((url, source) -> {
            if (!url.startsWith(LOCAL_VALUE_SETS)) {
                return;
            }
            String id = source.valueSet().getIdElement().getIdPart();
            if (!url.equals(LOCAL_VALUE_SETS + id)) {
                throw new KnowledgeLoadException(source.path() + ": url " + url + " does not end with the id " + id);
            }
            Map<String, Set<String>> codes = new HashMap<>();
            expander.expand(source).forEach((system, values) -> {
                if (!values.isEmpty()) {
                    codes.put(system, Set.copyOf(values));
                }
            });
            if (codes.isEmpty()) {
                throw new KnowledgeLoadException(source.path() + ": value set " + id + " expands to no codes");
            }
            expanded.put(id, Map.copyOf(codes));
        });
        return Map.copyOf(expanded);
    }

    /** Ingredient names from the RxNorm concepts listed in our value sets, the products and the dose tables. */
    static Map<String, String> ingredientNames(
            ParsedResources parsed,
            Map<String, Knowledge.Product> products,
            Map<String, Knowledge.MinimumDose> doses,
            Map<String, Knowledge.MinimumDose> bipolarDoses) {
        Map<String, String> names = new HashMap<>();
        parsed.valueSetsByUrl.forEach((url, source) -> {
            if (url.startsWith(LOCAL_VALUE_SETS)) {
                for (ConceptSetComponent include :
                        source.valueSet().getCompose().getInclude()) {
                    if (ProductMapReader.RXNORM.equals(include.getSystem())) {
                        for (ConceptReferenceComponent concept : include.getConcept()) {
                            if (concept.hasDisplay()) {
                                names.put(concept.getCode(), concept.getDisplay());
                            }
                        }
                    }
                }
            }
        });
        products.values().forEach(p -> names.putIfAbsent(p.ingredient(), p.ingredientName()));
        doses.values().forEach(d -> names.putIfAbsent(d.ingredient(), d.name()));
        bipolarDoses.values().forEach(d -> names.putIfAbsent(d.ingredient(), d.name()));
        return Map.copyOf(names);
    }

    /** The displays of the local value sets and the ingredient names, each -> a value set holding it. */
    static Map<String, String> knownNames(
            ParsedResources parsed,
            Map<String, Map<String, Set<String>>> valueSets,
            Map<String, String> ingredientNames) {
        Map<String, String> names = new TreeMap<>();
        parsed.valueSetsByUrl.forEach((url, source) -> {
            if (url.startsWith(LOCAL_VALUE_SETS)) {
                for (ConceptSetComponent include :
                        source.valueSet().getCompose().getInclude()) {
                    include.getConcept().stream()
                            .filter(ConceptReferenceComponent::hasDisplay)
                            .forEach(concept -> names.merge(
                                    concept.getDisplay(),
                                    source.valueSet().getIdElement().getIdPart(),
                                    (a, b) -> a.compareTo(b) <= 0 ? a : b));
                }
            }
        });
        new TreeMap<>(ingredientNames)
                .forEach((rxcui, name) -> names.putIfAbsent(
                        name,
                        new TreeSet<>(valueSets.keySet())
                                .stream()
                                        .filter(id -> valueSets
                                                .get(id)
                                                .getOrDefault(ProductMapReader.RXNORM, Set.of())
                                                .contains(rxcui))
                                        .findFirst()
                                        .orElse("")));
        return names;
    }
}
