package org.trdcds.criteria;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.trdcds.knowledge.Knowledge;

/**
 * Value-set membership over the codings of a fact, and RxNorm ingredient resolution, through {@link Knowledge}. A
 * value set the knowledge does not hold matches nothing (its check cannot run), never an error.
 */
final class Terms {

    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

    private final Knowledge knowledge;
    private final Set<String> known;

    Terms(Knowledge knowledge) {
        this.knowledge = knowledge;
        this.known = knowledge.valueSetIds();
    }

    Knowledge knowledge() {
        return knowledge;
    }

    boolean has(String valueSetId) {
        return known.contains(valueSetId);
    }

    boolean any(String valueSetId, List<Code> codes) {
        if (!known.contains(valueSetId)) {
            return false;
        }
        for (Code code : codes) {
            if (knowledge.inValueSet(valueSetId, code.system(), code.code())) {
                return true;
            }
        }
        return false;
    }

    /** In any of the value sets. */
    boolean anyOf(List<String> valueSetIds, List<Code> codes) {
        for (String id : valueSetIds) {
            if (any(id, codes)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The ingredient of the first RxNorm coding in the value set: a product code through {@link Knowledge#product},
     * else the code itself as the ingredient.
     */
    Optional<Ingredient> ingredient(String valueSetId, List<Code> codes, String fallbackName) {
        if (!known.contains(valueSetId)) {
            return Optional.empty();
        }
        for (Code code : codes) {
            if (!RXNORM.equals(code.system()) || code.code() == null) {
                continue;
            }
            Optional<Knowledge.Product> product = knowledge.product(code.code());
            if (product.isPresent()) {
                Knowledge.Product p = product.get();
                if (knowledge.inValueSet(valueSetId, RXNORM, code.code())
                        || knowledge.inValueSet(valueSetId, RXNORM, p.ingredient())) {
                    return Optional.of(new Ingredient(p.ingredient(), name(p.ingredient(), p.ingredientName()), p));
                }
            } else if (knowledge.inValueSet(valueSetId, RXNORM, code.code())) {
                String display = code.display() != null ? code.display() : fallbackName;
                return Optional.of(new Ingredient(code.code(), name(code.code(), display), null));
            }
        }
        return Optional.empty();
    }

    private String name(String ingredient, String fallback) {
        return knowledge.ingredientName(ingredient).orElse(fallback != null ? fallback : "RxNorm " + ingredient);
    }

    /** An RxNorm ingredient with the product it was recorded as (null when the ingredient itself was recorded). */
    record Ingredient(String rxcui, String name, Knowledge.Product product) {}
}
