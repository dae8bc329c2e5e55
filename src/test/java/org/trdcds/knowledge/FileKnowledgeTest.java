package org.trdcds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.FileSystemUtils;
import org.trdcds.knowledge.Knowledge.MinimumDose;
import org.trdcds.knowledge.Knowledge.Product;

class FileKnowledgeTest {

    static final String ICD = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String SCT = "http://snomed.info/sct";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final FhirContext FHIR = FhirContext.forR4();
    static Knowledge knowledge;

    @BeforeAll
    static void loadFromTheWorkingTree() {
        knowledge = KnowledgeLoader.load(KnowledgeFiles.fromDirectory(Path.of("")), FHIR)
                .knowledge();
    }

    @Test
    void everyValueSetIdOfTheBriefIsLoaded() {
        assertThat(knowledge.valueSetIds()).containsExactlyInAnyOrderElementsOf(VocabularyContractTest.CONTRACT_IDS);
    }

    @Nested
    class ValueSetLookups {

        @ParameterizedTest(name = "{0} contains {1}|{2}: {3}")
        @CsvSource({
            "depressive-disorders, " + ICD + ", F33.2, true",
            "depressive-disorders, " + ICD + ", F32.4, true",
            "depressive-disorders, " + ICD + ", F33.8, true",
            "depressive-disorders, " + SCT + ", 1153570009, true",
            "depressive-disorders, " + SCT + ", 370143000, true",
            "depressive-disorders, " + SCT + ", 67002003, false",
            "depressive-disorders, " + ICD + ", F31.4, false",
            "bipolar-disorders, " + ICD + ", F31.81, true",
            "bipolar-disorders, " + SCT + ", 67002003, true",
            "bipolar-depressed-episode, " + ICD + ", F31.32, true",
            "bipolar-depressed-episode, " + ICD + ", F31.5, true",
            "bipolar-depressed-episode, " + SCT + ", 49468007, true",
            "bipolar-depressed-episode, " + ICD + ", F31.76, false",
            "bipolar-depressed-episode, " + ICD + ", F31.81, false",
            "psychotic-disorders, " + ICD + ", F22, true",
            "psychotic-disorders, " + ICD + ", F24, true",
            "psychotic-disorders, " + ICD + ", F20.9, true",
            "psychotic-disorders, " + SCT + ", 58214004, true",
            "epilepsy, " + ICD + ", G40.909, true",
            "epilepsy, " + ICD + ", G40.B19, true",
            "epilepsy-intractable, " + ICD + ", G40.919, true",
            "epilepsy-intractable, " + ICD + ", G40.803, true",
            "epilepsy-intractable, " + ICD + ", G40.834, true",
            "epilepsy-intractable, " + ICD + ", G40.A19, true",
            "epilepsy-intractable, " + SCT + ", 314828009, true",
            "epilepsy-intractable, " + ICD + ", G40.909, false",
            "epilepsy-intractable, " + ICD + ", G40.801, false",
            "epilepsy-intractable, " + ICD + ", G40.811, false",
            "epilepsy-intractable, " + ICD + ", G40.812, false",
            "epilepsy-intractable, " + SCT + ", 422513000, false",
            "hypertension, " + ICD + ", I10, true",
            "hypertension, " + ICD + ", I16.1, true",
            "hypertension, " + ICD + ", I27.0, false",
            "hypertensive-crisis, " + ICD + ", I16.1, true",
            "hypertensive-crisis, " + SCT + ", 443482000, true",
            "hypertensive-crisis, " + ICD + ", I10, false",
            "substance-use-disorders-active, " + ICD + ", F10.20, true",
            "substance-use-disorders-active, " + ICD + ", F16.20, true",
            "substance-use-disorders-active, " + SCT + ", 724715004, true",
            "substance-use-disorders-active, " + SCT + ", 724713006, true",
            "substance-use-disorders-active, " + ICD + ", F10.21, false",
            "substance-use-disorders-active, " + ICD + ", F16.11, false",
            "substance-use-disorders-active, " + ICD + ", F19.91, false",
            "substance-use-disorders-active, " + ICD + ", F17.200, false",
            "substance-use-disorders-active, " + ICD + ", F17.210, false",
            "suicidal-ideation, " + ICD + ", R45.851, true",
            "suicidal-ideation, " + SCT + ", 6471006, true",
            "suicidal-ideation, " + SCT + ", 304594002, true",
            "antidepressants, " + RXNORM + ", 36437, true",
            "antidepressants, " + RXNORM + ", 312941, true",
            "antidepressants, " + RXNORM + ", 1439808, true",
            "antidepressants, " + RXNORM + ", 865206, true",
            "antidepressants, " + RXNORM + ", 1801289, false",
            "antidepressants, " + RXNORM + ", 859193, false",
            "antidepressants, " + RXNORM + ", 966793, false",
            "antidepressants, " + RXNORM + ", 198427, false",
            "antidepressants, " + RXNORM + ", 6130, false",
            "antidepressants, " + RXNORM + ", 2119365, false",
            "antidepressants, " + RXNORM + ", 6448, false",
            "ketamine, " + RXNORM + ", 6130, true",
            "ketamine, " + RXNORM + ", 2119365, false",
            "esketamine, " + RXNORM + ", 2119365, true",
            "tms-procedures, http://www.ama-assn.org/go/cpt, 90868, true",
            "tms-procedures, http://www.ama-assn.org/go/cpt, 90870, false",
            "phq9-total, http://loinc.org, 44261-6, true",
            "phq9-total, http://loinc.org, 89204-2, true",
            "phq9-total, http://loinc.org, 44260-8, false",
            "madrs-total, https://fhir.trd-cds-hooks.org/CodeSystem/assessment-scales, madrs-total, true",
            "phq9-item9, http://loinc.org, 44260-8, true",
            "bp-panel, http://loinc.org, 85354-9, true",
            "systolic-bp, http://loinc.org, 8480-6, true",
            "diastolic-bp, http://loinc.org, 8462-4, true",
            "body-weight, http://loinc.org, 29463-7, true",
            "body-weight, http://loinc.org, 3141-9, true",
            "body-weight, http://loinc.org, 3142-7, false",
            "depressive-disorders, " + SCT + ", F33.2, false",
        })
        void membership(String valueSet, String system, String code, boolean expected) {
            assertThat(knowledge.inValueSet(valueSet, system, code)).isEqualTo(expected);
        }

        @Test
        void missingSystemOrCodeIsNotAMember() {
            assertThat(knowledge.inValueSet("depressive-disorders", null, "F33.2"))
                    .isFalse();
            assertThat(knowledge.inValueSet("depressive-disorders", ICD, null)).isFalse();
        }

        @Test
        void anUnknownValueSetIdIsAProgrammingError() {
            assertThatThrownBy(() -> knowledge.inValueSet("depression", ICD, "F33.2"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("depression");
        }
    }

    @Nested
    class Products {

        @ParameterizedTest(name = "{0} -> {1} {2} {3} mg per {4}")
        @CsvSource({
            "312941, 36437, sertraline, 50, tablet",
            "313581, 39786, venlafaxine, 150, capsule",
            "310386, 4493, fluoxetine, 4, mL",
            "865206, 9639, selegiline, 6, patch",
            "856706, 704, amitriptyline, 10, tablet",
            "993550, 42347, bupropion, 174, tablet",
        })
        void productMapsToItsIngredientAndStrength(
                String code, String ingredient, String name, double mg, String unit) {
            assertThat(knowledge.product(code)).contains(new Product(code, ingredient, name, mg, unit));
        }

        @Test
        void aPackMapsToItsIngredientWithoutAStrength() {
            assertThat(knowledge.product("1653469")).hasValueSatisfying(p -> {
                assertThat(p.ingredient()).isEqualTo("1086769");
                assertThat(p.strengthMg()).isNull();
            });
        }

        @Test
        void unknownProductsAreEmpty() {
            assertThat(knowledge.product("36437")).isEmpty();
            assertThat(knowledge.product(null)).isEmpty();
        }

        @Test
        void ingredientNamesCoverAntidepressantsAndKetamine() {
            assertThat(knowledge.ingredientName("36437")).contains("sertraline");
            assertThat(knowledge.ingredientName("6130")).contains("ketamine");
            assertThat(knowledge.ingredientName("2119365")).contains("esketamine");
            assertThat(knowledge.ingredientName("1")).isEmpty();
        }
    }

    @Nested
    class Tables {

        @Test
        void sertralineMinimumDoseIsAPlaceholder() {
            MinimumDose dose = knowledge.minimumDailyDose("36437").orElseThrow();
            assertThat(dose.mgPerDay()).isEqualTo(50.0);
            assertThat(dose.name()).isEqualTo("sertraline");
            assertThat(dose.status()).isEqualTo("placeholder-pending-clinical-review");
            assertThat(dose.source()).startsWith("CLINICAL-REFERENCE.md section 4 placeholder (UNVERIFIED)");
        }

        @Test
        void aRangeGivesItsLowerBoundAndSaysSo() {
            MinimumDose mirtazapine = knowledge.minimumDailyDose("15996").orElseThrow();
            assertThat(mirtazapine.mgPerDay()).isEqualTo(15.0);
            assertThat(mirtazapine.source()).contains("lower bound");
        }

        @Test
        void drugsWithoutARowHaveNoMinimumDose() {
            assertThat(knowledge.minimumDailyDose("588250")).as("milnacipran").isEmpty();
            assertThat(knowledge.minimumDailyDose(null)).isEmpty();
        }

        @ParameterizedTest
        @CsvSource({"LA6568-5, 0", "LA6569-3, 1", "LA6570-1, 2", "LA6571-9, 3"})
        void loincAnswersScore(String code, int score) {
            assertThat(knowledge.answerScore("http://loinc.org", code)).contains(score);
        }

        @Test
        void unknownAnswersHaveNoScore() {
            assertThat(knowledge.answerScore("http://loinc.org", "LA0000-0")).isEmpty();
            assertThat(knowledge.answerScore(SCT, "LA6568-5")).isEmpty();
        }

        @Test
        void protocolParametersHoldTheProtocolDefaults() {
            assertThat(knowledge.version()).isEqualTo("2026.12.0");
            ProtocolParameters p = knowledge.parameters();
            assertThat(p.adequateTrialDays()).isEqualTo(42);
            assertThat(p.failureMaxReduction()).isEqualTo(0.50);
            assertThat(p.minFailedTrials()).isEqualTo(2);
            assertThat(p.systolicLimit()).isEqualTo(140);
            assertThat(p.ketamineMgPerKg()).isEqualTo(0.5);
            assertThat(p.trdWindowDays()).isEqualTo(730);
            assertThat(p.tmsCourseMinSessions()).isEqualTo(20);
            assertThat(p.systolicBlockLimit()).isEqualTo(160);
            assertThat(p.minAgeYears()).isEqualTo(18);
            assertThat(p.lithiumLevelMin()).isEqualTo(0.6);
            assertThat(p.seizureThresholdIngredient()).isEqualTo("42347");
            assertThat(p.lithiumIngredient()).isEqualTo("6448");
        }
    }

    @Nested
    class Loading {

        @Test
        void fromTheClasspathGivesTheSameKnowledge() {
            LoadedKnowledge loadedFromJar = KnowledgeLoader.load(KnowledgeFiles.fromClasspath(), FHIR);
            Knowledge fromJar = loadedFromJar.knowledge();
            assertThat(loadedFromJar.templates().topics())
                    .isEqualTo(ProjectKnowledge.loaded().templates().topics());
            assertThat(loadedFromJar.documents().in(KnowledgeDocuments.PROTOCOL))
                    .isNotEmpty();
            assertThat(fromJar.phrases()).isEqualTo(ProjectKnowledge.get().phrases());
            assertThat(fromJar.version()).isEqualTo(knowledge.version());
            assertThat(fromJar.valueSetIds()).isEqualTo(knowledge.valueSetIds());
            assertThat(fromJar.inValueSet("epilepsy-intractable", ICD, "G40.803"))
                    .isTrue();
            assertThat(fromJar.product("312941")).isEqualTo(knowledge.product("312941"));
        }

        @Test
        void theConfigurationExposesTheKnowledgeBeanFromTheDirectory() {
            new ApplicationContextRunner()
                    .withUserConfiguration(KnowledgeConfiguration.class)
                    .withPropertyValues("cds.knowledge.dir=.")
                    .run(context -> assertThat(
                                    context.getBean(Knowledge.class).inValueSet("hypertensive-crisis", ICD, "I16.0"))
                            .isTrue());
        }

        @Test
        void aMissingParameterFailsNamingTheFileAndTheParameter(@TempDir Path dir) throws IOException {
            Path parameters = copyKnowledge(dir).resolve("knowledge/Parameters-protocol-parameters.json");
            Files.writeString(
                    parameters,
                    Files.readString(parameters)
                            .replaceAll("\\{ \"name\": \"systolicLimit\", \"valueDecimal\": 140 },", ""));

            assertThatThrownBy(() -> KnowledgeLoader.load(KnowledgeFiles.fromDirectory(dir), FHIR)
                            .knowledge())
                    .isInstanceOf(KnowledgeLoadException.class)
                    .hasMessageContaining("Parameters-protocol-parameters.json")
                    .hasMessageContaining("'systolicLimit' is missing");
        }

        @Test
        void aMistypedParameterFailsNamingTheFileAndTheParameter(@TempDir Path dir) throws IOException {
            Path parameters = copyKnowledge(dir).resolve("knowledge/Parameters-protocol-parameters.json");
            Files.writeString(
                    parameters,
                    Files.readString(parameters)
                            .replace(
                                    "\"minFailedTrials\", \"valueInteger\": 2",
                                    "\"minFailedTrials\", \"valueString\": \"two\""));

            assertThatThrownBy(() -> KnowledgeLoader.load(KnowledgeFiles.fromDirectory(dir), FHIR)
                            .knowledge())
                    .isInstanceOf(KnowledgeLoadException.class)
                    .hasMessageContaining("Parameters-protocol-parameters.json")
                    .hasMessageContaining("'minFailedTrials' must be a valueInteger or valueDecimal");
        }

        @Test
        void aValueSetIncludingAnAbsentVsacCopyFailsNamingIt(@TempDir Path dir) throws IOException {
            Path vsac = copyKnowledge(dir).resolve("vocabulary/vsac/valueset-2.16.840.1.113883.3.67.1.101.1.128.json");
            Files.delete(vsac);

            assertThatThrownBy(() -> KnowledgeLoader.load(KnowledgeFiles.fromDirectory(dir), FHIR)
                            .knowledge())
                    .isInstanceOf(KnowledgeLoadException.class)
                    .hasMessageContaining("ValueSet-bipolar-disorders.json")
                    .hasMessageContaining("2.16.840.1.113883.3.67.1.101.1.128");
        }

        private Path copyKnowledge(Path dir) throws IOException {
            Path target = dir.resolve(KnowledgeFiles.ROOT);
            FileSystemUtils.copyRecursively(Path.of(KnowledgeFiles.ROOT), target);
            try (Stream<Path> files = Files.walk(target)) {
                assertThat(files.filter(Files::isRegularFile).count()).isGreaterThan(30);
            }
            return target;
        }
    }
}
