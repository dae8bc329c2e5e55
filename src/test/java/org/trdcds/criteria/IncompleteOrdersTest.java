package org.trdcds.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trdcds.knowledge.Knowledge;
import org.trdcds.knowledge.MedicationRecognition;
import org.trdcds.knowledge.NameTable;

/** order-check-incomplete (PROTOCOL-v3 section A): an in-scope order whose check could not be completed. */
class IncompleteOrdersTest {

    static final TestKnowledge BASE = new TestKnowledge();
    static final MedicationRecognition ROUTES = new MedicationRecognition(
            Duration.ofMillis(300),
            50,
            NameTable.EMPTY,
            NameTable.EMPTY,
            table("intravenous", "intravenous", "IV", "47625008"),
            table("nasal", "nasal", "intranasal", "46713006"));
    static final Knowledge KNOWLEDGE = withRecognition(ROUTES);

    /** The real knowledge with another medication recognition (names and routes). */
    static Knowledge withRecognition(MedicationRecognition recognition) {
        return (Knowledge) Proxy.newProxyInstance(
                Knowledge.class.getClassLoader(),
                new Class<?>[] {Knowledge.class},
                (proxy, method, args) ->
                        method.getName().equals("medicationRecognition") ? recognition : method.invoke(BASE, args));
    }

    private final Decision decision = new DecisionFactory(KNOWLEDGE).at(FactsFixture.CLOCK);

    private static NameTable table(String kind, String... names) {
        return new NameTable(java.util.Arrays.stream(names)
                .map(n -> new NameTable.Name(null, kind, kind, n))
                .toList());
    }

    private List<Finding> incomplete(FactsFixture f) {
        return decision.decide(f.facts(), HookKind.ORDER_CHECK).stream()
                .filter(x -> x.topic().equals(Topics.ORDER_CHECK_INCOMPLETE))
                .toList();
    }

    private static DraftOrder order(String ref, String rxnorm, Dose dose, Recognition recognition) {
        return new DraftOrder(
                ref,
                "MedicationRequest",
                rxnorm == null ? List.of() : List.of(new Code(Terms.RXNORM, rxnorm)),
                "the order",
                dose == null ? List.of() : List.of(dose),
                true,
                List.of(),
                recognition);
    }

    private static Dose dose(Double value, String unit, String route) {
        return new Dose(value, unit, 3 / 7.0, 40.0, false, null, route);
    }

    @ParameterizedTest(name = "ketamine by {0} -> not IV: {1}")
    @CsvSource({
        "intravenous route, false",
        "IV, false",
        "47625008, false",
        "intramuscular route, true",
        "nasal, true",
        "oral, true"
    })
    void racemicKetamineByAnotherRouteThanIv(String route, boolean flagged) {
        FactsFixture f = FactsFixture.candidate();
        f.orders.add(order("MedicationRequest/k-1", "6130", dose(40.0, "mg", route), null));
        List<Finding> found = incomplete(f);
        assertThat(!found.isEmpty()).isEqualTo(flagged);
        if (flagged) {
            assertThat(found.get(0).details())
                    .containsEntry("routeNotIntravenous", true)
                    .containsEntry("draftOrderRef", "MedicationRequest/k-1")
                    .containsEntry("route", route);
        }
    }

    @ParameterizedTest(name = "esketamine by {0} -> not nasal: {1}")
    @CsvSource({"nasal route, false", "intranasal, false", "oral, true", "intravenous route, true"})
    void esketamineByAnotherRouteThanNasal(String route, boolean flagged) {
        FactsFixture f = FactsFixture.candidate();
        f.orders.add(order("MedicationRequest/e-1", "2119365", dose(56.0, "mg", route), null));
        List<Finding> found = incomplete(f);
        assertThat(!found.isEmpty()).isEqualTo(flagged);
        found.forEach(x -> assertThat(x.details()).containsEntry("routeNotNasal", true));
    }

    @Test
    void ketamineWithoutAMgDoseIsIncompleteAndSaysWhatWasOrderedWhenNoDoseCardDoes() {
        FactsFixture f = FactsFixture.candidate();
        f.observations.removeIf(o -> o.codes().get(0).code().equals("29463-7")); // no weight: no dose card
        f.orders.add(order("MedicationRequest/k-2", "6130", dose(1.0, "vial", null), null));
        List<Finding> found = incomplete(f);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).details()).containsEntry("noMgDose", true).containsEntry("orderedAs", "1 vial");

        FactsFixture withWeight = FactsFixture.candidate();
        withWeight.orders.add(order("MedicationRequest/k-2", "6130", dose(1.0, "vial", null), null));
        // PROTOCOL-v3 A: raised beside the dose card too (the lead's reading, as the checker's); the dose card keeps
        // the 'what was ordered' line
        List<Finding> besideDoseCard = incomplete(withWeight);
        assertThat(besideDoseCard).hasSize(1);
        assertThat(besideDoseCard.get(0).details())
                .containsEntry("noMgDose", true)
                .doesNotContainKey("orderedAs");
    }

    @Test
    void tmsNamedButNotCodedIsCheckedAsTmsAndSaysSo() {
        FactsFixture f = FactsFixture.candidate();
        f.orders.add(new DraftOrder(
                "ServiceRequest/t-1",
                "ServiceRequest",
                List.of(new Code(TestKnowledge.CPT, "90868")),
                "rTMS session",
                List.of(),
                true,
                List.of(),
                new Recognition(Recognition.By.NAME, "rTMS session", null)));
        List<Finding> found = incomplete(f);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).details())
                .containsEntry("tmsByName", true)
                .containsEntry("tms", true)
                .containsEntry("identifiedByName", List.of("rTMS session"));
    }

    @Test
    void anUnresolvedMedicationNothingIdentifiesIsCouldNotCheck() {
        FactsFixture f = FactsFixture.candidate();
        f.orders.add(order(
                "MedicationRequest/u-1", null, dose(40.0, "mg", null), new Recognition(null, null, "Medication/gone")));
        List<Finding> found = incomplete(f);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).details())
                .containsEntry("unresolvedMedication", true)
                .containsEntry("unresolvedReference", "Medication/gone");
    }

    @Test
    void anOrderIdentifiedByNameSaysSoOnTheCardsThatUseIt() {
        FactsFixture f = FactsFixture.candidate();
        f.orders.add(order(
                "MedicationRequest/n-1",
                "6130",
                dose(40.0, "mg", "intravenous route"),
                new Recognition(Recognition.By.NAME, "Ketalar 500 mg/10 mL", null)));
        List<Finding> all = decision.decide(f.facts(), HookKind.ORDER_CHECK);
        assertThat(all).isNotEmpty();
        assertThat(all)
                .filteredOn(x -> x.evidence().contains("MedicationRequest/n-1"))
                .isNotEmpty()
                .allSatisfy(x ->
                        assertThat(x.details()).containsEntry("identifiedByName", List.of("Ketalar 500 mg/10 mL")));
        assertThat(incomplete(f)).as("another card is shown for it").isEmpty();
    }

    @Test
    void aRecognitionWithoutRoutesJudgesNoRoute() {
        Decision plain = new DecisionFactory(withRecognition(MedicationRecognition.NONE)).at(FactsFixture.CLOCK);
        FactsFixture f = FactsFixture.candidate();
        f.orders.add(order("MedicationRequest/k-1", "6130", dose(40.0, "mg", "intramuscular route"), null));
        assertThat(plain.decide(f.facts(), HookKind.ORDER_CHECK))
                .extracting(Finding::topic)
                .doesNotContain(Topics.ORDER_CHECK_INCOMPLETE);
    }
}
