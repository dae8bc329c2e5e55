package org.trdcds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.trdcds.security.SecurityProperties.Mode;
import org.trdcds.security.SecurityProperties.TrustedIssuer;

class SecurityConfigurationTest {

    @Test
    void openModeIsAnnouncedWithAWarning() {
        try (LogCapture logs = new LogCapture()) {
            SecurityConfiguration.announce(TestKeys.properties(Mode.OPEN, "token"));

            assertThat(logs.lines()).singleElement().asString().startsWith("WARN *** cds.security.mode=open");
        }
    }

    @Test
    void noIssuersAndNoAdminTokenAreAnnounced() {
        try (LogCapture logs = new LogCapture()) {
            SecurityConfiguration.announce(TestKeys.properties(Mode.VERIFY, null));

            assertThat(logs.lines())
                    .containsExactly(
                            "WARN No cds.security.trusted-issuers configured: /cds-services accepts unsigned calls from "
                                    + "loopback addresses only and refuses every other caller.",
                            "INFO No cds.security.admin-token configured: admin and actuator endpoints answer loopback only.");
        }
    }

    @Test
    void trustedIssuersAreListedWithoutTheAdminToken() {
        try (LogCapture logs = new LogCapture()) {
            SecurityConfiguration.announce(TestKeys.properties(
                    Mode.VERIFY,
                    "admin-secret-xyz",
                    new TrustedIssuer("https://ehr.example.org", URI.create("https://ehr.example.org/jwks"), "org-1")));

            assertThat(logs.lines())
                    .containsExactly(
                            "INFO Trusting CDS client https://ehr.example.org (keys at https://ehr.example.org/jwks, tenant org-1)",
                            "INFO CDS client https://ehr.example.org has no cds.security.trusted-issuers[n].fhir-servers: its "
                                    + "calls may name no fhirServer (prefetch only)");
        }
    }
}
