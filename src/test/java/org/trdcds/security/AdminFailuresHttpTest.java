package org.trdcds.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * F8 over real HTTP: admin authentication failures are limited per peer (3 a minute here): the 4th attempt is 429
 * even with the right token, and every failure is counted.
 */
@DirtiesContext
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:admin-failures;DB_CLOSE_DELAY=-1",
            "cds.warm-up.rounds=0",
            "cds.security.admin-token=" + AdminFailuresHttpTest.TOKEN,
            "cds.security.admin-failures-per-minute=3"
        })
class AdminFailuresHttpTest {

    static final String TOKEN = "5b1e9c3a7d2f4e6a8c0b1d3f5e7a9c2b4d6f8e0a1c3b5d7f9e2a4c6b8d0f1e3a";

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void aPeerGuessingTheAdminTokenIsStoppedAndEveryFailureCounted() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        double before = failures();
        assertThat(get(http, TOKEN)).as("the right token").isEqualTo(200);
        for (int guess = 0; guess < 3; guess++) {
            assertThat(get(http, "wrong-" + guess)).isEqualTo(401);
        }
        assertThat(get(http, "wrong-3")).isEqualTo(429);
        assertThat(get(http, TOKEN))
                .as("even the right token, until the minute ends")
                .isEqualTo(429);
        assertThat(failures() - before).isEqualTo(5);
    }

    private double failures() {
        return meters.get("cds.refusals")
                .tag("reason", "authentication")
                .counter()
                .count();
    }

    private int get(HttpClient http, String token) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/info"))
                                .header("Authorization", "Bearer " + token)
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
