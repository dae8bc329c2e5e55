package org.trdcds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.trdcds.security.SecurityProperties.Mode;
import org.trdcds.security.SecurityProperties.TrustedIssuer;

/** cds.security.audience-base-url, trusted-issuers[n].jku and trusted-issuers[n].fhir-servers. */
class IssuerAllowlistsTest {

    static final String AUDIENCE = TestKeys.AUDIENCE_BASE + "/cds-services/trd-ketamine-tms";
    static final URI SANDBOX_JKU = URI.create("https://sandbox.cds-hooks.org/.well-known/jwks.json");

    static JwksServer jwks;

    @BeforeAll
    static void publishKeys() {
        jwks = new JwksServer(TestKeys.publicSet(TestKeys.EC, TestKeys.RSA));
    }

    @AfterAll
    static void stopServer() {
        jwks.close();
    }

    static JwtVerifier verifier(List<URI> jku, List<String> fhirServers) {
        return new JwtVerifier(
                TestKeys.properties(
                        Mode.VERIFY, null, new TrustedIssuer(TestKeys.ISSUER, jwks.uri(), null, jku, fhirServers)),
                Clock.systemUTC());
    }

    static String withJku(URI jku) {
        JWSHeader header =
                TestKeys.header(JWSAlgorithm.ES384, "ec-1").jwkURL(jku).build();
        return TestKeys.sign(header, TestKeys.claims(AUDIENCE).build(), TestKeys.EC);
    }

    @Test
    void aListedJkuIsAcceptedWhileTheKeysComeFromTheJwksUrlOnly() throws Exception {
        JwtVerifier verifier = verifier(List.of(SANDBOX_JKU), List.of());

        // the sandbox URL is never fetched (no network here): the key is the one served at jwks-url
        assertThat(verifier.verify(withJku(SANDBOX_JKU), AUDIENCE).issuer()).isEqualTo(TestKeys.ISSUER);
        assertThat(jwks.requests()).isPositive();
        assertThatThrownBy(() -> verifier.verify(withJku(jwks.uri()), AUDIENCE))
                .isInstanceOf(AuthenticationFailure.class)
                .hasMessageContaining("jku");
    }

    @Test
    void withoutAJkuListOnlyTheJwksUrlIsAccepted() throws Exception {
        JwtVerifier verifier = verifier(null, null);

        assertThat(verifier.verify(withJku(jwks.uri()), AUDIENCE).issuer()).isEqualTo(TestKeys.ISSUER);
        assertThatThrownBy(() -> verifier.verify(withJku(SANDBOX_JKU), AUDIENCE))
                .isInstanceOf(AuthenticationFailure.class)
                .hasMessageContaining("jku");
    }

    @Test
    void theClientMayNameExactlyItsIssuersFhirServersInAnySpelling() throws Exception {
        AuthenticatedClient client = verifier(null, List.of("http://127.0.0.1:18091/fhir/"))
                .verify(TestKeys.es384(TestKeys.claims(AUDIENCE).build()), AUDIENCE);

        assertThat(client.mayName("http://127.0.0.1:18091/fhir")).isTrue();
        assertThat(client.mayName("HTTP://127.0.0.1:18091/fhir//")).isTrue();
        assertThat(client.mayName(null)).as("no fhirServer: prefetch only").isTrue();
        assertThat(client.mayName("http://127.0.0.1:18091/fhir/other")).isFalse();
        assertThat(client.mayName("http://127.0.0.1:18092/fhir")).isFalse();
        assertThat(client.mayName("http://127.0.0.1:18081/actuator/prometheus")).isFalse();
        assertThat(client.mayName("http://user@127.0.0.1:18091/fhir")).isFalse();
    }

    @Test
    void anIssuerWithoutFhirServersMayNameNone() throws Exception {
        AuthenticatedClient client = verifier(null, null)
                .verify(TestKeys.es384(TestKeys.claims(AUDIENCE).build()), AUDIENCE);

        assertThat(client.mayName("http://127.0.0.1:18091/fhir")).isFalse();
        assertThat(client.mayName(null)).isTrue();
    }

    @Test
    void theAudienceBaseUrlIsRequiredOnceAnIssuerIsTrustedAndNamedInTheRefusal() {
        assertThatThrownBy(() -> SecurityPropertiesTest.bind(Map.of(
                        "cds.security.trusted-issuers[0].issuer", "https://ehr.example.org",
                        "cds.security.trusted-issuers[0].jwks-url", "https://ehr.example.org/jwks.json")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("cds.security.audience-base-url is required");
        assertThat(SecurityPropertiesTest.bind(Map.of()).audienceBaseUrl()).isNull();
    }

    @Test
    void bindsJkuAndFhirServersPerIssuer() {
        SecurityProperties properties = SecurityPropertiesTest.bind(Map.of(
                "cds.security.audience-base-url", "https://cds.example.org",
                "cds.security.trusted-issuers[0].issuer", "https://sandbox.cds-hooks.org",
                "cds.security.trusted-issuers[0].jwks-url", "file:/etc/trd/sandbox-jwks.json",
                "cds.security.trusted-issuers[0].jku[0]", SANDBOX_JKU.toString(),
                "cds.security.trusted-issuers[0].fhir-servers[0]", "https://ehr.example.org/fhir",
                "cds.security.trusted-issuers[0].fhir-servers[1]", "http://127.0.0.1:18091/fhir"));

        TrustedIssuer issuer = properties.trustedIssuers().get(0);
        assertThat(issuer.jku()).containsExactly(SANDBOX_JKU);
        assertThat(issuer.fhirServers()).containsExactly("https://ehr.example.org/fhir", "http://127.0.0.1:18091/fhir");
        assertThat(new TrustedIssuer("i", URI.create("file:/k.json"), null).jku())
                .containsExactly(URI.create("file:/k.json"));
    }

    @Test
    void refusesAFhirServerThatIsNotABaseUrl() {
        assertThatThrownBy(() -> new TrustedIssuer(
                        "i", URI.create("file:/k.json"), null, null, List.of("http://127.0.0.1:18091/fhir?x=1")))
                .hasMessageContaining("fhir-servers entry must be an absolute http(s) URL");
        assertThatThrownBy(() -> new TrustedIssuer("i", URI.create("file:/k.json"), null, null, List.of("ftp://x/")))
                .hasMessageContaining("fhir-servers");
    }

    @Test
    void theApplicationDoesNotStartWithAnIssuerButNoAudienceBaseUrl() {
        new org.springframework.boot.test.context.runner.WebApplicationContextRunner()
                .withUserConfiguration(SecurityConfiguration.class)
                .withPropertyValues(
                        "cds.security.trusted-issuers[0].issuer=https://ehr.example.org",
                        "cds.security.trusted-issuers[0].jwks-url=https://ehr.example.org/jwks.json")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("cds.security.audience-base-url is required");
                });
    }
}
