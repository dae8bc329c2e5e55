package org.trdcds.criteria;

/**
 * How a medication record or draft order was identified (PROTOCOL-v3 section A), for the rules and the cards.
 *
 * @param by                  how it was identified, or null when nothing of the knowledge was recognised (or the
 *                            extraction ran without knowledge)
 * @param nameText            when identified by name: the text that named it (for "identified by its name: «text»")
 * @param unresolvedReference a medicationReference that could not be resolved (not contained, not in the request,
 *                            not found or not fetched in time): the record's check lists it under "could not check";
 *                            null when none
 */
public record Recognition(By by, String nameText, String unresolvedReference) {

    /** The four ways of PROTOCOL-v3 section A, in their order. */
    public enum By {
        /** (1) an RxNorm ingredient code of the knowledge in a coding */
        INGREDIENT_CODE,
        /** (2) an RxNorm product code of the product map */
        PRODUCT_CODE,
        /** (3) a Medication resource's code or ingredient codings (contained, in the request, or fetched) */
        MEDICATION_RESOURCE,
        /** (4) a name of the knowledge in the medication's text or displays (never the dosage text) */
        NAME
    }

    /** Recognised by its codes as recorded (or not at all), nothing to say on a card. */
    public static final Recognition NONE = new Recognition(null, null, null);

    /** True when identified by its name only. */
    public boolean byName() {
        return by == By.NAME;
    }
}
