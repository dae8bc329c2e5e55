package org.trdcds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.trdcds.fhirdata.TestFhirServer;

/**
 * The whole service over real HTTP, called WITHOUT prefetch so that it must fetch from a FHIR server that fails:
 * HTTP 500, 401, malformed JSON, a hang past the deadline, or nothing listening. Every time the answer is a quick
 * 412 OperationOutcome, the next call with a healthy server is a 200, and no fetch thread is left behind.
 */
@DirtiesContext // a context of its own (small pool, short deadline): closed after, not cached
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:fhir-faults;DB_CLOSE_DELAY=-1",
            "cds.fhir.deadline=3s",
            "cds.fhir.connect-timeout=500ms",
            "cds.fhir.read-timeout=6s",
            "cds.fhir.pool-size=" + FhirServerFaultsTest.POOL_SIZE
        })
class FhirServerFaultsTest {

    static final int POOL_SIZE = 4;
    static final Duration DEADLINE = Duration.ofSeconds(3);
    /** Allowance over the deadline for a loaded, shared 2-core machine. */
    static final Duration SLACK = Duration.ofSeconds(3);

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @RegisterExtension
    static final TestFhirServer FHIR_SERVER = TestFhirServer.servingScenario(
            FhirContext.forR4Cached(), Path.of("src/test/resources/scenarios/pv-candidate.json"));

    enum Failure {
        HTTP_500,
        HTTP_401,
        MALFORMED_JSON,
        HANG,
        UNREACHABLE
    }

    static int closedPort;

    @LocalServerPort
    int port;

    /** The name prefix of this application's fetch threads (other cached contexts have their own). */
    static String fetchThreadPrefix;

    @org.springframework.beans.factory.annotation.Autowired
    void fetchThreads(org.trdcds.fhirdata.HapiPatientDataLoader loader) {
        fetchThreadPrefix = loader.threadNamePrefix();
    }

    @BeforeAll
    static void findAClosedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
    }

    @AfterAll
    static void noFetchThreadLeftBehind() throws InterruptedException {
        assertThat(idleOrGone()).as("fetch threads still busy after the calls").isTrue();
        assertThat(fetchThreads()).as("fetch threads").hasSizeLessThanOrEqualTo(POOL_SIZE);
    }

    @Test
    void aHealthyServerGivesCards() throws Exception {
        HttpResponse<String> response = patientView(FHIR_SERVER.baseUrl());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("cards")).isNotEmpty();
        assertThat(FHIR_SERVER.requests()).hasSizeGreaterThanOrEqualTo(6);
    }

    @ParameterizedTest
    @EnumSource(Failure.class)
    void aFailingServerGivesAQuick412AndTheServiceKeepsServing(Failure failure) throws Exception {
        String fhirServer = switch (failure) {
            case HTTP_500 -> faulty(TestFhirServer.Fault.HTTP_500);
            case MALFORMED_JSON -> faulty(TestFhirServer.Fault.MALFORMED_JSON);
            case HANG -> faulty(TestFhirServer.Fault.HANG);
            case HTTP_401 -> {
                FHIR_SERVER.requireToken("a-token-the-call-does-not-carry");
                yield FHIR_SERVER.baseUrl();
            }
            case UNREACHABLE -> "http://127.0.0.1:" + closedPort + "/fhir";
        };
        int threadsBefore = fetchThreads().size();

        long start = System.nanoTime();
        HttpResponse<String> refused = patientView(fhirServer);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("fault %s: %d in %d ms%n", failure, refused.statusCode(), took.toMillis());

        assertThat(refused.statusCode()).isEqualTo(412);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode outcome = JSON.readTree(refused.body());
        assertThat(outcome.path("resourceType").asText()).isEqualTo("OperationOutcome");
        assertThat(outcome.path("issue").get(0).path("code").asText()).isEqualTo("incomplete");
        assertThat(took).isLessThan(DEADLINE.plus(SLACK));

        FHIR_SERVER.reset();
        HttpResponse<String> next = patientView(FHIR_SERVER.baseUrl());
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(next.body()).get("cards")).isNotEmpty();
        assertThat(idleOrGone()).as("fetch threads idle again").isTrue();
        assertThat(fetchThreads().size()).isLessThanOrEqualTo(Math.max(threadsBefore, POOL_SIZE));
    }

    private static String faulty(TestFhirServer.Fault fault) {
        FHIR_SERVER.fault(fault);
        return FHIR_SERVER.baseUrl();
    }

    private HttpResponse<String> patientView(String fhirServer) throws IOException, InterruptedException {
        String body = """
                {"hook":"patient-view","hookInstance":"%s","fhirServer":"%s",
                 "context":{"userId":"Practitioner/example","patientId":"p-cand"}}""".formatted(UUID.randomUUID(), fhirServer);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/cds-services/ketamine-tms-screening"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static List<Thread> fetchThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(fetchThreadPrefix) && thread.isAlive())
                .toList();
    }

    /** Within two seconds every fetch thread is parked in the pool (none blocked in a socket read). */
    static boolean idleOrGone() throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            if (fetchThreads().stream().noneMatch(thread -> thread.getState() == Thread.State.RUNNABLE)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
