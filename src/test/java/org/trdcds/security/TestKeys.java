package org.trdcds.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Keys generated once per JVM and a builder of signed test tokens. */
final class TestKeys {

    static final String ISSUER = "https://ehr.example.org";
    /** The cds.security.audience-base-url of the tests: never the address the test server listens on. */
    static final String AUDIENCE_BASE = "https://cds.example.org";

    static final ECKey EC = generateEc("ec-1");
    static final RSAKey RSA = generateRsa("rsa-1");

    private TestKeys() {}

    static ECKey generateEc(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_384)
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAKey generateRsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The defaults of cds.security.* with these issuers, mode and admin token. */
    static SecurityProperties properties(
            SecurityProperties.Mode mode, String adminToken, SecurityProperties.TrustedIssuer... issuers) {
        return new SecurityProperties(
                java.util.List.of(issuers),
                issuers.length == 0 ? null : AUDIENCE_BASE,
                mode,
                adminToken,
                Duration.ofSeconds(60),
                1000,
                Duration.ofSeconds(30),
                Duration.ofHours(1),
                Duration.ofSeconds(2),
                null,
                Duration.ofMinutes(5),
                SecurityProperties.ReplayStoreKind.MEMORY,
                Duration.ofMinutes(1),
                10,
                java.util.List.of("localhost", "127.0.0.1", "[::1]"));
    }

    static JWKSet publicSet(JWK... keys) {
        return new JWKSet(java.util.Arrays.asList(keys)).toPublicJWKSet();
    }

    /** Claims a trusted client would send to {@code audience}: iss, aud, iat now, exp in 5 minutes, fresh jti. */
    static JWTClaimsSet.Builder claims(String audience) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString());
    }

    static JWSHeader.Builder header(JWSAlgorithm algorithm, String kid) {
        return new JWSHeader.Builder(algorithm).keyID(kid).type(JOSEObjectType.JWT);
    }

    static String es384(JWTClaimsSet claims) {
        return sign(header(JWSAlgorithm.ES384, EC.getKeyID()).build(), claims, EC);
    }

    static String sign(JWSHeader header, JWTClaimsSet claims, JWK key) {
        try {
            JWSSigner signer = key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key);
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
