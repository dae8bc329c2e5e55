package org.trdcds.criteria;

import java.time.Instant;
import java.util.List;

/**
 * A MedicationStatement or MedicationRequest, reduced to what the criteria read.
 *
 * @param ref     "MedicationStatement/{id}" or "MedicationRequest/{id}"
 * @param codes   codings of medicationCodeableConcept (or of the contained/referenced Medication.code when resolvable)
 * @param text    medicationCodeableConcept.text or first display (for cards; escaped by the card layer)
 * @param status  the resource status code (active, completed, stopped, on-hold, draft, ...)
 * @param start   MedicationStatement.effectivePeriod.start / effectiveDateTime; MedicationRequest.dispenseRequest.validityPeriod.start, else authoredOn; null if none
 * @param end     the recorded end, or null when open (the criteria decide "until now" for active records)
 * @param dose    first dosage / dosageInstruction, or null when there is none
 */
public record MedicationFact(String ref, List<Code> codes, String text, String status,
                             Instant start, Instant end, Dose dose) {
}
