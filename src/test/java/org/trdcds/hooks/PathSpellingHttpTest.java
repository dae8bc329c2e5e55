package org.trdcds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * F1: the body limit (300 KB here) and the body deadline were decided on the raw URI while Spring MVC routed the
 * decoded one, so {@code POST /%63ds-services/...} read a body of any size at any pace. Now a percent-encoded spelling
 * is decided on its decoded path, like its routing (413 at once, its body not read), and a spelling that decoding
 * alone does not make the routed path (dot segments, {@code //}, ;parameters, another case) is refused with 400 at
 * once, over a real socket: each request declares 400 KB and sends one byte.
 */
class PathSpellingHttpTest extends EdgeTestBase {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/%63ds-services/ketamine-tms-screening",
                "/cds-service%73/ketamine-tms-screening",
                "/cds-services/%6Betamine-tms-screening",
                "/cds-services/ketamine%2Dtms-screening",
                "/%63ds-services/ketamine-tms-screening/feedback",
                "/cds-service%73/ketamine-tms-screening/feedback",
                "/cds-services/ketamine-tms-screening/feedbac%6B",
                "/%63ds-services"
            })
    void aPercentEncodedSpellingGetsTheBodyLimitAtOnce(String path) throws IOException {
        long start = System.nanoTime();
        String answer = postDeclaring400KbSendingOneByte(path);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(answer).as(path).startsWith("HTTP/1.1 413");
        assertThat(answer).contains("OperationOutcome", "cds.limits.max-body-bytes");
        assertThat(took).as("answered before the body deadline (10 s)").isLessThan(Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/cds-services/./ketamine-tms-screening",
                "/other/../cds-services/ketamine-tms-screening",
                "/cds-services/ketamine-tms-screening/../ketamine-tms-screening/feedback",
                "//cds-services/ketamine-tms-screening",
                "/cds-services;a=b/ketamine-tms-screening",
                "/cds-services/ketamine-tms-screening;x=y",
                "/cds-services/ketamine-tms-screening/feedback;v=1",
                "/%63ds-services/./ketamine-tms-screening",
                "/CDS-SERVICES/ketamine-tms-screening",
                "/Cds-Services/ketamine-tms-screening/feedback",
                "/%43ds-services/ketamine-tms-screening"
            })
    void aSpellingThatDecodingDoesNotMakeTheRoutedPathIsRefusedAtOnce(String path) throws IOException {
        long start = System.nanoTime();
        String answer = postDeclaring400KbSendingOneByte(path);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(answer).as(path).startsWith("HTTP/1.1 400");
        assertThat(answer).contains("OperationOutcome", "canonical form");
        assertThat(took).as("answered before the body deadline (10 s)").isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void theCanonicalSpellingKeepsItsBodyLimit() throws IOException {
        String answer = postDeclaring400KbSendingOneByte("/cds-services/ketamine-tms-screening");
        assertThat(answer).startsWith("HTTP/1.1 413");
    }

    @Test
    void otherPathsAreDecidedOnTheirDecodedPathToo() throws IOException {
        assertThat(exchange("GET /protoco%6C HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 200");
        assertThat(exchange("GET /./protocol HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 400");
    }

    private String postDeclaring400KbSendingOneByte(String path) throws IOException {
        return exchange("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 400000\r\n\r\n{");
    }

    /** What the server answered within 5 s (until it closed, or whatever had arrived by then). */
    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(StandardCharsets.ISO_8859_1).contains("</html>")) {
                        break;
                    }
                }
            } catch (SocketTimeoutException e) {
                // no (complete) answer within 5 s: the caller sees what arrived
            } catch (IOException e) {
                // reset after the answer: what arrived is the answer
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
