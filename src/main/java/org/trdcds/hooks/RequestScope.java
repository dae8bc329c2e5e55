package org.trdcds.hooks;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.trdcds.edge.LogText;
import org.trdcds.fhirdata.PatientScope;

/**
 * What a request may carry (PROTOCOL-v2, "Data the decision reads"): only the context patient's data, and in each
 * prefetch key only the resource types its template queries (the template's type, types it _include's or
 * _revinclude's, and OperationOutcome). Anything else is a 400 naming the prefetch key or draft order.
 */
final class RequestScope {

    private static final Pattern TYPE = Pattern.compile("^\\s*([A-Z][A-Za-z]+)(?:[/?]|$)");
    private static final Pattern INCLUDE = Pattern.compile("[?&]_(include|revinclude)(?::iterate)?=([^&]+)");
    private static final Map<String, Set<String>> QUERIED_TYPES = new ConcurrentHashMap<>();

    private RequestScope() {}

    /** @throws CdsException 400 when the key holds another patient's resource or a type its template does not query */
    static void checkPrefetch(String key, IBaseResource value, String template, String patientId) {
        Set<String> allowed = QUERIED_TYPES.computeIfAbsent(template, RequestScope::queriedTypes);
        for (IBaseResource resource : PatientScope.resources(value)) {
            if (!allowed.isEmpty() && !allowed.contains(resource.fhirType())) {
                throw CdsException.invalid("prefetch." + key + " holds a " + resource.fhirType()
                        + " resource, a type its prefetch template does not query");
            }
            if (PatientScope.ofAnotherPatient(resource, patientId)) {
                throw CdsException.invalid(
                        "prefetch." + key + " holds a resource of another patient than " + "context.patientId");
            }
        }
    }

    /** @throws CdsException 400 naming the first draft order of another patient */
    static void checkDraftOrders(Bundle draftOrders, String patientId) {
        int index = 0;
        for (Bundle.BundleEntryComponent entry : draftOrders.getEntry()) {
            IBaseResource resource = entry.getResource();
            if (resource != null && PatientScope.ofAnotherPatient(resource, patientId)) {
                String id = resource.getIdElement().getIdPart();
                throw CdsException.invalid("context.draftOrders entry " + index + " ("
                        + resource.fhirType() + (id == null ? "" : "/" + LogText.of(id)) + ") is for another patient "
                        + "than context.patientId");
            }
            index++;
        }
    }

    /** The types a template queries; empty (anything goes) when its type cannot be read. */
    static Set<String> queriedTypes(String template) {
        Matcher type = TYPE.matcher(template);
        if (!type.find()) {
            return Set.of();
        }
        Set<String> types = new LinkedHashSet<>();
        types.add(type.group(1));
        types.add("OperationOutcome");
        Matcher include = INCLUDE.matcher(template);
        while (include.find()) {
            String[] parts = include.group(2).split(":");
            if ("revinclude".equals(include.group(1))) {
                types.add(parts[0]);
            } else if (parts.length >= 3) {
                types.add(parts[2]);
            } else if (parts.length == 2 && "medication".equals(parts[1])) {
                types.add("Medication");
            } else {
                return Set.of(); // an _include whose target type is not named: not judged
            }
        }
        return Set.copyOf(types);
    }
}
