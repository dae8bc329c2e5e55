package org.trdcds.criteria;

import java.util.ArrayList;
import java.util.List;
import org.trdcds.knowledge.Modality;

/**
 * Suicide risk for a patient off the depressive spectrum (PROTOCOL-v3 section C, scope): an urgent trigger (item 9 at
 * or above the urgent threshold, ideation, an attempt) shows its card on patient-view whatever the depression is coded
 * as, or whether it is coded; item 9 = 1 alone only for a patient with a ketamine, esketamine or TMS record or order.
 * On order hooks the card goes with the in-scope draft orders (they are such orders). No other card.
 */
final class OffSpectrum {

    private OffSpectrum() {}

    static List<Finding> suicideOnly(Assessment a, PatientFacts facts, HookKind kind) {
        Suicide.Result risk = a.suicide();
        if (risk.finding() == null) {
            return List.of();
        }
        if (kind == HookKind.SCREENING) {
            return risk.triggered() || treatmentOnRecord(a, facts) ? List.of(risk.finding()) : List.of();
        }
        List<String> refs = new ArrayList<>();
        for (DraftOrder order : facts.draftOrders()) {
            Modality modality = order.selected() ? OrderScope.modality(order, a.terms()) : null;
            if (modality != null && OrderScope.inScope(order, modality, a, facts)) {
                refs.add(order.ref());
            }
        }
        return refs.isEmpty() ? List.of() : List.of(Safety.forOrders(risk.finding(), refs, List.of()));
    }

    /** A ketamine, esketamine or TMS record (whatever its reason) or draft order. */
    static boolean treatmentOnRecord(Assessment a, PatientFacts facts) {
        if (!a.courses().isEmpty()) {
            return true;
        }
        for (MedicationFact m : facts.medications()) {
            if (Courses.isKetamineOrEsketamine(m.codes(), a.terms())) {
                return true;
            }
        }
        for (ProcedureFact pr : facts.procedures()) {
            if (a.terms().any(Modality.TMS.valueSet(), pr.codes())) {
                return true;
            }
        }
        for (DraftOrder order : facts.draftOrders()) {
            if (OrderScope.modality(order, a.terms()) != null) {
                return true;
            }
        }
        return false;
    }
}
