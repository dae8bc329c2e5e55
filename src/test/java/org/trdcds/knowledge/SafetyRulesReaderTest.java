package org.trdcds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.FileSystemUtils;

/** Parameters-safety-rules.json read at start-up: every malformed row stops the start with the row named. */
class SafetyRulesReaderTest {

    static final String PATH = "fhir-profiles/knowledge/Parameters-safety-rules.json";
    static final Set<String> VALUE_SETS = Set.of("epilepsy", "epilepsy-intractable");
    static final Set<String> TEMPLATES = Set.of("seizure-disorder-caution", "contraindication-vascular");

    /** A rule of name=value parts ("topic=x", "class=Y", ...); topic and conditions are codes, the rest strings. */
    static ParametersParameterComponent rule(String... parts) {
        ParametersParameterComponent rule = new ParametersParameterComponent().setName("rule");
        for (String part : parts) {
            String name = part.substring(0, part.indexOf('='));
            String value = part.substring(part.indexOf('=') + 1);
            rule.addPart()
                    .setName(name)
                    .setValue(
                            name.equals("topic") || name.equals("conditions")
                                    ? new CodeType(value)
                                    : new StringType(value));
        }
        return rule;
    }

    static List<SafetyRuleEntry> read(ParametersParameterComponent... rules) {
        Parameters table = new Parameters();
        for (ParametersParameterComponent rule : rules) {
            table.addParameter(rule);
        }
        return SafetyRulesReader.read(table, PATH, VALUE_SETS, TEMPLATES);
    }

    @Test
    void aDataRuleAndAClassRuleAreReadInFileOrder() {
        assertThat(read(
                        rule(
                                "topic=seizure-disorder-caution",
                                "valueSet=epilepsy",
                                "conditions=active",
                                "unlessActive=epilepsy-intractable"),
                        rule("topic=contraindication-vascular", "class=Vascular")))
                .containsExactly(
                        SafetyRuleEntry.ofConditions(
                                "seizure-disorder-caution",
                                "epilepsy",
                                SafetyRuleEntry.Conditions.ACTIVE,
                                "epilepsy-intractable"),
                        SafetyRuleEntry.ofClass("contraindication-vascular", "Vascular"));
        assertThat(read(rule("topic=seizure-disorder-caution", "valueSet=epilepsy", "conditions=present"))
                        .get(0))
                .satisfies(r -> assertThat(r.dataRule()).isTrue())
                .satisfies(r -> assertThat(r.conditions()).isEqualTo(SafetyRuleEntry.Conditions.PRESENT));
    }

    @Test
    void theRealFileIsLoadedWithTheKnowledge() {
        assertThat(ProjectKnowledge.get().safetyRules())
                .hasSize(12)
                .extracting(SafetyRuleEntry::topic)
                .startsWith("contraindication-uncontrolled-hypertension")
                .endsWith("concurrent-medication-caution");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown topic | topic=contraindication-recent-stroke;valueSet=epilepsy;conditions=active"
                        + " | rule 1 (contraindication-recent-stroke): unknown topic, no card template of cds-cards/"
                        + " has it",
                "unknown value set | topic=seizure-disorder-caution;valueSet=recent-stroke;conditions=active"
                        + " | rule 1 (seizure-disorder-caution): unknown value set 'recent-stroke', no value set of"
                        + " fhir-profiles/vocabulary/ has this id",
                "unknown unlessActive | topic=seizure-disorder-caution;valueSet=epilepsy;conditions=active;"
                        + "unlessActive=status-epilepticus | unknown value set 'status-epilepticus'",
                "class and value set | topic=contraindication-vascular;class=Vascular;valueSet=epilepsy"
                        + " | rule 1 (contraindication-vascular): name either a class or a valueSet (a data rule),"
                        + " not both nor neither",
                "neither | topic=contraindication-vascular | name either a class or a valueSet",
                "no conditions | topic=seizure-disorder-caution;valueSet=epilepsy"
                        + " | parameter 'rule', part 'conditions' is missing",
                "bad conditions | topic=seizure-disorder-caution;valueSet=epilepsy;conditions=resolved"
                        + " | conditions must be 'active' or 'present', not 'resolved'",
                "class with conditions | topic=contraindication-vascular;class=Vascular;conditions=active"
                        + " | conditions and unlessActive belong to a data rule, not a class",
                "qualified class | topic=contraindication-vascular;class=org.trdcds.criteria.Vascular"
                        + " | class 'org.trdcds.criteria.Vascular' must be the simple name of a rule class of"
                        + " org.trdcds.criteria",
                "unknown part | topic=contraindication-vascular;class=Vascular;order=1"
                        + " | rule 1 has an unknown part 'order' (known: [topic, class, valueSet, conditions,"
                        + " unlessActive])",
                "no topic | class=Vascular | part 'topic' is missing"
            })
    void aMalformedRowStopsTheStart(String what, String parts, String message) {
        assertThatThrownBy(() -> read(rule(parts.split(";"))))
                .isInstanceOf(KnowledgeLoadException.class)
                .hasMessageStartingWith(PATH + ":")
                .hasMessageContaining(message);
    }

    @Test
    void aTopicWithTwoRulesStopsTheStart() {
        assertThatThrownBy(() -> read(
                        rule("topic=contraindication-vascular", "class=Vascular"),
                        rule("topic=contraindication-vascular", "valueSet=epilepsy", "conditions=active")))
                .hasMessage(PATH + ": rule 2 (contraindication-vascular): the topic has a rule already (one rule per"
                        + " topic)");
    }

    @Test
    void aParameterThatIsNoRuleOrAnEmptyFileStopsTheStart() {
        ParametersParameterComponent other = rule("topic=contraindication-vascular", "class=Vascular");
        other.setName("rules");
        assertThatThrownBy(() -> read(other))
                .hasMessage(PATH + ": rule 1 is named 'rules'; every parameter is a 'rule'");
        assertThatThrownBy(SafetyRulesReaderTest::read).hasMessage(PATH + " holds no rule");
    }

    @Test
    void aKnowledgeFolderWithoutTheRulesFileDoesNotStart(@TempDir Path dir) throws IOException {
        FileSystemUtils.copyRecursively(Path.of(KnowledgeFiles.ROOT), dir.resolve(KnowledgeFiles.ROOT));
        FileSystemUtils.copyRecursively(Path.of(KnowledgeFiles.CARDS), dir.resolve(KnowledgeFiles.CARDS));
        Files.delete(dir.resolve(PATH));

        assertThatThrownBy(() -> ProjectKnowledge.load(dir))
                .isInstanceOf(KnowledgeLoadException.class)
                .hasMessageContaining("no Parameters with id 'safety-rules'");
    }
}
