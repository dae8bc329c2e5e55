package org.trdcds.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.trdcds.TrdCdsHooksApplication;
import org.trdcds.replay.DatabaseReplayStore;
import org.trdcds.replay.ReplayStore;

/**
 * Two service instances (two Spring application contexts, each its own Tomcat on a random port) on ONE embedded
 * PostgreSQL, with the same trusted issuer, {@code cds.security.replay-store=database} and one public URL as the
 * audience, as replicas behind a load balancer: a jti used on one is refused on the other; feedback for a card one
 * issued is accepted by the other the moment the hook call is answered; both summaries agree.
 */
class TwoReplicasOnOnePostgresTest {

    static final String ISSUER = "https://ehr.example.org";
    static final String PUBLIC_URL = "https://cds.hospital.example";
    static final String SERVICE = "ketamine-tms-order-sign";

    static String databaseUrl;
    static ConfigurableApplicationContext replicaA;
    static ConfigurableApplicationContext replicaB;
    static ECKey key;
    static byte[] orderSign;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startTwoReplicas(@TempDir Path dir) throws Exception {
        databaseUrl = org.trdcds.TestPostgres.freshDatabaseUrl();
        key = new ECKeyGenerator(Curve.P_256)
                .keyID("replica-test")
                .keyUse(KeyUse.SIGNATURE)
                .generate();
        Path jwks = Files.writeString(
                dir.resolve("jwks.json"), new JWKSet(key).toPublicJWKSet().toString());
        orderSign = TwoReplicasOnOnePostgresTest.class
                .getResourceAsStream("/replicas/order-sign-ketamine.json")
                .readAllBytes();
        replicaA = start(jwks);
        replicaB = start(jwks);
    }

    static ConfigurableApplicationContext start(Path jwks) {
        return new SpringApplicationBuilder(TrdCdsHooksApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + databaseUrl,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--cds.security.trusted-issuers[0].issuer=" + ISSUER,
                        "--cds.security.trusted-issuers[0].jwks-url=" + jwks.toUri(),
                        "--cds.security.audience-base-url=" + PUBLIC_URL,
                        "--cds.security.replay-store=database",
                        "--cds.clock.fixed-instant=2026-11-27T04:22:50Z",
                        "--cds.warm-up.rounds=0",
                        "--cds.services.ketamine-tms-screening.mode=shadow");
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext replica : new ConfigurableApplicationContext[] {replicaA, replicaB}) {
            if (replica != null) {
                replica.close();
            }
        }
    }

    static String token(String path) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                new JWTClaimsSet.Builder()
                        .issuer(ISSUER)
                        .audience(PUBLIC_URL + path)
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(300)))
                        .jwtID(UUID.randomUUID().toString())
                        .build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    static int port(ConfigurableApplicationContext replica) {
        return Integer.parseInt(replica.getEnvironment().getProperty("local.server.port"));
    }

    HttpResponse<String> post(ConfigurableApplicationContext replica, String path, String bearer, byte[] body)
            throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(replica) + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + bearer)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode summary(ConfigurableApplicationContext replica) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(replica) + "/admin/feedback-summary"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void aJtiUsedOnOneReplicaIsRefusedOnTheOther() throws Exception {
        String path = "/cds-services/" + SERVICE;
        String token = token(path);

        assertThat(post(replicaA, path, token, orderSign).statusCode()).isEqualTo(200);
        assertThat(post(replicaB, path, token, orderSign).statusCode()).isEqualTo(401);
        assertThat(post(replicaA, path, token, orderSign).statusCode()).isEqualTo(401);
        assertThat(post(replicaB, path, token(path), orderSign).statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(replicaB) + "/actuator/prometheus"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body())
                .as("refusals are counted")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*status=\"401\"");
        for (ConfigurableApplicationContext replica : new ConfigurableApplicationContext[] {replicaA, replicaB}) {
            assertThat(replica.getBean(ReplayStore.class))
                    .isInstanceOfSatisfying(
                            DatabaseReplayStore.class,
                            store -> assertThat(store.isRunning())
                                    .as("its expired rows are purged")
                                    .isTrue());
        }
    }

    @Test
    void feedbackOnACardTheOtherReplicaIssuedAMomentEarlierIsAcceptedAndBothSummariesAgree() throws Exception {
        String path = "/cds-services/" + SERVICE;
        int overridden = 0;
        for (int i = 0; i < 6; i++) {
            ConfigurableApplicationContext issuing = i % 2 == 0 ? replicaA : replicaB;
            ConfigurableApplicationContext other = i % 2 == 0 ? replicaB : replicaA;
            HttpResponse<String> hook = post(issuing, path, token(path), orderSign);
            assertThat(hook.statusCode()).isEqualTo(200);
            JsonNode card = json.readTree(hook.body()).path("cards").get(0);
            JsonNode reason = card.path("overrideReasons").get(0);
            assertThat(reason).as("the dose-check card offers override reasons").isNotNull();
            String feedback = """
                    {"feedback": [{"card": "%s", "outcome": "overridden",
                      "overrideReason": {"reason": {"system": "%s", "code": "%s"}, "userComment": "discussed"},
                      "outcomeTimestamp": "%s"}]}""".formatted(
                            card.path("uuid").asText(),
                            reason.path("system").asText(),
                            reason.path("code").asText(),
                            Instant.now());

            HttpResponse<String> answer =
                    post(other, path + "/feedback", token(path + "/feedback"), feedback.getBytes());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            overridden++;
            // the same feedback again, at the replica that issued the card: accepted, stored once
            assertThat(post(issuing, path + "/feedback", token(path + "/feedback"), feedback.getBytes())
                            .statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> unknown = post(replicaB, path + "/feedback", token(path + "/feedback"), """
                {"feedback": [{"card": "%s", "outcome": "accepted", "outcomeTimestamp": "%s"}]}""".formatted(
                UUID.randomUUID(), Instant.now()).getBytes());
        assertThat(unknown.statusCode()).isEqualTo(404);

        JsonNode fromA = summary(replicaA);
        JsonNode fromB = summary(replicaB);
        assertThat(fromA).isEqualTo(fromB);
        long counted = 0;
        for (JsonNode count : fromA.path("feedback")) {
            counted += count.path("service").asText().equals(SERVICE)
                    ? count.path("count").asLong()
                    : 0;
        }
        assertThat(counted).isEqualTo(overridden);
        assertThat(fromA.path("topics").findValues("topic")).isNotEmpty();
    }

    /** Issue 20: a shadow card issued on one replica is listed on the other, under the same patient link. */
    @Test
    void aShadowCardIssuedOnOneReplicaIsListedOnTheOtherWithTheSamePatientLink() throws Exception {
        String path = "/cds-services/ketamine-tms-screening";
        byte[] patientView = Files.readAllBytes(Path.of("examples", "patient-view-candidate.json"));
        String patient =
                json.readTree(patientView).path("context").path("patientId").asText();
        HttpResponse<String> hook = post(replicaA, path, token(path), patientView);
        assertThat(hook.statusCode()).isEqualTo(200);
        assertThat(json.readTree(hook.body()).path("cards").size())
                .as("shadow: nothing shown")
                .isZero();

        String page = "";
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline && !page.contains("class=\"case\"")) {
            page = http.send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://127.0.0.1:" + port(replicaB) + "/admin/shadow?patient=" + patient))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Thread.sleep(20);
        }
        String linkOnA = replicaA.getBean(org.trdcds.audit.PatientLinks.class).link(patient);
        assertThat(linkOnA)
                .isEqualTo(replicaB.getBean(org.trdcds.audit.PatientLinks.class).link(patient));
        assertThat(page).contains("class=\"case\"", linkOnA, "patient-view").doesNotContain(">" + patient + "<");
    }
}
