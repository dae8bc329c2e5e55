package org.trdcds.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.trdcds.replay.MemoryReplayStore;
import org.trdcds.replay.ReplayStore;
import org.trdcds.security.SecurityProperties.TrustedIssuer;

/**
 * Verifies the JWT a CDS client sends (CDS Hooks 2.0 "Trusting CDS Clients"): an asymmetric
 * signature by a key of a trusted issuer, then exp, iat, nbf (and a lifetime of at most
 * {@code cds.security.max-token-lifetime}), aud, tenant and a jti not seen before (the {@link ReplayStore}).
 */
final class JwtVerifier {

    static final Set<JWSAlgorithm> ALLOWED_ALGORITHMS = Set.of(
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.ES512,
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512);
    private static final int MIN_RSA_BITS = 2048;

    private record Issuer(TrustedIssuer config, IssuerKeys keys, FhirServerAllowlist fhirServers) {}

    private final Map<String, Issuer> issuers;
    private final Clock clock;
    private final Duration clockSkew;
    private final Duration maxLifetime;
    private final ReplayStore replayStore;

    /** With a process-local replay store of {@code cds.security.jti-cache-size} and its max-token-lifetime cap. */
    JwtVerifier(SecurityProperties properties, Clock clock) {
        this(
                properties,
                clock,
                new MemoryReplayStore(properties.jtiCacheSize(), properties.clockSkew(), clock),
                properties.maxTokenLifetime());
    }

    /**
     * @param replayStore remembers used jtis (shared by every replica when it is the database store)
     * @param maxLifetime longest accepted token lifetime: exp at most this far from now and from iat (plus skew)
     */
    JwtVerifier(SecurityProperties properties, Clock clock, ReplayStore replayStore, Duration maxLifetime) {
        JwksLoader loader = new JwksLoader(properties.jwksTimeout());
        this.issuers = properties.trustedIssuers().stream()
                .collect(Collectors.toUnmodifiableMap(
                        TrustedIssuer::issuer,
                        trusted -> new Issuer(
                                trusted,
                                new IssuerKeys(
                                        trusted.issuer(),
                                        trusted.jwksUrl(),
                                        loader,
                                        clock,
                                        properties.jwksMinRefreshInterval(),
                                        properties.jwksCacheTtl()),
                                new FhirServerAllowlist(trusted.fhirServers()))));
        this.clock = clock;
        this.clockSkew = properties.clockSkew();
        this.replayStore = replayStore;
        this.maxLifetime = maxLifetime;
    }

    /** Every trusted issuer's keys (start-up loading and readiness). */
    java.util.List<IssuerKeys> issuerKeys() {
        return issuers.values().stream().map(Issuer::keys).toList();
    }

    /**
     * @param token the compact JWT from the Authorization header
     * @param audience the URL that was called
     * @throws ReplayStore.Unavailable when the replay store cannot record the jti (full, or its database down)
     */
    AuthenticatedClient verify(String token, String audience) throws AuthenticationFailure {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AuthenticationFailure("malformed or unsigned token", null, null);
        }
        JWSHeader header = jwt.getHeader();
        Function<String, AuthenticationFailure> failure =
                reason -> new AuthenticationFailure(reason, claims.getIssuer(), header.getKeyID());

        Issuer issuer = claims.getIssuer() == null ? null : issuers.get(claims.getIssuer());
        if (issuer == null) {
            throw failure.apply("untrusted issuer");
        }
        checkHeader(header, issuer, failure);
        JWK key = issuer.keys().find(header.getKeyID()).orElseThrow(() -> failure.apply("unknown kid"));
        checkSignature(jwt, key, failure);
        Instant expiresAt = checkTimes(claims, failure);
        if (claims.getAudience().stream().noneMatch(aud -> AudienceUrl.same(aud, audience))) {
            throw failure.apply("aud does not name the URL called");
        }
        String tenant = stringClaim(claims, "tenant", failure);
        if (issuer.config().tenant() != null && !issuer.config().tenant().equals(tenant)) {
            throw failure.apply("tenant mismatch");
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank()) {
            throw failure.apply("missing jti");
        }
        if (!replayStore.firstUse(claims.getIssuer(), jti, expiresAt)) {
            throw failure.apply("replayed jti");
        }
        return new AuthenticatedClient(claims.getIssuer(), claims.getSubject(), tenant, issuer.fhirServers());
    }

    private static void checkHeader(JWSHeader header, Issuer issuer, Function<String, AuthenticationFailure> failure)
            throws AuthenticationFailure {
        if (!ALLOWED_ALGORITHMS.contains(header.getAlgorithm())) {
            throw failure.apply("algorithm not allowed");
        }
        JOSEObjectType type = header.getType();
        if (type != null && !"JWT".equalsIgnoreCase(type.getType())) {
            throw failure.apply("typ is not JWT");
        }
        // jku is compared with the issuer's accepted values only; keys always come from its jwks-url
        if (header.getJWKURL() != null && !issuer.config().jku().contains(header.getJWKURL())) {
            throw failure.apply("jku is not the issuer's allowlisted JWKS URL");
        }
        if (header.getKeyID() == null) {
            throw failure.apply("missing kid");
        }
    }

    private static void checkSignature(SignedJWT jwt, JWK key, Function<String, AuthenticationFailure> failure)
            throws AuthenticationFailure {
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        if (key.getAlgorithm() != null && !key.getAlgorithm().equals(algorithm)) {
            throw failure.apply("key is for another algorithm");
        }
        if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
            throw failure.apply("key is not a signing key");
        }
        try {
            if (!jwt.verify(verifierFor(key, algorithm))) {
                throw failure.apply("bad signature");
            }
        } catch (JOSEException e) {
            throw failure.apply("key does not fit the algorithm");
        }
    }

    private static JWSVerifier verifierFor(JWK key, JWSAlgorithm algorithm) throws JOSEException {
        if (JWSAlgorithm.Family.EC.contains(algorithm) && key instanceof ECKey ecKey) {
            return new ECDSAVerifier(ecKey);
        }
        if (JWSAlgorithm.Family.RSA.contains(algorithm)
                && key instanceof RSAKey rsaKey
                && rsaKey.size() >= MIN_RSA_BITS) {
            return new RSASSAVerifier(rsaKey);
        }
        throw new JOSEException("key type or size does not fit the algorithm");
    }

    /** Checks exp, iat and nbf against the clock with skew; returns exp. */
    private Instant checkTimes(JWTClaimsSet claims, Function<String, AuthenticationFailure> failure)
            throws AuthenticationFailure {
        Instant now = clock.instant();
        Instant expiresAt = instantClaim(claims, "exp", failure);
        Instant issuedAt = instantClaim(claims, "iat", failure);
        if (expiresAt == null) {
            throw failure.apply("missing exp");
        }
        if (issuedAt == null) {
            throw failure.apply("missing iat");
        }
        if (now.isAfter(expiresAt.plus(clockSkew))) {
            throw failure.apply("expired");
        }
        if (issuedAt.isAfter(now.plus(clockSkew))) {
            throw failure.apply("iat in the future");
        }
        if (expiresAt.isAfter(now.plus(maxLifetime).plus(clockSkew))
                || expiresAt.isAfter(issuedAt.plus(maxLifetime).plus(clockSkew))) {
            throw failure.apply("lifetime over cds.security.max-token-lifetime");
        }
        Instant notBefore = instantClaim(claims, "nbf", failure);
        if (notBefore != null && notBefore.isAfter(now.plus(clockSkew))) {
            throw failure.apply("not yet valid (nbf)");
        }
        return expiresAt;
    }

    private static Instant instantClaim(
            JWTClaimsSet claims, String name, Function<String, AuthenticationFailure> failure)
            throws AuthenticationFailure {
        try {
            Date date = claims.getDateClaim(name);
            return date == null ? null : date.toInstant();
        } catch (ParseException e) {
            throw failure.apply(name + " is not a number");
        }
    }

    private static String stringClaim(JWTClaimsSet claims, String name, Function<String, AuthenticationFailure> failure)
            throws AuthenticationFailure {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw failure.apply(name + " is not a string");
        }
    }
}
