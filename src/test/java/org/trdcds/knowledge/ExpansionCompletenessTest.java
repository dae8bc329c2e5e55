package org.trdcds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ConceptSetComponent;
import org.hl7.fhir.r4.model.ValueSet.ValueSetExpansionContainsComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.util.FileSystemUtils;

/**
 * PROTOCOL-v3: a value set built from an expansion holds all of it. Every VSAC copy is whole (expansion.total, when
 * given, equals the codes held; the Pregnancy copy holds its 1,987 codes), every local value set holds every code of
 * the copies it is built from except the codes its compose excludes, and the loader refuses a truncated copy.
 */
class ExpansionCompletenessTest {

    static final Path VSAC = Path.of(KnowledgeFiles.ROOT, "vocabulary", "vsac");
    static final Path VOCABULARY = Path.of(KnowledgeFiles.ROOT, "vocabulary");
    static final String VSAC_URL = "http://cts.nlm.nih.gov/fhir/ValueSet/";

    static Stream<Path> vsacCopies() throws IOException {
        try (Stream<Path> files = Files.list(VSAC)) {
            return files.sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vsacCopies")
    void everyVsacCopyHoldsItsWholeExpansion(Path file) throws IOException {
        ValueSet copy = parse(file);
        int held = codes(copy).size();
        assertThat(held).as("codes held").isPositive();
        if (copy.getExpansion().hasTotal()) {
            assertThat(held)
                    .as(file + ": expansion.total")
                    .isEqualTo(copy.getExpansion().getTotal());
        }
        assertThat(ExpansionCompleteness.check(copy, file.toString())).isEqualTo(held);
    }

    @ParameterizedTest(name = "{0} has {1} codes")
    @CsvSource({
        "2.16.840.1.113883.3.526.3.378, 1987",
        "2.16.840.1.113883.3.526.3.1005, 116",
        "2.16.840.1.113883.3.526.3.403, 79",
        "2.16.840.1.113883.3.526.3.368, 7",
        "2.16.840.1.113762.1.4.1047.73, 28",
        "2.16.840.1.113883.3.464.1003.111.12.1011, 27",
        "2.16.840.1.113762.1.4.1045.59, 122",
        "2.16.840.1.113762.1.4.1046.269, 30",
    })
    void theCopiesTheV3SetsAreBuiltFromHaveTheirPublishedSize(String oid, int size) throws IOException {
        assertThat(codes(parse(VSAC.resolve("valueset-" + oid + ".json")))).hasSize(size);
    }

    @Test
    void everyLocalValueSetHoldsTheWholeOfEveryCopyItIncludesExceptItsExclusions() throws IOException {
        int checked = 0;
        try (Stream<Path> files = Files.list(VOCABULARY)) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("ValueSet-"))
                    .sorted()
                    .toList()) {
                ValueSet local = parse(file);
                String id = local.getIdElement().getIdPart();
                Set<String> excluded = new HashSet<>();
                for (ConceptSetComponent exclude : local.getCompose().getExclude()) {
                    exclude.getConcept().forEach(c -> excluded.add(exclude.getSystem() + "|" + c.getCode()));
                }
                for (ConceptSetComponent include : local.getCompose().getInclude()) {
                    for (CanonicalType url : include.getValueSet()) {
                        if (url.getValue().startsWith(VSAC_URL)) {
                            String oid = url.getValue().substring(VSAC_URL.length());
                            assertHolds(id, oid, excluded);
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).as("value sets built on a VSAC copy").isGreaterThanOrEqualTo(15);
    }

    /** Value sets built code by code from an expansion (filters of the generator): all of it except these. */
    @ParameterizedTest(name = "{0} holds {1}")
    @CsvSource({
        "depressive-disorders, 2.16.840.1.113883.3.464.1003.105.12.1007, ''",
        "pregnancy, 2.16.840.1.113883.3.526.3.378, ''",
        "opioid-use-disorder, 2.16.840.1.113762.1.4.1111.171, ''",
        "myocardial-infarction, 2.16.840.1.113883.3.526.3.403, http://snomed.info/sct|32574007",
        "dementia, 2.16.840.1.113883.3.526.3.1005, http://hl7.org/fhir/sid/icd-10-cm|F05 "
                + "http://hl7.org/fhir/sid/icd-10-cm|G31.80",
    })
    void theV3SetsHoldTheirExpansion(String id, String oid, String exceptions) throws IOException {
        assertHolds(id, oid, Set.of(exceptions.isBlank() ? new String[0] : exceptions.split(" ")));
    }

    @Test
    void theLoaderRefusesACopyWhoseTotalIsNotTheCodesHeld() {
        ValueSet truncated = copy(3);
        truncated.getExpansion().setTotal(1986);
        assertThatThrownBy(() -> ExpansionCompleteness.check(truncated, "vsac/valueset-x.json"))
                .isInstanceOf(KnowledgeLoadException.class)
                .hasMessageContaining("vsac/valueset-x.json")
                .hasMessageContaining("1986")
                .hasMessageContaining("3");
    }

    @Test
    void theServiceRefusesToStartOnATruncatedCopy(@TempDir Path dir) throws IOException {
        FileSystemUtils.copyRecursively(Path.of(KnowledgeFiles.ROOT), dir.resolve(KnowledgeFiles.ROOT));
        Path mi =
                dir.resolve(KnowledgeFiles.ROOT).resolve("vocabulary/vsac/valueset-2.16.840.1.113883.3.526.3.403.json");
        Files.writeString(mi, Files.readString(mi).replace("\"total\": 79", "\"total\": 158"));

        assertThatThrownBy(() -> KnowledgeLoader.load(KnowledgeFiles.fromDirectory(dir), ProjectKnowledge.fhirContext())
                        .knowledge())
                .isInstanceOf(KnowledgeLoadException.class)
                .hasMessageContaining("valueset-2.16.840.1.113883.3.526.3.403.json")
                .hasMessageContaining("expansion.total is 158 but 79 codes are held");
    }

    @Test
    void theLoaderRefusesOnePageWithoutATotal() {
        ValueSet page = copy(2);
        page.getExpansion().addParameter().setName("count").setValue(new IntegerType(2));
        assertThatThrownBy(() -> ExpansionCompleteness.check(page, "p"))
                .isInstanceOf(KnowledgeLoadException.class)
                .hasMessageContaining("one page");
        ValueSet whole = copy(2);
        whole.getExpansion().setTotal(2).addParameter().setName("count").setValue(new IntegerType(1000));
        assertThat(ExpansionCompleteness.check(whole, "w")).isEqualTo(2);
    }

    private static void assertHolds(String id, String oid, Set<String> excluded) throws IOException {
        Map<String, ? extends Set<String>> local = ProjectKnowledge.get().expansion(id);
        List<String> missing = codes(parse(VSAC.resolve("valueset-" + oid + ".json"))).stream()
                .filter(token -> !excluded.contains(token))
                .filter(token -> {
                    String[] parts = token.split("\\|", 2);
                    return !local.containsKey(parts[0]) || !local.get(parts[0]).contains(parts[1]);
                })
                .toList();
        assertThat(missing).as(id + " must hold all of VSAC " + oid).isEmpty();
    }

    private static ValueSet copy(int codes) {
        ValueSet valueSet = new ValueSet();
        for (int i = 0; i < codes; i++) {
            valueSet.getExpansion().addContains().setSystem("http://loinc.org").setCode("c" + i);
        }
        return valueSet;
    }

    private static Set<String> codes(ValueSet valueSet) {
        Set<String> codes = new HashSet<>();
        collect(valueSet.getExpansion().getContains(), codes);
        return codes;
    }

    private static void collect(List<ValueSetExpansionContainsComponent> contains, Set<String> codes) {
        for (ValueSetExpansionContainsComponent entry : contains) {
            if (entry.hasCode()) {
                codes.add(entry.getSystem() + "|" + entry.getCode());
            }
            collect(entry.getContains(), codes);
        }
    }

    private static ValueSet parse(Path file) throws IOException {
        return ProjectKnowledge.fhirContext().newJsonParser().parseResource(ValueSet.class, Files.readString(file));
    }
}
