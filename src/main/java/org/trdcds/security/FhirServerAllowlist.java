package org.trdcds.security;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The FHIR servers a CDS client's calls may name ({@code cds.security.trusted-issuers[n].fhir-servers}): base URLs
 * compared in canonical spelling ({@link BaseUrl}), exactly, never by prefix. An empty list allows none.
 */
public final class FhirServerAllowlist {

    private final Set<String> allowed;

    FhirServerAllowlist(List<String> baseUrls) {
        this.allowed = baseUrls.stream()
                .map(BaseUrl::normalize)
                .filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether a call may name this fhirServer. */
    public boolean allows(String fhirServer) {
        String normalized = BaseUrl.normalize(fhirServer);
        return normalized != null && allowed.contains(normalized);
    }

    boolean isEmpty() {
        return allowed.isEmpty();
    }
}
