package org.trdcds.hooks;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

/**
 * One validated hook call, parsed once at the edge.
 *
 * @param selections     context.selections (order-select), else null
 * @param draftOrders    context.draftOrders (order hooks), else null
 * @param draftOrderJson raw FHIR JSON of each draft order by "Type/id" (for update suggestions); empty if none
 * @param prefetch       the service's prefetch keys as received: absent, null, or the parsed resource
 */
public record HookRequest(
        CdsService service,
        Hook hook,
        String hookInstance,
        String fhirServer,
        String bearerToken,
        String userId,
        String patientId,
        String encounterId,
        List<String> selections,
        Bundle draftOrders,
        Map<String, String> draftOrderJson,
        Map<String, IBaseResource> prefetch) {

    /** Names the call without the access token or anything about the patient. */
    @Override
    public String toString() {
        return "HookRequest[" + service.id() + ", hookInstance=" + hookInstance + "]";
    }
}
