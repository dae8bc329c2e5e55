package org.trdcds.criteria;

import java.util.List;

/**
 * A draft order from the order-sign / order-select context.
 *
 * @param ref          "{resourceType}/{id}" as the EHR knows it (used as resourceId of delete/update actions)
 * @param resourceType MedicationRequest, ServiceRequest, ...
 * @param codes        medication codings (incl. a contained/referenced Medication's code and ingredients) or code codings
 * @param text         a label for cards
 * @param doses        every dosageInstruction, empty when none
 * @param selected     true when the order is among context.selections (order-select), always true for order-sign
 * @param reasons      reasonCode codings (and codes of resolvable reasonReference Conditions)
 * @param recognition  how the order was identified (by name: its codes include the named ingredient's RxNorm code,
 *                     or the code standing for a procedure named TMS), and an unresolved medicationReference; never
 *                     null
 */
public record DraftOrder(
        String ref,
        String resourceType,
        List<Code> codes,
        String text,
        List<Dose> doses,
        boolean selected,
        List<Code> reasons,
        Recognition recognition) {

    public DraftOrder {
        recognition = recognition == null ? Recognition.NONE : recognition;
    }

    public DraftOrder(
            String ref,
            String resourceType,
            List<Code> codes,
            String text,
            List<Dose> doses,
            boolean selected,
            List<Code> reasons) {
        this(ref, resourceType, codes, text, doses, selected, reasons, Recognition.NONE);
    }

    public DraftOrder(String ref, String resourceType, List<Code> codes, String text, Dose dose, boolean selected) {
        this(ref, resourceType, codes, text, dose == null ? List.of() : List.of(dose), selected, List.of());
    }

    /** The first dosage instruction, or null. */
    public Dose dose() {
        return doses.isEmpty() ? null : doses.get(0);
    }
}
