package org.trdcds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The filter registered in a real Tomcat, in front of the real actuator, called over loopback HTTP. */
@SpringBootTest(
        classes = FilterOverHttpTest.HttpApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "cds.security.admin-token=" + FilterOverHttpTest.ADMIN_TOKEN,
            "management.endpoints.web.exposure.include=health,info"
        })
@ActiveProfiles(CdsAuthenticationFilterTest.PROBE_PROFILE)
class FilterOverHttpTest {

    static final String ADMIN_TOKEN = "4d1e8a7c2b9f03e6d5a4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a2918a7f6";
    static final Path JWKS = CdsAuthenticationFilterTest.WithATrustedIssuer.writeJwks();

    @SpringBootConfiguration
    @Profile(CdsAuthenticationFilterTest.PROBE_PROFILE)
    @EnableAutoConfiguration
    @Import({
        SecurityConfiguration.class,
        org.trdcds.edge.Refusals.class,
        CdsAuthenticationFilterTest.ProbeController.class
    })
    static class HttpApplication {}

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("cds.security.trusted-issuers[0].issuer", () -> TestKeys.ISSUER);
        registry.add(
                "cds.security.trusted-issuers[0].jwks-url", () -> JWKS.toUri().toString());
        registry.add("cds.security.audience-base-url", () -> TestKeys.AUDIENCE_BASE);
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> send(String method, String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTokenForTheAudienceBaseUrlIsAcceptedAndOneForTheUrlTomcatSawIsNot() {
        String url = TestKeys.AUDIENCE_BASE + "/cds-services/trd-ketamine-tms";

        assertThat(send(
                                "POST",
                                "/cds-services/trd-ketamine-tms",
                                TestKeys.es384(TestKeys.claims(url).build()))
                        .body())
                .isEqualTo("trd-ketamine-tms " + TestKeys.ISSUER);
        HttpResponse<String> socketUrl = send(
                "POST",
                "/cds-services/trd-ketamine-tms",
                TestKeys.es384(TestKeys.claims("http://127.0.0.1:" + port + "/cds-services/trd-ketamine-tms")
                        .build()));
        assertThat(socketUrl.statusCode()).isEqualTo(401);
        assertThat(socketUrl.body()).contains("\"diagnostics\":\"authentication failed\"");
    }

    @Test
    void theHostHeaderTheCallerSendsNeverDecidesTheAudience() throws IOException {
        String token = TestKeys.es384(TestKeys.claims("http://evil.example/cds-services/trd-ketamine-tms")
                .build());
        String response = RawHttp.exchange(
                port,
                "POST /cds-services/trd-ketamine-tms HTTP/1.1\r\nHost: evil.example\r\n" + "Authorization: Bearer "
                        + token + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 401");
    }

    @Test
    void theRealActuatorHealthIsOpenAndTheRestNeedsTheAdminToken() {
        assertThat(send("GET", "/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/info", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/actuator/info", ADMIN_TOKEN).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/health/../info", null).statusCode()).isEqualTo(401);
    }
}
