package org.trdcds.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trdcds.knowledge.ProjectKnowledge;

/** The catalog data file and the 2.0.1 prefetch tokens. */
class ServiceCatalogTest {

    final ServiceCatalog catalog = new ServiceCatalog(new ObjectMapper(), ProjectKnowledge.get());

    @Test
    void everyTemplateUsesOnlyCdsHooks201TokensAndAsksForTheSevenKeys() {
        assertThat(catalog.services()).hasSize(3).allSatisfy(service -> {
            assertThat(service.prefetch())
                    .containsOnlyKeys(
                            "patient",
                            "conditions",
                            "observations",
                            "medicationStatements",
                            "medicationRequests",
                            "medicationAdministrations",
                            "procedures");
            service.prefetch()
                    .values()
                    .forEach(template -> assertThat(PrefetchTemplates.unsupportedTokens(template))
                            .as(template)
                            .isEmpty());
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "phq9-total-observation",
                "phq9-item9-observation",
                "bp-panel-observation",
                "body-weight-observation",
                "antidepressant-course-medicationstatement",
                "antidepressant-course-medicationrequest",
                "tms-procedure"
            })
    void usageRequirementsPointAtTheProfiles(String profile) {
        assertThat(catalog.services())
                .allSatisfy(service -> assertThat(service.usageRequirements())
                        .contains("https://fhir.trd-cds-hooks.org/StructureDefinition/" + profile));
    }

    @Test
    void usageRequirementsNameOnlyProfilesThatExistInFhirProfiles() throws java.io.IOException {
        java.util.regex.Matcher urls = java.util.regex.Pattern.compile(
                        "https://fhir\\.trd-cds-hooks\\.org/StructureDefinition/[a-z0-9-]+")
                .matcher(String.join(
                        " ",
                        catalog.services().stream()
                                .map(CdsService::usageRequirements)
                                .toList()));
        java.util.Set<String> published = new java.util.HashSet<>();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("fhir-profiles/profiles"))) {
            for (java.nio.file.Path file : files.toList()) {
                published.add(
                        new ObjectMapper().readTree(file.toFile()).path("url").asText());
            }
        }
        int named = 0;
        while (urls.find()) {
            assertThat(published).contains(urls.group());
            named++;
        }
        assertThat(named).isGreaterThanOrEqualTo(3 * 7);
    }

    @Test
    void observationAndProcedureQueriesAskForExactlyTheValueSetCodes() {
        CdsService screening = catalog.find("ketamine-tms-screening").orElseThrow();
        assertThat(screening.prefetch().get("observations"))
                .startsWith("Observation?patient={{context.patientId}}&code=")
                .contains(
                        "http://loinc.org|44261-6",
                        "http://loinc.org|44260-8",
                        "http://loinc.org|85354-9",
                        "http://loinc.org|8480-6",
                        "http://loinc.org|8462-4",
                        "http://loinc.org|29463-7",
                        "https://fhir.trd-cds-hooks.org/CodeSystem/assessment-scales|madrs-total",
                        "http://loinc.org|44249-1",
                        "http://loinc.org|82810-3")
                .doesNotContain("${");
        assertThat(screening.prefetch().get("observations"))
                .contains("http://loinc.org|2106-3", "http://loinc.org|19080-1", "http://snomed.info/sct|866041003");
        // v3: the end-of-pregnancy procedures (158 codes, ~5,500 characters) would push a code filter toward URL
        // limits, so procedures are prefetched unfiltered, as conditions are (the 1,365-code suicide-attempt set)
        assertThat(screening.prefetch().get("procedures")).isEqualTo("Procedure?patient={{context.patientId}}");
    }

    @Test
    void substitutesTokensAndLeavesOutTemplatesItCannotFill() {
        PrefetchTemplates templates = PrefetchTemplates.of(Map.of(
                "patient", "Patient/{{context.patientId}}",
                "user", "PractitionerRole?_id={{userPractitionerRoleId}}",
                "practitioner", "Practitioner/{{userPractitionerId}}",
                "encounter", "Encounter/{{context.encounterId}}",
                "spaced", "Condition?patient={{ context.patientId }}&x={{userPatientId}}",
                "literal", "Observation?code=http://loinc.org|44261-6"));
        assertThat(templates.substitute("p-1", "Practitioner/doc-1", null))
                .containsOnly(
                        Map.entry("patient", "Patient/p-1"),
                        Map.entry("practitioner", "Practitioner/doc-1"),
                        Map.entry("literal", "Observation?code=http://loinc.org|44261-6"));
        assertThat(templates.substitute("p-2", "Patient/p-2", "e-9"))
                .containsOnly(
                        Map.entry("patient", "Patient/p-2"),
                        Map.entry("encounter", "Encounter/e-9"),
                        Map.entry("spaced", "Condition?patient=p-2&x=p-2"),
                        Map.entry("literal", "Observation?code=http://loinc.org|44261-6"));
    }

    @Test
    void refusesACatalogWithA30Token() {
        CdsService service = new CdsService(
                "patient-view",
                "x",
                null,
                "d",
                null,
                Map.of("labs", "Observation?patient={{context.patientId}}&date=gt{{today() - 90 days}}"),
                null);
        assertThatThrownBy(() -> new ServiceCatalog(java.util.List.of(service)))
                .hasMessageContaining("today() - 90 days");
    }
}
