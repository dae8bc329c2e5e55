package org.trdcds.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trdcds.knowledge.KnowledgeLoadException;
import org.trdcds.knowledge.SafetyRuleEntry;

/**
 * The rules file (fhir-profiles/knowledge/Parameters-safety-rules.json) as the decision builds it: its order is the
 * card order, and a row naming no rule class of the criteria package stops the start with the row and the problem.
 */
class SafetyRulesTest {

    private static final List<SafetyRuleEntry> REAL = new TestKnowledge().safetyRules();

    private static List<SafetyRuleEntry> replaced(String topic, SafetyRuleEntry row) {
        return REAL.stream().map(r -> r.topic().equals(topic) ? row : r).toList();
    }

    @Test
    void theRulesFileListsTheContraindicationsAndCautionsInCardOrder() {
        assertThat(REAL)
                .extracting(SafetyRuleEntry::topic)
                .containsExactly(
                        SafetyTopics.UNCONTROLLED_HYPERTENSION,
                        SafetyTopics.ACTIVE_SUBSTANCE_USE,
                        SafetyTopics.UNCONTROLLED_SEIZURES,
                        SafetyTopics.PREGNANCY,
                        SafetyTopics.VASCULAR,
                        SafetyTopics.TMS_IMPLANT,
                        SafetyTopics.BLOOD_PRESSURE_ELEVATED,
                        SafetyTopics.LACTATION_CAUTION,
                        SafetyTopics.SEIZURE_CAUTION,
                        Topics.PSYCHOSIS_CAUTION,
                        SafetyTopics.BIPOLAR_MANIC_SWITCH,
                        SafetyTopics.CONCURRENT_MEDICATION);
        assertThat(REAL.stream().filter(SafetyRuleEntry::dataRule))
                .extracting(SafetyRuleEntry::topic)
                .containsExactly(
                        SafetyTopics.UNCONTROLLED_SEIZURES,
                        SafetyTopics.SEIZURE_CAUTION,
                        Topics.PSYCHOSIS_CAUTION,
                        SafetyTopics.BIPOLAR_MANIC_SWITCH);
        assertThat(TestKnowledge.decisions().topics())
                .containsAll(REAL.stream().map(SafetyRuleEntry::topic).toList())
                .containsAll(Topics.ALL)
                .doesNotHaveDuplicates();
    }

    @Test
    void governanceReordersTheCardsByReorderingTheRows() {
        FactsFixture f = FactsFixture.candidate().condition("G40.909", "active").condition("F20.9", "active");
        List<SafetyRuleEntry> swapped = new ArrayList<>(REAL);
        int seizure = swapped.indexOf(REAL.stream()
                .filter(r -> r.topic().equals(SafetyTopics.SEIZURE_CAUTION))
                .findFirst()
                .orElseThrow());
        swapped.add(seizure + 1, swapped.remove(seizure)); // psychosis first

        assertThat(topics(new TestKnowledge(), f))
                .containsSubsequence(SafetyTopics.SEIZURE_CAUTION, Topics.PSYCHOSIS_CAUTION);
        assertThat(topics(new TestKnowledge().withSafetyRules(swapped), f))
                .containsSubsequence(Topics.PSYCHOSIS_CAUTION, SafetyTopics.SEIZURE_CAUTION);
        assertThat(topics(new TestKnowledge().retiring(SafetyTopics.SEIZURE_CAUTION), f))
                .as("a caution retired (its row and its template gone): no card")
                .contains(Topics.PSYCHOSIS_CAUTION)
                .doesNotContain(SafetyTopics.SEIZURE_CAUTION);
    }

    @Test
    void thePsychosisCautionCannotBeRetiredNorAJavaTopicClaimedByARow() {
        FactsFixture psychosis = FactsFixture.candidate().condition("F20.9", "active");
        assertThat(topics(new TestKnowledge(), psychosis))
                .as("the caution, and the candidate card held back for it")
                .contains(Topics.PSYCHOSIS_CAUTION)
                .doesNotContain(Topics.COMBINATION_CANDIDATE);

        assertThatThrownBy(() -> new DecisionFactory(new TestKnowledge().retiring(Topics.PSYCHOSIS_CAUTION)))
                .isInstanceOf(KnowledgeLoadException.class)
                .hasMessage("Parameters-safety-rules.json: [psychosis-caution] must keep its row: the decision reads it"
                        + " (the candidate card is held back for it)");
        assertThatThrownBy(() -> new DecisionFactory(new TestKnowledge()
                        .withSafetyRules(REAL.stream()
                                .filter(r -> !r.topic().equals(Topics.PSYCHOSIS_CAUTION))
                                .toList())))
                .as("the row dropped, its template kept")
                .isInstanceOf(KnowledgeLoadException.class)
                .hasMessageContaining("[psychosis-caution] must keep its row");

        List<SafetyRuleEntry> claiming = new ArrayList<>(REAL);
        claiming.add(SafetyRuleEntry.ofClass(Topics.COMBINATION_CANDIDATE, "Vascular"));
        assertThatThrownBy(() -> new DecisionFactory(new TestKnowledge().withSafetyRules(claiming)))
                .isInstanceOf(KnowledgeLoadException.class)
                .hasMessage("Parameters-safety-rules.json: [combination-candidate] are issued by the decision itself,"
                        + " not by a rule: remove their rows");
    }

    @Test
    void aRowDroppedWhileItsTemplateStaysStopsTheStart() {
        TestKnowledge dropped = new TestKnowledge()
                .withSafetyRules(REAL.stream()
                        .filter(r -> !r.topic().equals(SafetyTopics.PREGNANCY))
                        .toList());

        assertThatThrownBy(() -> new DecisionFactory(dropped))
                .isInstanceOf(KnowledgeLoadException.class)
                .hasMessage("card templates [" + SafetyTopics.PREGNANCY + "] are issued by no rule: add each one's row"
                        + " to Parameters-safety-rules.json, or remove its template to retire it");
    }

    private static List<String> topics(TestKnowledge knowledge, FactsFixture f) {
        return new DecisionFactory(knowledge)
                .at(FactsFixture.CLOCK).decide(f.facts(), HookKind.SCREENING).stream()
                        .map(Finding::topic)
                        .toList();
    }

    @ParameterizedTest(name = "class {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "RecentStroke | unknown rule class org.trdcds.criteria.RecentStroke",
                "Diagnoses | org.trdcds.criteria.Diagnoses does not implement org.trdcds.criteria.SafetyRule",
                "SafetyRule | org.trdcds.criteria.SafetyRule does not implement org.trdcds.criteria.SafetyRule",
                "ConditionRule | org.trdcds.criteria.ConditionRule has no constructor taking a"
                        + " org.trdcds.criteria.RuleContext"
            })
    void aRowNamingNoRuleClassStopsTheStart(String ruleClass, String problem) {
        TestKnowledge knowledge = new TestKnowledge()
                .withSafetyRules(
                        replaced(SafetyTopics.VASCULAR, SafetyRuleEntry.ofClass(SafetyTopics.VASCULAR, ruleClass)));

        assertThatThrownBy(() -> new DecisionFactory(knowledge))
                .isInstanceOf(KnowledgeLoadException.class)
                .hasMessage("Parameters-safety-rules.json, rule of contraindication-vascular: " + problem);
    }

    @Test
    void aRuleClassGetsItsTopicFromItsRow() {
        TestKnowledge knowledge = new TestKnowledge()
                .withSafetyRules(replaced(
                        SafetyTopics.BIPOLAR_MANIC_SWITCH,
                        SafetyRuleEntry.ofClass(SafetyTopics.BIPOLAR_MANIC_SWITCH, "Vascular")));
        FactsFixture f = FactsFixture.candidate().condition("I61.9", "active");

        assertThat(topics(knowledge, f)).contains(SafetyTopics.VASCULAR, SafetyTopics.BIPOLAR_MANIC_SWITCH);
    }
}
