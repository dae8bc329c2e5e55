package org.trdcds.security;

/**
 * The CDS client a verified JWT speaks for; set on the request as attribute {@link #ATTRIBUTE}.
 * Subject and tenant may be null.
 *
 * @param fhirServers the FHIR servers this client's calls may name (its issuer's {@code fhir-servers})
 */
public record AuthenticatedClient(String issuer, String subject, String tenant, FhirServerAllowlist fhirServers) {
    public static final String ATTRIBUTE = AuthenticatedClient.class.getName();

    /** Whether this client's call may name {@code fhirServer} (an absolute URL; null is always allowed). */
    public boolean mayName(String fhirServer) {
        return fhirServer == null || fhirServers.allows(fhirServer);
    }
}
