package org.trdcds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * F9 over real HTTP: two trusted issuers and cds.security.jti-cache-size=2. One issuer using up its jtis gets 503
 * for its next one; the other issuer's calls are still accepted (one issuer cannot exhaust another's replay room).
 */
@DirtiesContext
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:replay-per-issuer;DB_CLOSE_DELAY=-1",
            "cds.warm-up.rounds=0",
            "cds.security.jti-cache-size=2"
        })
class ReplayPerIssuerHttpTest {

    static final String OTHER = "https://other-ehr.example.org";
    static final String PATH = "/cds-services";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) throws IOException {
        Path jwks = Files.createTempFile("jwks", ".json");
        Files.writeString(jwks, TestKeys.publicSet(TestKeys.EC).toString());
        jwks.toFile().deleteOnExit();
        registry.add("cds.security.trusted-issuers[0].issuer", () -> TestKeys.ISSUER);
        registry.add("cds.security.trusted-issuers[1].issuer", () -> OTHER);
        registry.add(
                "cds.security.trusted-issuers[0].jwks-url", () -> jwks.toUri().toString());
        registry.add(
                "cds.security.trusted-issuers[1].jwks-url", () -> jwks.toUri().toString());
        registry.add("cds.security.audience-base-url", () -> TestKeys.AUDIENCE_BASE);
    }

    @Test
    void oneIssuerFillingItsReplayRoomLeavesTheOthersAlone() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        assertThat(discovery(http, TestKeys.ISSUER)).isEqualTo(200);
        assertThat(discovery(http, TestKeys.ISSUER)).isEqualTo(200);
        assertThat(discovery(http, TestKeys.ISSUER)).as("its room is full").isEqualTo(503);
        assertThat(discovery(http, OTHER)).as("another issuer's call").isEqualTo(200);
        assertThat(discovery(http, OTHER)).isEqualTo(200);
    }

    private int discovery(HttpClient http, String issuer) throws IOException, InterruptedException {
        String token = TestKeys.es384(
                TestKeys.claims(TestKeys.AUDIENCE_BASE + PATH).issuer(issuer).build());
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH))
                                .header("Authorization", "Bearer " + token)
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
