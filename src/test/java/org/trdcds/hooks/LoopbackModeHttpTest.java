package org.trdcds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trdcds.security.RawHttp;

/**
 * F7 in loopback-only mode (no issuer; the application's own defaults, CORS included), over real sockets: a call
 * from loopback carrying another site's Host name (DNS rebinding) is refused, no browser origin is allowed, and a
 * card's source.url never comes from the Host header.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:loopback-mode;DB_CLOSE_DELAY=-1", "cds.warm-up.rounds=0"})
class LoopbackModeHttpTest {

    static final String SERVICE = "/cds-services/ketamine-tms-screening";
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    /** The application's own patient-view warm-up call (a complete prefetch), with a fresh hookInstance. */
    private static String warmUpCall() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode call =
                (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(java.nio.file.Files.readString(
                        java.nio.file.Path.of("src/main/resources/warm-up/patient-view.json")));
        return call.put("hookInstance", java.util.UUID.randomUUID().toString()).toString();
    }

    private String post(String host, String extraHeaders) throws IOException {
        String body = warmUpCall();
        return RawHttp.exchange(
                port,
                "POST " + SERVICE + " HTTP/1.1\r\nHost: " + host + "\r\n" + extraHeaders
                        + "Content-Type: application/json\r\nContent-Length: "
                        + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body);
    }

    @Test
    void aCallFromLoopbackWithAnotherSitesHostNameIsRefused() throws IOException {
        assertThat(post("rebind.attacker.example:" + port, "")).startsWith("HTTP/1.1 401");
        assertThat(post("127.0.0.1:" + port, "")).startsWith("HTTP/1.1 200");
        assertThat(post("localhost:" + port, "")).startsWith("HTTP/1.1 200");
    }

    @Test
    void noBrowserOriginIsAllowedByDefault() throws IOException {
        String preflight = RawHttp.exchange(
                port,
                "OPTIONS " + SERVICE + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nOrigin: https://attacker.example\r\nAccess-Control-Request-Method: POST\r\n"
                        + "Access-Control-Request-Headers: content-type\r\nConnection: close\r\n\r\n");
        assertThat(preflight.toLowerCase()).doesNotContain("access-control-allow-origin");
        String call = post("127.0.0.1:" + port, "Origin: https://attacker.example\r\n");
        assertThat(call.toLowerCase()).doesNotContain("access-control-allow-origin");
        assertThat(call).doesNotContain("\"cards\"");
    }

    @Test
    void theCardSourceUrlNeverComesFromTheHostHeader() throws IOException {
        String answer = post("localhost:1", "");
        assertThat(answer).startsWith("HTTP/1.1 200");
        JsonNode cards =
                JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4)).path("cards");
        assertThat(cards).isNotEmpty();
        for (JsonNode card : cards) {
            assertThat(card.path("source").path("url").asText())
                    .startsWith("http://127.0.0.1:" + port + "/protocol#")
                    .doesNotContain("localhost:1");
        }
    }
}
