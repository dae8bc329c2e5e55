package org.trdcds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.FileSystemUtils;
import org.trdcds.knowledge.Knowledge.MinimumDose;

/** The minimum-dose tables of version 2 (PROTOCOL-v2 sections 1, 2 and 9), read from the real fhir-profiles/. */
class MinimumDoseTableTest {

    static final String PLACEHOLDER = "placeholder-pending-clinical-review";

    @ParameterizedTest(name = "{1} ({0}) >= {2} mg/day")
    @CsvSource({
        "36437, sertraline, 50",
        "10737, trazodone, 300",
        "1086769, vilazodone, 40",
        "722, amoxapine, 200",
        "6646, maprotiline, 150",
        "8886, protriptyline, 30",
        "10834, trimipramine, 150",
        "2611260, dextromethorphan-bupropion, 210",
    })
    void antidepressantRowsOfVersion2(String code, String name, double mgPerDay) {
        MinimumDose dose = ProjectKnowledge.get().minimumDailyDose(code).orElseThrow();
        assertThat(dose.name()).isEqualTo(name);
        assertThat(dose.mgPerDay()).isEqualTo(mgPerDay);
        assertThat(dose.status()).isEqualTo(PLACEHOLDER);
        assertThat(dose.route()).isNull();
    }

    @Test
    void selegilineAppliesToTheTransdermalRouteOnly() {
        MinimumDose selegiline = ProjectKnowledge.get().minimumDailyDose("9639").orElseThrow();
        assertThat(selegiline.mgPerDay()).isEqualTo(6.0);
        assertThat(selegiline.route()).isEqualTo("transdermal");
        assertThat(selegiline.source()).contains("PROTOCOL-v2 section 9");
    }

    @Test
    void theCombinationRowIsKeyedByTheProductTheProductMapKnows() {
        Knowledge knowledge = ProjectKnowledge.get();
        assertThat(knowledge.product("2611260")).hasValueSatisfying(p -> {
            assertThat(p.ingredient()).isEqualTo("42347");
            assertThat(p.strengthMg()).isEqualTo(105.0);
        });
        assertThat(knowledge.minimumDailyDose("2611260").orElseThrow().source()).contains("twice daily");
        assertThat(knowledge.minimumDailyDose("42347").orElseThrow().mgPerDay()).isEqualTo(300.0);
    }

    @ParameterizedTest(name = "{1} ({0}) >= {2} mg/day")
    @CsvSource({
        "51272, quetiapine, 300",
        "1040028, lurasidone, 20",
        "28439, lamotrigine, 200",
        "6448, lithium, 600",
        "1667655, cariprazine, 1.5",
        "2286154, lumateperone, 42",
        "403969, olanzapine-fluoxetine, 25",
        "721787, olanzapine-fluoxetine, 25",
    })
    void bipolarDoseTableLoads(String code, String name, double mgPerDay) {
        MinimumDose dose = ProjectKnowledge.get().bipolarMinimumDailyDose(code).orElseThrow();
        assertThat(dose.name()).isEqualTo(name);
        assertThat(dose.mgPerDay()).isEqualTo(mgPerDay);
        assertThat(dose.status()).isEqualTo(PLACEHOLDER);
        assertThat(ProjectKnowledge.get()
                        .inValueSet(
                                "bipolar-depression-treatments", "http://www.nlm.nih.gov/research/umls/rxnorm", code))
                .isTrue();
    }

    @Test
    void theTwoTablesAreSeparate() {
        assertThat(ProjectKnowledge.get().bipolarMinimumDailyDose("36437")).isEmpty();
        assertThat(ProjectKnowledge.get().minimumDailyDose("51272")).isEmpty();
        assertThat(ProjectKnowledge.get().bipolarMinimumDailyDose(null)).isEmpty();
    }

    @Test
    void lamotrigineProductsMapToTheirIngredient() {
        assertThat(ProjectKnowledge.get().product("198427")).hasValueSatisfying(p -> {
            assertThat(p.ingredient()).isEqualTo("28439");
            assertThat(p.strengthMg()).isEqualTo(100.0);
        });
    }

    @Test
    void aMissingBipolarTableStopsTheStart(@TempDir Path dir) throws IOException {
        Files.delete(copy(dir).resolve("knowledge/Parameters-bipolar-minimum-doses.json"));

        assertThatThrownBy(() -> KnowledgeLoader.load(KnowledgeFiles.fromDirectory(dir), ProjectKnowledge.fhirContext())
                        .knowledge())
                .isInstanceOf(KnowledgeLoadException.class)
                .hasMessageContaining("bipolar-minimum-doses");
    }

    @Test
    void aNonPositiveDoseStopsTheStartNamingFileAndRow(@TempDir Path dir) throws IOException {
        Path table = copy(dir).resolve("knowledge/Parameters-bipolar-minimum-doses.json");
        Files.writeString(table, Files.readString(table).replace("\"valueDecimal\": 300.0", "\"valueDecimal\": -1"));

        assertThatThrownBy(() -> KnowledgeLoader.load(KnowledgeFiles.fromDirectory(dir), ProjectKnowledge.fhirContext())
                        .knowledge())
                .isInstanceOf(KnowledgeLoadException.class)
                .hasMessageContaining("Parameters-bipolar-minimum-doses.json")
                .hasMessageContaining("quetiapine");
    }

    @Test
    void anEmptyRouteStopsTheStart(@TempDir Path dir) throws IOException {
        Path table = copy(dir).resolve("knowledge/Parameters-antidepressant-minimum-doses.json");
        Files.writeString(
                table, Files.readString(table).replace("\"valueCode\": \"transdermal\"", "\"valueCode\": \" \""));

        assertThatThrownBy(() -> KnowledgeLoader.load(KnowledgeFiles.fromDirectory(dir), ProjectKnowledge.fhirContext())
                        .knowledge())
                .isInstanceOf(KnowledgeLoadException.class)
                .hasMessageContaining("'route'");
    }

    private static Path copy(Path dir) throws IOException {
        FileSystemUtils.copyRecursively(Path.of(KnowledgeFiles.ROOT), dir.resolve(KnowledgeFiles.ROOT));
        return dir.resolve(KnowledgeFiles.ROOT);
    }
}
