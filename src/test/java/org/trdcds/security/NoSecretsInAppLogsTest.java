package org.trdcds.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.trdcds.TrdCdsHooksApplication;
import org.trdcds.fhirdata.TestFhirServer;

/**
 * The whole application with every logger at DEBUG: calls that carry a fhirAuthorization access token, a signed JWT
 * and a prefetched Patient with a distinctive name, MRN, birth date and address (accepted, refused, failing) leave
 * none of these in the log output.
 */
@DirtiesContext // a context of its own (DEBUG logging, a trusted issuer): closed after, not cached
@SpringBootTest(
        classes = TrdCdsHooksApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:no-secrets-in-logs;DB_CLOSE_DELAY=-1",
            "logging.level.root=DEBUG",
            "cds.fhir.deadline=2s"
        })
@ExtendWith(OutputCaptureExtension.class)
class NoSecretsInAppLogsTest {

    static final String ACCESS_TOKEN = "fhir-access-token-Qw7ZpL3vX9";
    static final String FAMILY = "Zebulonowicz";
    static final String GIVEN = "Philippa-Quenby";
    static final String MRN = "MRN-77314-XKQ";
    static final String BIRTH_DATE = "1961-02-17";
    static final String STREET = "742 Evergreen Terrace";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final TestFhirServer FHIR_SERVER = TestFhirServer.servingScenario(
            FhirContext.forR4Cached(), Path.of("src/test/resources/scenarios/pv-candidate.json"));

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
        registry.add("cds.security.trusted-issuers[0].fhir-servers[0]", FHIR_SERVER::baseUrl);
        registry.add("cds.security.audience-base-url", () -> TestKeys.AUDIENCE_BASE);
    }

    @AfterAll
    static void backToInfo() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
    }

    @Test
    void noTokenJwtOrPatientIdentifierIsLogged(CapturedOutput output) throws Exception {
        FHIR_SERVER.requireToken(ACCESS_TOKEN);
        List<String> jwts = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();

        String accepted = jwt();
        jwts.add(accepted);
        statuses.add(call(accepted, request(FHIR_SERVER.baseUrl()))); // fetches the rest with the token
        statuses.add(call(accepted, request(FHIR_SERVER.baseUrl()))); // replayed JWT: 401
        String expired = TestKeys.es384(TestKeys.claims(audience())
                .expirationTime(new java.util.Date(System.currentTimeMillis() - 600_000))
                .build());
        jwts.add(expired);
        statuses.add(call(expired, request(FHIR_SERVER.baseUrl())));
        FHIR_SERVER.fault(TestFhirServer.Fault.HTTP_500);
        String failing = jwt();
        jwts.add(failing);
        statuses.add(call(failing, request(FHIR_SERVER.baseUrl()))); // 412
        FHIR_SERVER.fault(TestFhirServer.Fault.NONE);
        String invalid = jwt();
        jwts.add(invalid);
        statuses.add(call(invalid, request(FHIR_SERVER.baseUrl()).replace("\"hookInstance\"", "\"hookInstanceX\"")));

        assertThat(statuses).containsExactly(200, 401, 401, 412, 400);
        assertThat(FHIR_SERVER.authorizations()).contains("Bearer " + ACCESS_TOKEN);
        String logs = output.getAll();
        assertThat(logs).contains("DEBUG").contains("Refused");
        List<String> secrets = new ArrayList<>(List.of(ACCESS_TOKEN, FAMILY, GIVEN, MRN, BIRTH_DATE, STREET));
        jwts.forEach(jwt -> secrets.addAll(Arrays.asList(jwt.split("\\."))));
        for (String secret : secrets) {
            assertThat(logs).as("the log output").doesNotContain(secret);
        }
    }

    private String audience() {
        return TestKeys.AUDIENCE_BASE + "/cds-services/ketamine-tms-screening";
    }

    private String url() {
        return "http://127.0.0.1:" + port + "/cds-services/ketamine-tms-screening";
    }

    private String jwt() {
        return TestKeys.es384(TestKeys.claims(audience()).subject("ehr-client").build());
    }

    /** A patient-view call with the token and the Patient in prefetch; the other keys are fetched. */
    private static String request(String fhirServer) {
        return """
                {"hook":"patient-view","hookInstance":"%s","fhirServer":"%s",
                 "fhirAuthorization":{"access_token":"%s","token_type":"Bearer","expires_in":300,
                   "scope":"patient/*.read","subject":"ehr-client"},
                 "context":{"userId":"Practitioner/example","patientId":"p-cand"},
                 "prefetch":{"patient":{"resourceType":"Patient","id":"p-cand",
                   "identifier":[{"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"MR"}]},
                     "system":"urn:oid:1.2.36.146.595.217.0.1","value":"%s"}],
                   "name":[{"family":"%s","given":["%s"]}],"gender":"female","birthDate":"%s",
                   "address":[{"line":["%s"],"city":"Springfield","postalCode":"49007"}]}}}""".formatted(UUID.randomUUID(), fhirServer, ACCESS_TOKEN, MRN, FAMILY, GIVEN, BIRTH_DATE, STREET);
    }

    private int call(String jwt, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url()))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + jwt)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
