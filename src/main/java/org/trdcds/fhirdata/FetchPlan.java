package org.trdcds.fhirdata;

import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;

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
public record FetchPlan(String patientId, String fhirServer, String bearerToken,
                        Map<String, String> queries, Map<String, IBaseResource> prefetch) {
}
