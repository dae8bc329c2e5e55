package org.trdcds.criteria;

import java.time.Instant;
import java.util.List;

/**
 * A MedicationStatement, MedicationRequest or MedicationAdministration, reduced to what the criteria read.
 *
 * @param ref     "MedicationStatement/{id}", "MedicationRequest/{id}" or "MedicationAdministration/{id}"
 * @param codes   codings of medicationCodeableConcept, or of the contained/referenced Medication's code and ingredients
 * @param text    medicationCodeableConcept.text or first display (for cards; escaped by the card layer)
 * @param status  the resource status code (active, completed, stopped, on-hold, draft, not-done, ...)
 * @param start   see docs/protocol.md section 1 "Period"; null if none
 * @param end     the recorded end, or null when open (the criteria decide "until now" for active records)
 * @param doses   every dosage / dosageInstruction (an administration's dosage as one), empty when none
 * @param intent  MedicationRequest.intent (order, plan, proposal, ...), null for other resources
 * @param reasons reasonCode codings (and reasonReference Condition codes when resolvable)
 * @param recognition how the medication was identified (by name: its codes include the named ingredient's RxNorm
 *                    code), and an unresolved medicationReference; never null
 */
public record MedicationFact(
        String ref,
        List<Code> codes,
        String text,
        String status,
        Instant start,
        Instant end,
        List<Dose> doses,
        String intent,
        List<Code> reasons,
        Recognition recognition) {

    public MedicationFact {
        recognition = recognition == null ? Recognition.NONE : recognition;
    }

    public MedicationFact(
            String ref,
            List<Code> codes,
            String text,
            String status,
            Instant start,
            Instant end,
            List<Dose> doses,
            String intent,
            List<Code> reasons) {
        this(ref, codes, text, status, start, end, doses, intent, reasons, Recognition.NONE);
    }

    public MedicationFact(
            String ref, List<Code> codes, String text, String status, Instant start, Instant end, Dose dose) {
        this(ref, codes, text, status, start, end, dose == null ? List.of() : List.of(dose), null, List.of());
    }

    /** The first dosage, or null. */
    public Dose dose() {
        return doses.isEmpty() ? null : doses.get(0);
    }

    public boolean administration() {
        return ref.startsWith("MedicationAdministration/");
    }
}
