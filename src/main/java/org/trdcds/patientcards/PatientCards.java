package org.trdcds.patientcards;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.trdcds.cards.Card;
import org.trdcds.cards.CardRenderer;
import org.trdcds.criteria.Decision;
import org.trdcds.criteria.Finding;
import org.trdcds.criteria.HookKind;
import org.trdcds.criteria.PatientFacts;
import org.trdcds.fhirdata.FactExtractor;
import org.trdcds.fhirdata.PatientData;

/**
 * One patient's record -> cards: the extractor, the decision and the renderer, in the order every hook call runs
 * them. The one code path shared by the hooks ({@code hooks.HookInvocation}) and the go-live dry run
 * ({@code dryrun}), so that the dry run shows exactly the cards the service would show. Thread-safe when its parts
 * are (they are: all state is per call).
 */
public final class PatientCards {

    private final FactExtractor extractor;
    private final Decision decision;
    private final CardRenderer renderer;

    public PatientCards(FactExtractor extractor, Decision decision, CardRenderer renderer) {
        this.extractor = extractor;
        this.decision = decision;
        this.renderer = renderer;
    }

    /**
     * @param draftOrders    context.draftOrders of an order hook, else null
     * @param selections     context.selections of order-select, else null
     * @param draftOrderJson raw JSON of each draft order by "Type/id"; empty on patient-view
     */
    public List<Card> cards(
            PatientData data,
            Bundle draftOrders,
            List<String> selections,
            HookKind kind,
            String serviceId,
            String patientId,
            Map<String, String> draftOrderJson) {
        PatientFacts facts = extractor.extract(data, draftOrders, selections);
        List<Finding> findings = decision.decide(facts, kind);
        return renderer.render(findings, serviceId, patientId, draftOrderJson);
    }

    /** The cards of a patient-view call (no draft orders) for this record. */
    public List<Card> patientView(PatientData data, String serviceId, String patientId) {
        return cards(data, null, null, HookKind.SCREENING, serviceId, patientId, Map.of());
    }
}
