package org.trdcds.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The catalog data file and the 2.0.1 prefetch tokens. */
class ServiceCatalogTest {

    final ServiceCatalog catalog = new ServiceCatalog(new ObjectMapper());

    @Test
    void everyTemplateUsesOnlyCdsHooks201TokensAndAsksForTheSixKeys() {
        assertThat(catalog.services()).hasSize(3).allSatisfy(service -> {
            assertThat(service.prefetch()).containsOnlyKeys("patient", "conditions", "observations",
                    "medicationStatements", "medicationRequests", "procedures");
            service.prefetch().values().forEach(template ->
                    assertThat(PrefetchTemplates.unsupportedTokens(template)).as(template).isEmpty());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"phq9-total", "phq9-item9", "bp-panel", "body-weight", "antidepressant-course-statement",
            "antidepressant-course-request", "tms-procedure"})
    void usageRequirementsPointAtTheProfiles(String profile) {
        assertThat(catalog.services()).allSatisfy(service -> assertThat(service.usageRequirements())
                .contains("https://fhir.trd-cds-hooks.org/StructureDefinition/" + profile));
    }

    @Test
    void substitutesTokensAndLeavesOutTemplatesItCannotFill() {
        Map<String, String> queries = PrefetchTemplates.substitute(Map.of(
                "patient", "Patient/{{context.patientId}}",
                "user", "PractitionerRole?_id={{userPractitionerRoleId}}",
                "practitioner", "Practitioner/{{userPractitionerId}}",
                "encounter", "Encounter/{{context.encounterId}}"), "p-1", "Practitioner/doc-1", null);
        assertThat(queries).containsOnly(Map.entry("patient", "Patient/p-1"),
                Map.entry("practitioner", "Practitioner/doc-1"));
    }

    @Test
    void refusesACatalogWithA30Token() {
        CdsService service = new CdsService("patient-view", "x", null, "d", null,
                Map.of("labs", "Observation?patient={{context.patientId}}&date=gt{{today() - 90 days}}"));
        assertThatThrownBy(() -> new ServiceCatalog(java.util.List.of(service)))
                .hasMessageContaining("today() - 90 days");
    }
}
