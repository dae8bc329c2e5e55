package org.trdcds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.trdcds.security.SecurityProperties.Mode;
import org.trdcds.security.SecurityProperties.TrustedIssuer;

class SecurityPropertiesTest {

    static SecurityProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("cds.security", SecurityProperties.class);
    }

    @Test
    void defaultsToVerifyWithNoIssuersAndSixtySecondsSkew() {
        SecurityProperties properties = bind(Map.of());

        assertThat(properties.mode()).isEqualTo(Mode.VERIFY);
        assertThat(properties.trustedIssuers()).isEmpty();
        assertThat(properties.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.jwksMinRefreshInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.adminToken()).isNull();
        assertThat(properties.audienceBaseUrl()).isNull();
    }

    @Test
    void bindsIssuersAndTheRest() {
        SecurityProperties properties = bind(Map.of(
                "cds.security.trusted-issuers[0].issuer", "https://sandbox.cds-hooks.org",
                "cds.security.trusted-issuers[0].jwks-url", "https://sandbox.cds-hooks.org/.well-known/jwks.json",
                "cds.security.trusted-issuers[1].issuer", "https://epic.example.org",
                "cds.security.trusted-issuers[1].jwks-url", "file:/etc/trd/epic-jwks.json",
                "cds.security.trusted-issuers[1].tenant", "org-1",
                "cds.security.audience-base-url", "https://cds.example.org",
                "cds.security.mode", "open",
                "cds.security.admin-token", " t0ken ",
                "cds.security.jti-cache-size", "500"));

        assertThat(properties.trustedIssuers())
                .containsExactly(
                        new TrustedIssuer(
                                "https://sandbox.cds-hooks.org",
                                URI.create("https://sandbox.cds-hooks.org/.well-known/jwks.json"),
                                null),
                        new TrustedIssuer(
                                "https://epic.example.org", URI.create("file:/etc/trd/epic-jwks.json"), "org-1"));
        assertThat(properties.audienceBaseUrl()).isEqualTo("https://cds.example.org");
        assertThat(properties.mode()).isEqualTo(Mode.OPEN);
        assertThat(properties.adminToken()).isEqualTo("t0ken");
        assertThat(properties.jtiCacheSize()).isEqualTo(500);
    }

    @Test
    void refusesAJwksUrlThatIsNotHttpOrFile() {
        assertThatThrownBy(() -> bind(Map.of(
                        "cds.security.trusted-issuers[0].issuer", "https://ehr.example.org",
                        "cds.security.trusted-issuers[0].jwks-url", "ftp://ehr.example.org/jwks.json")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("http(s) or file: jwks-url");
    }

    @Test
    void refusesTheSameIssuerTwice() {
        assertThatThrownBy(() -> bind(Map.of(
                        "cds.security.trusted-issuers[0].issuer", "https://ehr.example.org",
                        "cds.security.trusted-issuers[0].jwks-url", "https://ehr.example.org/a.json",
                        "cds.security.trusted-issuers[1].issuer", "https://ehr.example.org",
                        "cds.security.trusted-issuers[1].jwks-url", "https://ehr.example.org/b.json")))
                .rootCause()
                .hasMessageContaining("lists an issuer twice");
    }
}
