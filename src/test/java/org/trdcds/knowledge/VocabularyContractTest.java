package org.trdcds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ConceptReferenceComponent;
import org.hl7.fhir.r4.model.ValueSet.ConceptSetComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The vocabulary delivers the value-set ids of the v2 contract (docs/protocol.md, version 2), each with codes, and every
 * code marked unverified in a ValueSet is listed for governance in docs/clinical-reference.md (and nothing else is).
 * Reads only files of this repository.
 */
class VocabularyContractTest {

    static final String VERIFICATION = "https://fhir.trd-cds-hooks.org/StructureDefinition/verification-status";
    static final Path VOCABULARY = Path.of(KnowledgeFiles.ROOT, "vocabulary");
    static final Path CLINICAL_REFERENCE = Path.of("docs", "clinical-reference.md");
    static final List<String> CONTRACT_IDS = List.of(
            "depressive-disorders",
            "depressive-spectrum",
            "full-remission",
            "bipolar-disorders",
            "bipolar-depressed-episode",
            "suicidal-ideation",
            "suicide-attempt",
            "suicidal-behaviour-history",
            "substance-use-disorders-active",
            "opioid-maintenance",
            "psychotic-disorders",
            "epilepsy",
            "epilepsy-intractable",
            "hypertension",
            "hypertensive-crisis",
            "pregnancy",
            "pregnancy-status",
            "pregnant-answer",
            "vascular-aneurysm-avm",
            "intracranial-hemorrhage",
            "myocardial-infarction",
            "cerebral-edema",
            "tms-implants",
            "tms-implant-procedures",
            "cardiac-devices",
            "tms-procedures",
            "ketamine",
            "esketamine",
            "antidepressants",
            "bipolar-depression-treatments",
            "benzodiazepines",
            "opioids",
            "mao-inhibitors",
            "stimulants",
            "clozapine",
            "lithium-level",
            "phq9-total",
            "phq9-item9",
            "madrs-total",
            "body-weight",
            "bp-panel",
            "systolic-bp",
            "diastolic-bp",
            // v2-rules: the PHQ-9 panel (44249-1), so that the Observation prefetch brings panels carrying item 9
            "phq9-panel",
            // v2-check: a documented suicide risk assessment releases the held-back candidate (PROTOCOL-v2 s5)
            "suicide-risk-assessment",
            // v3vocab: the new value sets of protocol version 3 (sections B, D, F)
            "pregnancy-end",
            "pregnancy-end-procedures",
            "pregnancy-test",
            "pregnancy-test-positive",
            "pregnancy-test-negative",
            "hcg-excluded-tests",
            "hcg-tumours",
            "dementia",
            "breastfeeding",
            "moud",
            "opioid-use-disorder",
            "neurostimulator-below-neck",
            "ect-procedures",
            "augmentation-agents",
            "broad-depression-only",
            // v3safety: the suicide risk instruments and their high-risk results
            "suicide-risk-instruments",
            "suicide-risk-result-high");

    @Test
    void theLoadedValueSetsHoldEveryContractId() {
        assertThat(ProjectKnowledge.get().valueSetIds()).containsAll(CONTRACT_IDS);
    }

    /** Every loaded value set: the contract's, and one a new rule reads (added without touching this test). */
    static java.util.stream.Stream<String> loadedIds() {
        return ProjectKnowledge.get().valueSetIds().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("loadedIds")
    void everyLoadedValueSetHasAFileAndCodes(String id) {
        assertThat(VOCABULARY.resolve("ValueSet-" + id + ".json")).isRegularFile();
        assertThat(ProjectKnowledge.get().expansion(id).values())
                .isNotEmpty()
                .allSatisfy(codes -> assertThat(codes).isNotEmpty());
    }

    @Test
    void everyUnverifiedCodeIsListedInTheClinicalReferenceAndNothingElse() throws IOException {
        Set<String> marked = markedUnverified();
        Set<String> listed = listedForGovernance();

        assertThat(marked)
                .as("unverified marks in fhir-profiles/vocabulary")
                .isNotEmpty()
                .contains(
                        "esketamine|2119365",
                        "pregnancy-status|82810-3",
                        "lithium-level|14334-7",
                        "tms-implants|Z96.82");
        assertThat(listed)
                .as("docs/clinical-reference.md, section 'Codes to confirm'")
                .containsExactlyInAnyOrderElementsOf(marked);
    }

    @Test
    void aValueSetWithUnverifiedCodesSaysSoInItsDescription() throws IOException {
        for (ValueSet valueSet : valueSets()) {
            boolean anyMarked = valueSet.getCompose().getInclude().stream()
                    .flatMap(i -> i.getConcept().stream())
                    .anyMatch(VocabularyContractTest::isUnverified);
            if (anyMarked) {
                assertThat(valueSet.getDescription()).as(valueSet.getId()).contains("unverified");
            }
        }
    }

    /** "value-set-id|code" of every concept carrying verification-status = unverified. */
    static Set<String> markedUnverified() throws IOException {
        Set<String> marked = new TreeSet<>();
        for (ValueSet valueSet : valueSets()) {
            for (ConceptSetComponent include : valueSet.getCompose().getInclude()) {
                for (ConceptReferenceComponent concept : include.getConcept()) {
                    if (isUnverified(concept)) {
                        marked.add(valueSet.getIdElement().getIdPart() + "|" + concept.getCode());
                    }
                }
            }
        }
        return marked;
    }

    /** Rows "| `value-set-id` | system | `code` | ..." of the section "## Codes to confirm" of the document. */
    static Set<String> listedForGovernance() throws IOException {
        String document = Files.readString(CLINICAL_REFERENCE);
        int start = document.indexOf("## Codes to confirm");
        assertThat(start)
                .as("docs/clinical-reference.md has a section 'Codes to confirm'")
                .isNotNegative();
        int end = document.indexOf("\n## ", start + 3);
        String section = document.substring(start, end < 0 ? document.length() : end);
        Matcher row = Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\| [^|]+ \\| `([^`]+)` \\|")
                .matcher(section);
        Set<String> listed = new TreeSet<>();
        while (row.find()) {
            listed.add(row.group(1) + "|" + row.group(2));
        }
        return listed;
    }

    private static boolean isUnverified(ConceptReferenceComponent concept) {
        return concept.getExtension().stream()
                .anyMatch(e -> VERIFICATION.equals(e.getUrl())
                        && "unverified".equals(e.getValue().primitiveValue()));
    }

    private static List<ValueSet> valueSets() throws IOException {
        try (Stream<Path> files = Files.list(VOCABULARY)) {
            return files.filter(p -> p.getFileName().toString().startsWith("ValueSet-"))
                    .sorted()
                    .map(p -> {
                        try {
                            return ProjectKnowledge.fhirContext()
                                    .newJsonParser()
                                    .parseResource(ValueSet.class, Files.readString(p));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
    }
}
