package org.trdcds.criteria;

import java.util.List;

/**
 * A draft order from the order-sign / order-select context.
 *
 * @param ref          "{resourceType}/{id}" as the EHR knows it (used as resourceId of delete/update actions)
 * @param resourceType MedicationRequest, ServiceRequest, ...
 * @param codes        medicationCodeableConcept codings (MedicationRequest) or code codings (ServiceRequest, ...)
 * @param text         a label for cards
 * @param dose         first dosageInstruction, or null
 * @param selected     true when the order is among context.selections (order-select), always true for order-sign
 */
public record DraftOrder(String ref, String resourceType, List<Code> codes, String text, Dose dose, boolean selected) {
}
