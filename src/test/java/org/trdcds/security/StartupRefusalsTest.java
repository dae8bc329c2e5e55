package org.trdcds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.trdcds.TrdCdsHooksApplication;

/**
 * F11/F8: configuration mistakes that would quietly weaken the service make the real application refuse to start,
 * with one line naming the setting (each case starts the application on a random port with one mistake).
 */
class StartupRefusalsTest {

    static final String JWKS = java.nio.file.Path.of(
                    "src/test/resources/fixtures/cds-hooks-examples/sandbox-captured/sandbox-jwks.json")
            .toAbsolutePath()
            .toUri()
            .toString();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "cds.security.trusted-issuers[0].issuer=http://ehr.example.org|cds.security.trusted-issuers[0].issuer",
                "cds.security.audience-base-url=http://cds.example.org|cds.security.audience-base-url",
                "cds.security.trusted-issuers[0].fhir-servers[0]=http://fhir.example.org/r4|cds.security.trusted-issuers[0].fhir-servers[0]",
                "cds.security.mode=open|cds.security.mode=open",
                "cds.security.trusted-issuers[0].jwks-url=file:/nowhere/jwks.json|cds.security.trusted-issuers[0].jwks-url",
                "cds.security.admin-token=admin-token-0123456789abcdef|cds.security.admin-token",
                "cds.security.admin-token=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa|cds.security.admin-token"
            })
    void aMistakeRefusesTheStartNamingTheSetting(String mistake, String setting) {
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                "spring.datasource.url=jdbc:h2:mem:startup-refusals;DB_CLOSE_DELAY=-1",
                "cds.warm-up.rounds=0",
                "cds.security.audience-base-url=https://cds.example.org",
                "cds.security.trusted-issuers[0].issuer=https://ehr.example.org",
                "cds.security.trusted-issuers[0].jwks-url=" + JWKS));
        String key = mistake.substring(0, mistake.indexOf('='));
        properties.removeIf(property -> property.startsWith(key + "="));
        properties.add(mistake);

        Throwable thrown = catchThrowable(() -> {
            try (ConfigurableApplicationContext started = new SpringApplicationBuilder(TrdCdsHooksApplication.class)
                    .properties(properties.toArray(String[]::new))
                    .run()) {
                started.isActive();
            }
        });

        assertRefusedNaming(thrown, mistake, setting);
    }

    @org.junit.jupiter.api.Test
    void aPublicServerAddressWithoutIssuersRefusesTheStart() {
        Throwable thrown = catchThrowable(() -> {
            try (ConfigurableApplicationContext started = new SpringApplicationBuilder(TrdCdsHooksApplication.class)
                    .properties(
                            "server.port=0",
                            "server.address=8.8.8.8",
                            "cds.warm-up.rounds=0",
                            "spring.datasource.url=jdbc:h2:mem:startup-refusals-address;DB_CLOSE_DELAY=-1")
                    .run()) {
                started.isActive();
            }
        });
        assertRefusedNaming(thrown, "server.address=8.8.8.8", "server.address=8.8.8.8");
    }

    private static void assertRefusedNaming(Throwable thrown, String mistake, String setting) {
        assertThat(thrown).as(mistake).isNotNull();
        Throwable root = thrown;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertThat(root).isInstanceOf(IllegalStateException.class);
        assertThat(root.getMessage()).contains(setting).doesNotContain("\n");
    }
}
