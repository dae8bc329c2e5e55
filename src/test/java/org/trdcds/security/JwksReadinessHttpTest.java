package org.trdcds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** F4: an issuer whose JWKS cannot be loaded at start-up is reported: readiness refuses traffic, liveness does not. */
@DirtiesContext
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:jwks-readiness;DB_CLOSE_DELAY=-1",
            "cds.warm-up.rounds=0",
            "cds.security.audience-base-url=https://cds.example.org",
            "cds.security.jwks-timeout=1s"
        })
class JwksReadinessHttpTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void unreachableJwks(DynamicPropertyRegistry registry) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        // one property source for the whole list (Spring Boot does not merge a list across sources)
        registry.add("cds.security.trusted-issuers[0].issuer", () -> "https://ehr.example.org");
        registry.add("cds.security.trusted-issuers[0].jwks-url", () -> "http://127.0.0.1:" + closed + "/jwks.json");
    }

    @Test
    void anIssuerWithoutKeysKeepsReadinessRefusing() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        int readiness = 0;
        for (int i = 0; i < 50 && readiness != 503; i++) { // refused again just after Spring Boot's own "ready"
            readiness = get(http, "/actuator/health/readiness");
            Thread.sleep(100);
        }
        assertThat(readiness).isEqualTo(503);
        Thread.sleep(300);
        assertThat(get(http, "/actuator/health/readiness")).isEqualTo(503);
        assertThat(get(http, "/actuator/health/liveness")).isEqualTo(200);
    }

    private int get(HttpClient http, String path) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
