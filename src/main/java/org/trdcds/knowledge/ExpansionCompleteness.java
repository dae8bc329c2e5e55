package org.trdcds.knowledge;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ValueSetExpansionContainsComponent;
import org.hl7.fhir.r4.model.ValueSet.ValueSetExpansionParameterComponent;

/**
 * A value set copied from an expansion (the VSAC copies: no compose, an expansion) must hold all of it
 * (PROTOCOL-v3): the load fails when {@code expansion.total} is given and differs from the number of distinct codes
 * held, or when, without a total, the copy holds exactly a page of the server's {@code count} parameter (an earlier
 * Pregnancy copy held the first 1,000 of 1,986 codes).
 */
final class ExpansionCompleteness {

    private ExpansionCompleteness() {}

    /** @return the number of distinct (system, code) pairs held */
    static int check(ValueSet valueSet, String path) {
        if (valueSet.getCompose().hasInclude() || !valueSet.hasExpansion()) {
            return 0;
        }
        ValueSet.ValueSetExpansionComponent expansion = valueSet.getExpansion();
        Set<String> codes = new HashSet<>();
        collect(expansion.getContains(), codes);
        if (expansion.hasTotal() && expansion.getTotal() != codes.size()) {
            throw new KnowledgeLoadException(path + ": incomplete expansion: expansion.total is " + expansion.getTotal()
                    + " but " + codes.size() + " codes are held; copy the whole expansion (all pages)");
        }
        if (!expansion.hasTotal()) {
            for (ValueSetExpansionParameterComponent parameter : expansion.getParameter()) {
                if ("count".equals(parameter.getName())
                        && parameter.getValue() != null
                        && parameter.getValue().isPrimitive()
                        && String.valueOf(codes.size())
                                .equals(parameter.getValue().primitiveValue())) {
                    throw new KnowledgeLoadException(path + ": the expansion holds exactly one page of " + codes.size()
                            + " codes and no expansion.total: copy the whole expansion (all pages)");
                }
            }
        }
        return codes.size();
    }

    private static void collect(List<ValueSetExpansionContainsComponent> contains, Set<String> codes) {
        for (ValueSetExpansionContainsComponent entry : contains) {
            if (entry.hasSystem() && entry.hasCode()) {
                codes.add(entry.getSystem() + "|" + entry.getCode());
            }
            collect(entry.getContains(), codes);
        }
    }
}
