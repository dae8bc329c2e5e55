package org.trdcds.fhirdata;

import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * What the edge hands to the data layer for one call.
 *
 * @param patientId   bare id from context.patientId
 * @param fhirServer  base URL, or null when the client sent none (then everything must come from prefetch)
 * @param bearerToken fhirAuthorization.access_token or null; never logged, never stored
 * @param queries     prefetch key -> query with the 2.0.1 tokens already substituted, relative to fhirServer
 *                    (e.g. "Condition?patient=123"); these are the service's own prefetch templates
 * @param prefetch    the prefetch object as received, parsed: a key may be absent (not sent), map to null (JSON null),
 *                    or to a resource (Bundle, Patient, OperationOutcome, ...)
 */
public record FetchPlan(
        String patientId,
        String fhirServer,
        String bearerToken,
        Map<String, String> queries,
        Map<String, IBaseResource> prefetch) {

    /** Whether the prefetch answers every query in full, so that loading needs no FHIR server. */
    public boolean prefetchComplete() {
        for (String key : queries.keySet()) {
            IBaseResource value = prefetched(key);
            if (missing(value) || hasNextPage(value)) {
                return false;
            }
        }
        return true;
    }

    /** The prefetched value of a key, or null when it was not sent or sent as null. */
    IBaseResource prefetched(String key) {
        return prefetch == null ? null : prefetch.get(key);
    }

    /** A key without a usable value: not sent, null, or an OperationOutcome (the client could not run the query). */
    static boolean missing(IBaseResource value) {
        return value == null || value instanceof OperationOutcome;
    }

    /** A prefetched searchset that continues on the FHIR server. */
    static boolean hasNextPage(IBaseResource value) {
        return value instanceof Bundle bundle && bundle.getLink(IBaseBundle.LINK_NEXT) != null;
    }
}
