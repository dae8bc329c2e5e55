package org.trdcds.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderChecksTest {

    private final ProtocolDecision decision = new ProtocolDecision(new TestKnowledge(), FactsFixture.CLOCK, org.trdcds.criteria.TestBlocks.FROM_TEMPLATES);

    private List<Finding> orderCheck(FactsFixture f) {
        return decision.decide(f.facts(), HookKind.ORDER_CHECK);
    }

    private static List<String> topics(List<Finding> findings) {
        return findings.stream().map(Finding::topic).toList();
    }

    @ParameterizedTest(name = "{0} mg over {1} min for 80 kg -> dose check {2}")
    @CsvSource({"40, 40, false", "44, 40, false", "36, 40, false", "44.4, 40, true", "35.6, 40, true",
            "40, 39, true", "40, 60, false", "40, 61, true", "100, 40, true"})
    void ketamineDoseAndInfusionTime(double mg, double minutes, boolean flagged) {
        List<Finding> findings = orderCheck(FactsFixture.candidate().ketamineOrder("MedicationRequest/ket-1", mg,
                minutes));
        assertThat(topics(findings).contains(Topics.KETAMINE_DOSE_CHECK)).isEqualTo(flagged);
        assertThat(topics(findings)).contains(Topics.SESSION_MONITORING).doesNotContain(Topics.NOT_FIRST_LINE);
    }

    @Test
    void theSuggestionIsTheWeightBasedDoseOverTheMinimumTime() {
        Finding check = orderCheck(FactsFixture.candidate().ketamineOrder("MedicationRequest/ket-1", 100.0, 20.0))
                .stream().filter(f -> f.topic().equals(Topics.KETAMINE_DOSE_CHECK)).findFirst().orElseThrow();
        assertThat(check.details()).containsEntry("suggestedDoseMg", 40.0).containsEntry("suggestedMinutes", 40)
                .containsEntry("orderedDoseMg", 100.0).containsEntry("draftOrderRef", "MedicationRequest/ket-1");
        assertThat(check.evidence()).contains("MedicationRequest/ket-1");
    }

    @Test
    void weightMissingReplacesTheDoseCheck() {
        FactsFixture f = FactsFixture.candidate().ketamineOrder("MedicationRequest/ket-1", 100.0, 40.0);
        f.observations.removeIf(o -> o.codes().get(0).code().equals("29463-7"));
        assertThat(topics(orderCheck(f))).contains(Topics.WEIGHT_MISSING).doesNotContain(Topics.KETAMINE_DOSE_CHECK);
    }

    @Test
    void otherOrdersAndUnselectedOrdersGetNoCards() {
        FactsFixture f = FactsFixture.candidate();
        f.orders.add(new DraftOrder("MedicationRequest/sert", "MedicationRequest",
                List.of(new Code(Terms.RXNORM, "36437")), "sertraline", null, true));
        f.orders.add(new DraftOrder("MedicationRequest/ket-9", "MedicationRequest",
                List.of(new Code(Terms.RXNORM, "6130")), "ketamine", null, false));
        assertThat(orderCheck(f)).isEmpty();
    }

    @Test
    void ketamineProductAndTmsOrdersAreChecked() {
        FactsFixture f = new FactsFixture().depressed().condition("F10.20", "active");
        f.orders.add(new DraftOrder("MedicationRequest/ket-2", "MedicationRequest",
                List.of(new Code(Terms.RXNORM, TestKnowledge.KETAMINE_PRODUCT)), null, null, true));
        f.orders.add(new DraftOrder("ServiceRequest/tms-1", "ServiceRequest",
                List.of(new Code(TestKnowledge.CPT, "90867")), "TMS", null, true));
        List<Finding> findings = orderCheck(f);
        // v1: weight-missing beside "remove it", and the delete suggestion also removed the TMS order
        assertThat(topics(findings)).containsExactly(Topics.ACTIVE_SUBSTANCE_USE, Topics.NOT_FIRST_LINE,
                Topics.BASELINE_SEVERITY_MISSING, Topics.SESSION_MONITORING);
        assertThat(findings.get(0).details().get("draftOrderRefs")).isEqualTo(List.of("MedicationRequest/ket-2"));
        assertThat(findings.get(3).details().get("draftOrderRefs")).isEqualTo(List.of("ServiceRequest/tms-1"));
    }

    @Test
    void noDepressiveDisorderNoCardsOnOrders() {
        FactsFixture f = new FactsFixture().ketamineOrder("MedicationRequest/ket-1", 100.0, 40.0);
        assertThat(orderCheck(f)).isEmpty();
    }
}
