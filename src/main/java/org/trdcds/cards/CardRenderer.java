package org.trdcds.cards;

import java.util.List;
import java.util.Map;
import org.trdcds.criteria.Finding;

/** Findings + the templates of cds-cards/ -> CDS Hooks cards. Templates are compiled once, at start-up. */
public interface CardRenderer {

    /**
     * @param findings    what the decision concluded
     * @param serviceId   the CDS service called (source label / analytics)
     * @param draftOrders raw FHIR JSON of each draft order by "Type/id", for update suggestions; empty on patient-view
     */
    List<Card> render(List<Finding> findings, String serviceId, String patientId, Map<String, String> draftOrders);
}
