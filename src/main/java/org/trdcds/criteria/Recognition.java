package org.trdcds.criteria;

/**
 * How a medication record or draft order was identified (PROTOCOL-v3 section A), for the rules and the cards.
 *
 * @param by                  {@link #INGREDIENT_CODE}, {@link #PRODUCT_CODE}, {@link #MEDICATION_RESOURCE},
 *                            {@link #NAME}, or null when nothing of the knowledge was recognised
 * @param nameText            when identified by name: the text that named it (for "identified by its name: «text»")
 * @param unresolvedReference a medicationReference that could not be resolved (not contained, not in the request,
 *                            not found or not fetched in time): the record's check lists it under "could not check";
 *                            null when none
 */
public record Recognition(String by, String nameText, String unresolvedReference) {

    public static final String INGREDIENT_CODE = "ingredient-code";
    public static final String PRODUCT_CODE = "product-code";
    public static final String MEDICATION_RESOURCE = "medication-resource";
    public static final String NAME = "name";

    /** Recognised by its codes as recorded (or not at all), nothing to say on a card. */
    public static final Recognition NONE = new Recognition(null, null, null);

    /** True when identified by its name only. */
    public boolean byName() {
        return NAME.equals(by);
    }
}
