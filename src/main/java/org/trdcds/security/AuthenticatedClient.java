package org.trdcds.security;

/**
 * The CDS client a verified JWT speaks for; set on the request as attribute {@link #ATTRIBUTE}.
 * Subject and tenant may be null.
 */
public record AuthenticatedClient(String issuer, String subject, String tenant) {
    public static final String ATTRIBUTE = AuthenticatedClient.class.getName();
}
