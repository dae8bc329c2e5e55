package org.trdcds.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.trdcds.TestClock;

/** The whole application over real HTTP, with the decision's clock under the test's control. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:end-to-end;DB_CLOSE_DELAY=-1")
@Import(EndToEndTestBase.ClockConfiguration.class)
abstract class EndToEndTestBase {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The decision's clock; each test sets it (scenarios: their asOf). */
    static final TestClock CLOCK = new TestClock(Instant.EPOCH);

    @LocalServerPort
    int port;

    HttpResponse<String> post(String service, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cds-services/" + service))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @TestConfiguration
    static class ClockConfiguration {
        @Bean
        @Primary
        Clock settableClock() {
            return CLOCK;
        }
    }
}
