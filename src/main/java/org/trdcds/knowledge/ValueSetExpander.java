package org.trdcds.knowledge;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ConceptReferenceComponent;
import org.hl7.fhir.r4.model.ValueSet.ConceptSetComponent;
import org.hl7.fhir.r4.model.ValueSet.ValueSetExpansionContainsComponent;

/**
 * Expands ValueSets into system -> codes: compose.include (concept lists and other value sets), minus
 * compose.exclude. A value set without compose (the VSAC copies) contributes its expansion. Filters and whole
 * code systems are not supported and fail fast, so that nothing is silently left out.
 */
final class ValueSetExpander {

    /** A ValueSet and the file it came from (for messages). */
    record Source(ValueSet valueSet, String path) {}

    private final Map<String, Source> byUrl;

    ValueSetExpander(Map<String, Source> byUrl) {
        this.byUrl = byUrl;
    }

    Map<String, Set<String>> expand(Source source) {
        return expand(source, new ArrayDeque<>());
    }

    private Map<String, Set<String>> expand(Source source, Deque<String> chain) {
        String url = source.valueSet().getUrl();
        if (chain.contains(url)) {
            throw new KnowledgeLoadException(source.path() + ": value set cycle " + chain + " -> " + url);
        }
        chain.push(url);
        Map<String, Set<String>> codes = new HashMap<>();
        ValueSet valueSet = source.valueSet();
        if (valueSet.getCompose().hasInclude()) {
            for (ConceptSetComponent include : valueSet.getCompose().getInclude()) {
                apply(include, source, chain, codes, true);
            }
            for (ConceptSetComponent exclude : valueSet.getCompose().getExclude()) {
                apply(exclude, source, chain, codes, false);
            }
        } else {
            addExpansion(valueSet.getExpansion().getContains(), codes);
        }
        chain.pop();
        return codes;
    }

    private void apply(
            ConceptSetComponent set,
            Source source,
            Deque<String> chain,
            Map<String, Set<String>> codes,
            boolean include) {
        String what = include ? "include" : "exclude";
        if (set.hasFilter()) {
            throw new KnowledgeLoadException(
                    source.path() + ": compose." + what + ".filter is not supported; list " + "the codes");
        }
        if (set.hasSystem() && set.hasValueSet()) {
            throw new KnowledgeLoadException(source.path() + ": compose." + what + " with both system and valueSet "
                    + "is not supported; use separate entries");
        }
        if (set.hasSystem() && !set.hasConcept()) {
            throw new KnowledgeLoadException(source.path() + ": compose." + what + " of the whole code system "
                    + set.getSystem() + " is not supported; list the concepts");
        }
        Map<String, Set<String>> selected = new HashMap<>();
        for (ConceptReferenceComponent concept : set.getConcept()) {
            selected.computeIfAbsent(set.getSystem(), s -> new HashSet<>()).add(concept.getCode());
        }
        for (CanonicalType canonical : set.getValueSet()) {
            String url = canonical.getValue().split("\\|", 2)[0];
            Source referenced = byUrl.get(url);
            if (referenced == null) {
                throw new KnowledgeLoadException(source.path() + ": compose." + what + ".valueSet " + url
                        + " is not among the loaded value sets (copy it into fhir-profiles/vocabulary/vsac/)");
            }
            expand(referenced, chain)
                    .forEach((system, values) -> selected.computeIfAbsent(system, s -> new HashSet<>())
                            .addAll(values));
        }
        selected.forEach((system, values) -> {
            if (include) {
                codes.computeIfAbsent(system, s -> new HashSet<>()).addAll(values);
            } else if (codes.containsKey(system)) {
                codes.get(system).removeAll(values);
            }
        });
    }

    private static void addExpansion(
            List<ValueSetExpansionContainsComponent> contains, Map<String, Set<String>> codes) {
        for (ValueSetExpansionContainsComponent entry : contains) {
            if (entry.hasSystem() && entry.hasCode() && !entry.getAbstract()) {
                codes.computeIfAbsent(entry.getSystem(), s -> new HashSet<>()).add(entry.getCode());
            }
            addExpansion(entry.getContains(), codes);
        }
    }
}
