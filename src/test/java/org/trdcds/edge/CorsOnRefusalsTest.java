package org.trdcds.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Refusals written by servlet filters, outside Spring MVC (the 401 of authentication, the 413 of the body limit),
 * carry Access-Control-Allow-Origin for an allowed origin, so that a browser EHR can read them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:cors-on-refusals;DB_CLOSE_DELAY=-1",
            "cds.cors.allowed-origins=" + CorsOnRefusalsTest.EHR_ORIGIN,
            "cds.limits.max-body-bytes=2KB"
        })
class CorsOnRefusalsTest {

    static final String EHR_ORIGIN = "https://ehr.example.org";
    static final String ISSUER = "https://ehr.example.org/issuer";
    static final ECKey KEY = key();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void trustTheTestIssuer(DynamicPropertyRegistry registry) throws Exception {
        Path jwks = Files.createTempFile("jwks", ".json");
        Files.writeString(jwks, new JWKSet(KEY).toPublicJWKSet().toString());
        jwks.toFile().deleteOnExit();
        registry.add("cds.security.trusted-issuers[0].issuer", () -> ISSUER);
        registry.add(
                "cds.security.trusted-issuers[0].jwks-url", () -> jwks.toUri().toString());
        registry.add("cds.security.audience-base-url", () -> "https://cds.example.org");
    }

    @Test
    void theAuthenticationRefusalCarriesTheAllowedOrigin() throws Exception {
        HttpResponse<String> response = post(EHR_ORIGIN, null, "{}");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(EHR_ORIGIN);
        assertThat(response.body()).contains("OperationOutcome");
    }

    @Test
    void theBodyLimitRefusalCarriesTheAllowedOrigin() throws Exception {
        HttpResponse<String> response = post(EHR_ORIGIN, jwt(), "{\"padding\":\"" + "x".repeat(4096) + "\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(EHR_ORIGIN);
        assertThat(response.body()).contains("OperationOutcome");
    }

    @Test
    void anAuthenticatedCallStillGetsItsAnswerWithTheOrigin() throws Exception {
        HttpResponse<String> response = post(EHR_ORIGIN, jwt(), "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(EHR_ORIGIN);
    }

    @Test
    void anotherOriginGetsNoCorsHeader() throws Exception {
        HttpResponse<String> response = post("https://elsewhere.example.com", null, "{}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpResponse<String> post(String origin, String jwt, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url()))
                .header("Origin", origin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (jwt != null) {
            request.header("Authorization", "Bearer " + jwt);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String url() {
        return "http://127.0.0.1:" + port + "/cds-services/ketamine-tms-screening";
    }

    private String jwt() throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience("https://cds.example.org/cds-services/ketamine-tms-screening")
                .subject("ehr")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES384)
                        .keyID(KEY.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new ECDSASigner(KEY));
        return jwt.serialize();
    }

    private static ECKey key() {
        try {
            return new ECKeyGenerator(Curve.P_384).keyID("cors-test").generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
