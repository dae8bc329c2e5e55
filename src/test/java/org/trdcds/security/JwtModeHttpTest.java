package org.trdcds.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.trdcds.TrdCdsHooksApplication;
import org.trdcds.fhirdata.Redirector;

/**
 * The whole application in JWT mode over real HTTP: a call may name only its issuer's fhir-servers (400 before
 * anything is contacted), a listed server that redirects is a 412 that says nothing about why, and the FHIR token
 * never reaches the redirect's target; and a few hundred slow unauthenticated bodies neither hold threads nor slow
 * down valid calls.
 */
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class) // from before the context starts: the start-up log is captured too
@SpringBootTest(
        classes = TrdCdsHooksApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:jwt-mode-http;DB_CLOSE_DELAY=-1",
            "cds.fhir.deadline=3s",
            "cds.limits.body-read-timeout=2s"
        })
class JwtModeHttpTest {

    static final String SERVICE = "ketamine-tms-screening";
    static final String FHIR_TOKEN = "fhir-token-for-the-listed-server-only";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Redirector SINK = Redirector.sink();
    static final Redirector REDIRECTOR = Redirector.redirecting(307, SINK.baseUrl());

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void trustTheTestIssuer(DynamicPropertyRegistry registry) throws IOException {
        Path jwks = Files.createTempFile("jwks", ".json");
        Files.writeString(jwks, TestKeys.publicSet(TestKeys.EC, TestKeys.RSA).toString());
        jwks.toFile().deleteOnExit();
        registry.add("cds.security.trusted-issuers[0].issuer", () -> TestKeys.ISSUER);
        registry.add(
                "cds.security.trusted-issuers[0].jwks-url", () -> jwks.toUri().toString());
        registry.add("cds.security.trusted-issuers[0].fhir-servers[0]", () -> REDIRECTOR.baseUrl() + "/");
        registry.add("cds.security.audience-base-url", () -> TestKeys.AUDIENCE_BASE);
    }

    @AfterAll
    static void stopServers() {
        REDIRECTOR.close();
        SINK.close();
    }

    /** The warm-up's patient-view call without its procedures (to be fetched), naming fhirServer. */
    static String callNaming(String fhirServer) throws IOException {
        try (InputStream in = new ClassPathResource("warm-up/patient-view.json").getInputStream()) {
            ObjectNode body = (ObjectNode) JSON.readTree(in);
            body.put("hookInstance", UUID.randomUUID().toString()).put("fhirServer", fhirServer);
            body.putObject("fhirAuthorization")
                    .put("access_token", FHIR_TOKEN)
                    .put("token_type", "Bearer")
                    .put("expires_in", 300)
                    .put("scope", "patient/*.read")
                    .put("subject", "ehr");
            ((ObjectNode) body.get("prefetch")).remove("procedures");
            return body.toString();
        }
    }

    HttpResponse<String> post(String body) throws IOException, InterruptedException {
        String token = TestKeys.es384(TestKeys.claims(TestKeys.AUDIENCE_BASE + "/cds-services/" + SERVICE)
                .build());
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/cds-services/" + SERVICE))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFhirServerNotListedForTheIssuerIs400AndNothingIsContacted() throws Exception {
        for (String elsewhere :
                new String[] {SINK.baseUrl(), "http://127.0.0.1:" + port + "/actuator", REDIRECTOR.baseUrl() + "/other"
                }) {
            HttpResponse<String> response = post(callNaming(elsewhere));

            assertThat(response.statusCode()).as(elsewhere).isEqualTo(400);
            assertThat(response.body()).contains("fhir-servers").doesNotContain(elsewhere);
        }
        assertThat(SINK.authorizations()).isEmpty();
    }

    @Test
    void aListedServerThatRedirectsIsA412ThatSaysNothingMoreAndTheTokenStaysHome() throws Exception {
        HttpResponse<String> response = post(callNaming(REDIRECTOR.baseUrl()));

        assertThat(response.statusCode()).isEqualTo(412);
        JsonNode issue = JSON.readTree(response.body()).get("issue").get(0);
        assertThat(issue.get("diagnostics").asText())
                .isEqualTo("the FHIR data the decision needs could not be obtained");
        assertThat(REDIRECTOR.authorizations()).contains("Bearer " + FHIR_TOKEN);
        assertThat(SINK.authorizations()).isEmpty();
    }

    @Test
    void aCallWithItsWholePrefetchNeedsNoFhirServer() throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(callNaming(REDIRECTOR.baseUrl()));
        body.remove(java.util.List.of("fhirServer", "fhirAuthorization"));
        ((ObjectNode) body.get("prefetch")).putNull("procedures");
        ((ObjectNode) body.get("prefetch"))
                .set("procedures", JSON.readTree("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[]}"));

        assertThat(post(body.toString()).statusCode()).isEqualTo(200);
    }

    @Test
    void twoHundredTwentySlowUnauthenticatedBodiesDoNotSlowValidCalls() throws Exception {
        String body = callNaming(REDIRECTOR.baseUrl());
        ObjectNode prefetched = (ObjectNode) JSON.readTree(body);
        prefetched.remove(java.util.List.of("fhirServer", "fhirAuthorization"));
        ((ObjectNode) prefetched.get("prefetch"))
                .set("procedures", JSON.readTree("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[]}"));
        try (SlowClients slow = new SlowClients(port, "/cds-services/" + SERVICE, null, 220)) {
            slow.trickle();
            for (int call = 0; call < 5; call++) {
                long started = System.nanoTime();
                prefetched.put("hookInstance", UUID.randomUUID().toString());
                HttpResponse<String> valid = post(prefetched.toString());
                HttpResponse<String> health = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                long millis = (System.nanoTime() - started) / 1_000_000;

                assertThat(valid.statusCode()).isEqualTo(200);
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(millis)
                        .as("a valid call and a health probe with 220 slow bodies open")
                        .isLessThan(2_000);
                slow.trickle();
            }
            for (java.net.Socket socket : slow.sockets()) {
                String answer = SlowClients.answer(socket);
                assertThat(answer)
                        .startsWith("HTTP/1.1 401")
                        .containsIgnoringCase("Connection: close")
                        .contains("OperationOutcome");
            }
        }
    }

    @Test
    void anAuthenticatedBodyThatNeverEndsIs408WithinTheBodyReadTimeout() throws Exception {
        String token = TestKeys.es384(TestKeys.claims(TestKeys.AUDIENCE_BASE + "/cds-services/" + SERVICE)
                .build());
        long started = System.nanoTime();
        try (SlowClients slow = new SlowClients(port, "/cds-services/" + SERVICE, "Bearer " + token, 1)) {
            java.util.concurrent.ScheduledExecutorService ticks =
                    java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
            try {
                ticks.scheduleAtFixedRate(slow::trickle, 200, 200, java.util.concurrent.TimeUnit.MILLISECONDS);
                String answer = SlowClients.answer(slow.sockets().get(0));

                assertThat(answer).startsWith("HTTP/1.1 408").contains("cds.limits.body-read-timeout");
                assertThat((System.nanoTime() - started) / 1_000_000).isBetween(1_500L, 8_000L);
            } finally {
                ticks.shutdownNow();
            }
        }
    }

    @Test
    void theStartUpWarmUpIsNotRefusedAtStartInJwtMode(CapturedOutput output) {
        String all = output.getAll();
        int ready = all.indexOf("warmed up in");

        assertThat(ready).as("the warm-up ran").isPositive();
        assertThat(all.substring(0, ready)).doesNotContain("Refused").doesNotContain("no bearer token");
    }
}
