package org.trdcds.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cds.security.*}: who may call the CDS endpoints and the admin endpoints.
 *
 * @param trustedIssuers CDS clients (EHRs) whose signed JWTs are accepted; empty means loopback-only
 * @param audienceBaseUrl the service's external base URL (scheme://host[:port][/prefix]); the expected {@code aud} is
 *     this plus the path inside the application, never built from the request's Host header. Required as soon as
 *     an issuer is trusted
 * @param mode {@code verify} (default) or {@code open} (no checks on the CDS endpoints)
 * @param adminToken bearer credential for /admin/** and /actuator/**; absent means loopback-only
 * @param clockSkew tolerance on exp, iat and nbf
 * @param jtiCacheSize live jtis the memory replay store holds at most (each until its token's exp + skew); a new
 *     one beyond is refused with 503, never a live one forgotten. The default holds 3,000 calls/s of 5-minute tokens
 * @param jwksMinRefreshInterval an unknown kid refetches an issuer's JWKS at most once per interval
 * @param jwksCacheTtl cached keys are refetched when older than this
 * @param jwksTimeout connect and read timeout of a JWKS fetch
 * @param jtiCacheSizePerIssuer live jtis the memory replay store holds per trusted issuer; unset means
 *     {@code jtiCacheSize}
 * @param maxTokenLifetime a token whose exp is further away than this (plus the clock skew), or whose exp is this
 *     much after its iat (plus the skew), is refused: a token is never accepted for long
 * @param replayStore {@code memory} (one process; default) or {@code database} (the service's database, shared by
 *     every replica)
 * @param replayPurgeInterval how often the database replay store deletes expired rows
 * @param adminFailuresPerMinute failed admin authentications allowed per peer address and minute (429 beyond)
 * @param loopbackHostNames in loopback-only mode, the Host names a loopback caller may send (DNS rebinding guard)
 */
@ConfigurationProperties("cds.security")
public record SecurityProperties(
        List<TrustedIssuer> trustedIssuers,
        String audienceBaseUrl,
        @DefaultValue("verify") Mode mode,
        String adminToken,
        @DefaultValue("60s") Duration clockSkew,
        @DefaultValue("1000000") int jtiCacheSize,
        @DefaultValue("30s") Duration jwksMinRefreshInterval,
        @DefaultValue("1h") Duration jwksCacheTtl,
        @DefaultValue("5s") Duration jwksTimeout,
        Integer jtiCacheSizePerIssuer,
        @DefaultValue("5m") Duration maxTokenLifetime,
        @DefaultValue("memory") ReplayStoreKind replayStore,
        @DefaultValue("1m") Duration replayPurgeInterval,
        @DefaultValue("10") int adminFailuresPerMinute,
        @DefaultValue({"localhost", "127.0.0.1", "[::1]"}) List<String> loopbackHostNames) {

    public SecurityProperties {
        trustedIssuers = trustedIssuers == null ? List.of() : List.copyOf(trustedIssuers);
        if (trustedIssuers.stream().map(TrustedIssuer::issuer).distinct().count() < trustedIssuers.size()) {
            throw new IllegalArgumentException("cds.security.trusted-issuers lists an issuer twice");
        }
        if (clockSkew.isNegative() || jtiCacheSize < 1) {
            throw new IllegalArgumentException("cds.security.clock-skew and jti-cache-size must be positive");
        }
        audienceBaseUrl = blankToNull(audienceBaseUrl);
        if (!trustedIssuers.isEmpty() && audienceBaseUrl == null) {
            throw new IllegalArgumentException("cds.security.audience-base-url is required once a trusted issuer is "
                    + "configured: the external base URL of this service (e.g. https://cds.example.org), which every "
                    + "token's aud must name");
        }
        if (audienceBaseUrl != null && BaseUrl.normalize(audienceBaseUrl) == null) {
            throw new IllegalArgumentException("cds.security.audience-base-url must be an absolute http(s) URL");
        }
        adminToken = blankToNull(adminToken);
        if (jtiCacheSizePerIssuer == null) {
            jtiCacheSizePerIssuer = jtiCacheSize;
        }
        if (maxTokenLifetime.isNegative() || maxTokenLifetime.isZero()) {
            throw new IllegalArgumentException("cds.security.max-token-lifetime must be positive");
        }
        if (replayPurgeInterval.isNegative() || replayPurgeInterval.isZero()) {
            throw new IllegalArgumentException("cds.security.replay-purge-interval must be positive");
        }
        loopbackHostNames = List.copyOf(loopbackHostNames);
    }

    /**
     * One trusted CDS client.
     *
     * @param issuer exact {@code iss} value
     * @param jwksUrl where its public keys are (http, https or file); keys are only ever loaded from here
     * @param tenant when set, the token's {@code tenant} claim must equal it
     * @param jku the {@code jku} header values accepted from this issuer (compared, never fetched); default: jwksUrl
     * @param fhirServers the base URLs this issuer's calls may name as {@code fhirServer}; none means its calls may
     *     name no FHIR server (prefetch only)
     */
    public record TrustedIssuer(String issuer, URI jwksUrl, String tenant, List<URI> jku, List<String> fhirServers) {
        @ConstructorBinding
        public TrustedIssuer {
            if (issuer == null || issuer.isBlank()) {
                throw new IllegalArgumentException("a trusted issuer needs an issuer");
            }
            if (jwksUrl == null || !Set.of("http", "https", "file").contains(jwksUrl.getScheme())) {
                throw new IllegalArgumentException("trusted issuer " + issuer + " needs an http(s) or file: jwks-url");
            }
            tenant = blankToNull(tenant);
            jku = jku == null || jku.isEmpty() ? List.of(jwksUrl) : List.copyOf(jku);
            fhirServers = fhirServers == null ? List.of() : List.copyOf(fhirServers);
            for (String server : fhirServers) {
                if (BaseUrl.normalize(server) == null) {
                    throw new IllegalArgumentException("trusted issuer " + issuer
                            + ": every fhir-servers entry must be an absolute http(s) URL without query or fragment");
                }
            }
        }

        /** An issuer whose keys are at jwksUrl, which is also the only jku accepted, and who may name no FHIR server. */
        public TrustedIssuer(String issuer, URI jwksUrl, String tenant) {
            this(issuer, jwksUrl, tenant, null, null);
        }
    }

    public enum Mode {
        VERIFY,
        OPEN
    }

    /** Where used jtis are kept. */
    public enum ReplayStoreKind {
        MEMORY,
        DATABASE
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
