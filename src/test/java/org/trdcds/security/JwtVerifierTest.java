package org.trdcds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trdcds.security.SecurityProperties.Mode;
import org.trdcds.security.SecurityProperties.TrustedIssuer;

class JwtVerifierTest {

    static final String AUDIENCE = "https://cds.example.org/cds-services/trd-ketamine-tms";
    static final String TENANT_ISSUER = "https://tenant-ehr.example.org";

    static JwksServer jwks;
    JwtVerifier verifier;

    @BeforeAll
    static void publishKeys() {
        jwks = new JwksServer(TestKeys.publicSet(TestKeys.EC, TestKeys.RSA));
    }

    @AfterAll
    static void stopServer() {
        jwks.close();
    }

    @BeforeEach
    void newVerifier() {
        verifier = new JwtVerifier(
                TestKeys.properties(
                        Mode.VERIFY,
                        null,
                        new TrustedIssuer(TestKeys.ISSUER, jwks.uri(), null),
                        new TrustedIssuer(TENANT_ISSUER, jwks.uri(), "org-1")),
                Clock.systemUTC());
    }

    static String signed(JWSAlgorithm algorithm, JWTClaimsSet claims) {
        boolean ec = JWSAlgorithm.Family.EC.contains(algorithm);
        return TestKeys.sign(
                TestKeys.header(algorithm, ec ? "ec-1" : "rsa-1").build(), claims, ec ? TestKeys.EC : TestKeys.RSA);
    }

    static Date in(long seconds) {
        return Date.from(Instant.now().plusSeconds(seconds));
    }

    @Nested
    class Accepts {

        @ParameterizedTest
        @MethodSource("org.trdcds.security.JwtVerifierTest#asymmetricAlgorithms")
        void aTokenSignedWithEachAllowedAlgorithmOfTheIssuersKeys(JWSAlgorithm algorithm) throws Exception {
            AuthenticatedClient client =
                    verifier.verify(signed(algorithm, TestKeys.claims(AUDIENCE).build()), AUDIENCE);

            assertThat(client.issuer()).isEqualTo(TestKeys.ISSUER);
        }

        @Test
        void audAsAnArrayContainingTheUrlAndSubAndPastNbf() throws Exception {
            JWTClaimsSet claims = TestKeys.claims(AUDIENCE)
                    .audience(List.of("https://other.example.org", AUDIENCE))
                    .subject("client-id-123")
                    .notBeforeTime(in(-10))
                    .build();

            AuthenticatedClient client = verifier.verify(TestKeys.es384(claims), AUDIENCE);

            assertThat(client.subject()).isEqualTo("client-id-123");
        }

        @Test
        void timesWithinTheSixtySecondSkew() throws Exception {
            JWTClaimsSet claims = TestKeys.claims(AUDIENCE)
                    .issueTime(in(40))
                    .notBeforeTime(in(40))
                    .expirationTime(in(-40))
                    .build();

            assertThat(verifier.verify(TestKeys.es384(claims), AUDIENCE).issuer())
                    .isEqualTo(TestKeys.ISSUER);
        }

        @Test
        void aJkuEqualToTheAllowlistedUrl() throws Exception {
            JWSHeader header = TestKeys.header(JWSAlgorithm.ES384, "ec-1")
                    .jwkURL(jwks.uri())
                    .build();

            String token = TestKeys.sign(header, TestKeys.claims(AUDIENCE).build(), TestKeys.EC);

            assertThat(verifier.verify(token, AUDIENCE).issuer()).isEqualTo(TestKeys.ISSUER);
        }

        @Test
        void theConfiguredTenant() throws Exception {
            JWTClaimsSet claims = TestKeys.claims(AUDIENCE)
                    .issuer(TENANT_ISSUER)
                    .claim("tenant", "org-1")
                    .build();

            assertThat(verifier.verify(TestKeys.es384(claims), AUDIENCE).tenant())
                    .isEqualTo("org-1");
        }

        @Test
        void anAudWithTheDefaultPortWrittenOut() throws Exception {
            JWTClaimsSet claims = TestKeys.claims("https://CDS.example.org:443/cds-services/trd-ketamine-tms")
                    .build();

            assertThat(verifier.verify(TestKeys.es384(claims), AUDIENCE).issuer())
                    .isEqualTo(TestKeys.ISSUER);
        }
    }

    static Stream<JWSAlgorithm> asymmetricAlgorithms() {
        return Stream.of(
                JWSAlgorithm.ES384,
                JWSAlgorithm.RS384,
                JWSAlgorithm.RS256,
                JWSAlgorithm.RS512,
                JWSAlgorithm.PS256,
                JWSAlgorithm.PS384,
                JWSAlgorithm.PS512);
    }

    @Nested
    class Rejects {

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.trdcds.security.JwtVerifierTest#badTokens")
        void aBadToken(String reason, Function<JWTClaimsSet.Builder, String> token) {
            String compact = token.apply(TestKeys.claims(AUDIENCE));

            assertThatThrownBy(() -> verifier.verify(compact, AUDIENCE))
                    .isInstanceOf(AuthenticationFailure.class)
                    .hasMessage(reason);
        }

        @Test
        void aReplayedJti() throws Exception {
            String token = TestKeys.es384(TestKeys.claims(AUDIENCE).build());
            verifier.verify(token, AUDIENCE);

            assertThatThrownBy(() -> verifier.verify(token, AUDIENCE)).hasMessage("replayed jti");
        }

        @Test
        void aFailedTokenDoesNotUseUpItsJti() throws Exception {
            JWTClaimsSet claims = TestKeys.claims(AUDIENCE).build();
            assertThatThrownBy(() -> verifier.verify(TestKeys.es384(claims), "https://elsewhere.example.org/x"))
                    .hasMessage("aud does not name the URL called");

            assertThat(verifier.verify(TestKeys.es384(claims), AUDIENCE).issuer())
                    .isEqualTo(TestKeys.ISSUER);
        }

        @Test
        void reportsTheClaimedIssuerAndKidForTheLog() {
            String token = TestKeys.es384(
                    TestKeys.claims(AUDIENCE).expirationTime(in(-600)).build());

            assertThatThrownBy(() -> verifier.verify(token, AUDIENCE))
                    .isInstanceOfSatisfying(AuthenticationFailure.class, failure -> {
                        assertThat(failure.issuer()).isEqualTo(TestKeys.ISSUER);
                        assertThat(failure.keyId()).isEqualTo("ec-1");
                    });
        }
    }

    static Stream<Arguments> badTokens() {
        return Stream.of(
                bad(
                        "expired",
                        claims -> TestKeys.es384(claims.expirationTime(in(-120)).build())),
                bad(
                        "aud does not name the URL called",
                        claims -> TestKeys.es384(claims.audience("https://cds.example.org/cds-services/other")
                                .build())),
                bad(
                        "unknown kid",
                        claims -> TestKeys.sign(
                                TestKeys.header(JWSAlgorithm.ES384, "no-such-key")
                                        .build(),
                                claims.build(),
                                TestKeys.EC)),
                bad(
                        "malformed or unsigned token",
                        claims -> new PlainJWT(
                                        new PlainHeader.Builder()
                                                .type(JOSEObjectType.JWT)
                                                .build(),
                                        claims.build())
                                .serialize()),
                bad("algorithm not allowed", claims -> hs256(claims.build())),
                bad(
                        "untrusted issuer",
                        claims -> TestKeys.es384(
                                claims.issuer("https://evil.example.org").build())),
                bad(
                        "untrusted issuer",
                        claims -> TestKeys.es384(claims.issuer(null).build())),
                bad(
                        "jku is not the issuer's allowlisted JWKS URL",
                        claims -> TestKeys.sign(
                                TestKeys.header(JWSAlgorithm.ES384, "ec-1")
                                        .jwkURL(URI.create("https://evil.example.org/jwks"))
                                        .build(),
                                claims.build(),
                                TestKeys.EC)),
                bad("missing jti", claims -> TestKeys.es384(claims.jwtID(null).build())),
                bad(
                        "missing exp",
                        claims -> TestKeys.es384(claims.expirationTime(null).build())),
                bad(
                        "missing iat",
                        claims -> TestKeys.es384(claims.issueTime(null).build())),
                bad(
                        "iat in the future",
                        claims -> TestKeys.es384(claims.issueTime(in(120)).build())),
                bad(
                        "not yet valid (nbf)",
                        claims -> TestKeys.es384(claims.notBeforeTime(in(120)).build())),
                bad(
                        "tenant mismatch",
                        claims -> TestKeys.es384(claims.issuer(TENANT_ISSUER)
                                .claim("tenant", "org-2")
                                .build())),
                bad(
                        "tenant mismatch",
                        claims -> TestKeys.es384(claims.issuer(TENANT_ISSUER).build())),
                bad(
                        "missing kid",
                        claims -> TestKeys.sign(
                                new JWSHeader.Builder(JWSAlgorithm.ES384).build(), claims.build(), TestKeys.EC)),
                bad(
                        "typ is not JWT",
                        claims -> TestKeys.sign(
                                TestKeys.header(JWSAlgorithm.ES384, "ec-1")
                                        .type(new JOSEObjectType("at+jwt"))
                                        .build(),
                                claims.build(),
                                TestKeys.EC)),
                bad(
                        "bad signature",
                        claims -> TestKeys.sign(
                                TestKeys.header(JWSAlgorithm.ES384, "ec-1").build(),
                                claims.build(),
                                TestKeys.generateEc("ec-1"))),
                bad(
                        "key does not fit the algorithm",
                        claims -> TestKeys.sign(
                                TestKeys.header(JWSAlgorithm.RS384, "ec-1").build(), claims.build(), TestKeys.RSA)),
                bad("malformed or unsigned token", claims -> "not.a.jwt"));
    }

    private static Arguments bad(String reason, Function<JWTClaimsSet.Builder, String> token) {
        return Arguments.of(reason, token);
    }

    private static String hs256(JWTClaimsSet claims) {
        try {
            SignedJWT jwt =
                    new SignedJWT(TestKeys.header(JWSAlgorithm.HS256, "ec-1").build(), claims);
            jwt.sign(new MACSigner(
                    "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
