package org.trdcds.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderChecksTest {

    /**
     * A ketamine product the product map does not hold (it lists none): 50 mg/mL, a test code, added to the real
     * knowledge for the two tests of a product ordered in its own unit.
     */
    static final String KETAMINE_PRODUCT = "test-ketamine-50-mg-ml";

    private final Decision decision = new TestKnowledge()
            .withProduct(
                    "ketamine",
                    new org.trdcds.knowledge.Knowledge.Product(KETAMINE_PRODUCT, "6130", "ketamine", 50.0, "mL"))
            .factory()
            .at(FactsFixture.CLOCK);

    private List<Finding> orderCheck(FactsFixture f) {
        return decision.decide(f.facts(), HookKind.ORDER_CHECK);
    }

    private static List<String> topics(List<Finding> findings) {
        return findings.stream().map(Finding::topic).toList();
    }

    @ParameterizedTest(name = "{0} mg over {1} min for 80 kg -> dose check {2}")
    @CsvSource({
        "40, 40, false",
        "44, 40, false",
        "36, 40, false",
        "44.4, 40, true",
        "35.6, 40, true",
        "40, 39, true",
        "40, 60, false",
        "40, 61, true",
        "100, 40, true"
    })
    void ketamineDoseAndInfusionTime(double mg, double minutes, boolean flagged) {
        List<Finding> findings =
                orderCheck(FactsFixture.candidate().ketamineOrder("MedicationRequest/ket-1", mg, minutes));
        assertThat(topics(findings).contains(Topics.KETAMINE_DOSE_CHECK)).isEqualTo(flagged);
        assertThat(topics(findings)).contains(Topics.SESSION_MONITORING).doesNotContain(Topics.NOT_FIRST_LINE);
    }

    @Test
    void theSuggestionIsTheWeightBasedDoseOverTheMinimumTime() {
        Finding check =
                orderCheck(FactsFixture.candidate().ketamineOrder("MedicationRequest/ket-1", 100.0, 20.0)).stream()
                        .filter(f -> f.topic().equals(Topics.KETAMINE_DOSE_CHECK))
                        .findFirst()
                        .orElseThrow();
        assertThat(check.details())
                .containsEntry("suggestedDoseMg", 40.0)
                .containsEntry("suggestedMinutes", 40)
                .containsEntry("orderedDoseMg", 100.0)
                .containsEntry("draftOrderRef", "MedicationRequest/ket-1");
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
        f.orders.add(new DraftOrder(
                "MedicationRequest/sert",
                "MedicationRequest",
                List.of(new Code(Terms.RXNORM, "36437")),
                "sertraline",
                null,
                true));
        f.orders.add(new DraftOrder(
                "MedicationRequest/ket-9",
                "MedicationRequest",
                List.of(new Code(Terms.RXNORM, "6130")),
                "ketamine",
                null,
                false));
        assertThat(orderCheck(f)).isEmpty();
    }

    @Test
    void ketamineProductAndTmsOrdersAreChecked() {
        FactsFixture f = new FactsFixture().depressed().condition("F10.20", "active");
        f.orders.add(new DraftOrder(
                "MedicationRequest/ket-2",
                "MedicationRequest",
                List.of(new Code(Terms.RXNORM, KETAMINE_PRODUCT)),
                null,
                null,
                true));
        f.orders.add(new DraftOrder(
                "ServiceRequest/tms-1",
                "ServiceRequest",
                List.of(new Code(TestKnowledge.CPT, "90867")),
                "TMS",
                null,
                true));
        List<Finding> findings = orderCheck(f);
        // v1: weight-missing beside "remove it", and the delete suggestion also removed the TMS order
        assertThat(topics(findings))
                .containsExactly(
                        SafetyTopics.ACTIVE_SUBSTANCE_USE,
                        Topics.NOT_FIRST_LINE,
                        Topics.BASELINE_SEVERITY_MISSING,
                        Topics.SESSION_MONITORING);
        assertThat(findings.get(0).details().get("draftOrderRefs")).isEqualTo(List.of("MedicationRequest/ket-2"));
        assertThat(findings.get(3).details().get("draftOrderRefs")).isEqualTo(List.of("ServiceRequest/tms-1"));
    }

    @Test
    void noDepressiveDisorderNoCardsOnOrders() {
        FactsFixture f = new FactsFixture().ketamineOrder("MedicationRequest/ket-1", 100.0, 40.0);
        assertThat(orderCheck(f)).isEmpty();
    }

    private static DraftOrder ketamine(String id, Dose dose, List<Code> reasons) {
        return new DraftOrder(
                "MedicationRequest/" + id,
                "MedicationRequest",
                List.of(new Code(Terms.RXNORM, "6130", "ketamine")),
                "ketamine IV",
                dose == null ? List.of() : List.of(dose),
                true,
                reasons);
    }

    private static DraftOrder tms() {
        return new DraftOrder(
                "ServiceRequest/tms",
                "ServiceRequest",
                List.of(new Code(TestKnowledge.CPT, "90868")),
                "TMS",
                List.<Dose>of(),
                true,
                List.of());
    }

    private static List<String> deleted(List<Finding> findings) {
        List<String> refs = new java.util.ArrayList<>();
        for (Finding f : findings) {
            Object d = f.details().get("draftOrderRefs");
            if (d != null && (f.topic().startsWith("contraindication-"))) {
                ((List<?>) d).forEach(r -> refs.add(r.toString()));
            }
        }
        return refs;
    }

    @ParameterizedTest(name = "reason {0}, {1} min, course {2} -> in scope {3}")
    @CsvSource(
            nullValues = "null",
            value = {
                "22253000, 40, true, false", // pain: out of scope (v1 checked it)
                "F33.2, 40, false, true",
                "F32.A, 40, false, true", // broad depressive spectrum counts as a reason
                "null, 2, false, false", // bolus without a course in 365 days (v1 checked it)
                "null, 240, false, false", // long analgesic infusion
                "null, 2, true, true", // bolus, but a course in the last year: in scope
                "null, null, false, true"
            }) // unknown duration: in scope
    void ketamineOrderScope(String reason, Double minutes, boolean recentCourse, boolean inScope) {
        FactsFixture f = FactsFixture.candidate();
        f.medications.removeIf(m -> m.codes().get(0).code().equals("6130"));
        if (recentCourse) {
            f.med("6130", "completed", 100, 80L, null);
        }
        List<Code> reasons = reason == null
                ? List.of()
                : List.of(new Code(reason.startsWith("F") ? TestKnowledge.ICD10CM : TestKnowledge.SNOMED, reason));
        f.orders.add(ketamine("k", new Dose(40.0, "mg", 3.0 / 7, minutes), reasons));
        assertThat(orderCheck(f).isEmpty()).isEqualTo(!inScope);
    }

    @Test
    void hypertensionDeletesOnlyTheKetamineOrderAndTheBlockedOrderGetsNoDoseWeightOrMonitoringCard() {
        FactsFixture f =
                FactsFixture.candidate().bp(1, 176, 108).bp(2, 172, 106).bp(3, 168, 102);
        f.observations.removeIf(o -> o.codes().get(0).code().equals("29463-7"));
        f.orders.add(ketamine("k", new Dose(60.0, "mg", null, 20.0), List.of()));
        f.orders.add(tms());
        List<Finding> findings = orderCheck(f);
        assertThat(deleted(findings)).containsExactly("MedicationRequest/k");
        assertThat(topics(findings))
                .contains(SafetyTopics.UNCONTROLLED_HYPERTENSION)
                .doesNotContain(Topics.WEIGHT_MISSING, Topics.KETAMINE_DOSE_CHECK);
        Finding monitoring = findings.stream()
                .filter(x -> x.topic().equals(Topics.SESSION_MONITORING))
                .findFirst()
                .orElseThrow();
        assertThat(monitoring.details()).containsEntry("ketamine", false).containsEntry("tms", true);
    }

    @Test
    void aTmsOnlyOrderIsNotBlockedByAKetamineContraindication() {
        FactsFixture f = FactsFixture.candidate().condition("F10.20", "active");
        f.orders.add(tms());
        assertThat(topics(orderCheck(f)))
                .doesNotContain(SafetyTopics.ACTIVE_SUBSTANCE_USE)
                .contains(Topics.SESSION_MONITORING);
    }

    @Test
    void intractableEpilepsyDeletesOnlyTheTmsOrder() {
        FactsFixture f = FactsFixture.candidate().condition("G40.919", "active");
        f.orders.add(ketamine("k", new Dose(40.0, "mg", 3.0 / 7, 40.0), List.of()));
        f.orders.add(tms());
        assertThat(deleted(orderCheck(f))).containsExactly("ServiceRequest/tms");
    }

    @Test
    void suicideRiskNeverDeletesAnOrder() {
        FactsFixture f = FactsFixture.candidate().observation(TestKnowledge.LOINC, "44260-8", 2, 3.0, null);
        f.orders.add(ketamine("k", new Dose(40.0, "mg", 3.0 / 7, 40.0), List.of()));
        List<Finding> findings = orderCheck(f);
        assertThat(topics(findings)).contains(Topics.SUICIDE_RISK_URGENT);
        assertThat(findings)
                .filteredOn(x -> x.topic().equals(Topics.SUICIDE_RISK_URGENT))
                .singleElement()
                .satisfies(x -> assertThat(x.details()).doesNotContainKey("draftOrderRefs"));
        assertThat(deleted(findings)).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} for 80 kg, blocked {2} -> ceiling {3}")
    @CsvSource({
        "200, mg, false, true",
        "200, mg, true, true",
        "1.5, mg/kg, false, true",
        "80, mg, false, false",
        "60, mg, true, false"
    })
    void aDoseAboveTheCeilingIsCriticalEvenWhenBlocked(
            double value, String unit, boolean blocked, boolean aboveCeiling) {
        FactsFixture f = FactsFixture.candidate();
        if (blocked) {
            f.condition("F10.20", "active");
        }
        f.orders.add(ketamine("k", new Dose(value, unit, 3.0 / 7, 40.0), List.of()));
        java.util.Optional<Finding> check = orderCheck(f).stream()
                .filter(x -> x.topic().equals(Topics.KETAMINE_DOSE_CHECK))
                .findFirst();
        assertThat(check.isPresent()).isEqualTo(aboveCeiling || !blocked);
        check.ifPresent(c -> assertThat(c.details()).containsEntry("aboveCeiling", aboveCeiling));
    }

    @Test
    void aDailyScheduleIsFlaggedAndTheSuggestionCarriesTheRate() {
        FactsFixture f = FactsFixture.candidate();
        f.orders.add(ketamine("k", new Dose(40.0, "mg", 1.0, 40.0), List.of()));
        Finding check = orderCheck(f).stream()
                .filter(x -> x.topic().equals(Topics.KETAMINE_DOSE_CHECK))
                .findFirst()
                .orElseThrow();
        assertThat(check.details())
                .containsEntry("scheduleOff", true)
                .containsEntry("scheduleRef", "MedicationRequest/k")
                .containsEntry("suggestedRateMgPerHour", 60.0)
                .doesNotContainKey("keepScheduleRef");
    }

    @ParameterizedTest(name = "{0} mL of 50 mg/mL for 80 kg -> dose check {1}")
    @CsvSource({"0.8, false", "4, true"})
    void aProductDoseInItsOwnUnitIsConvertedByItsStrength(double mL, boolean flagged) {
        FactsFixture f = FactsFixture.candidate();
        f.orders.add(new DraftOrder(
                "MedicationRequest/k",
                "MedicationRequest",
                List.of(new Code(Terms.RXNORM, KETAMINE_PRODUCT)),
                "ketamine 50 mg/mL",
                List.of(new Dose(mL, "mL", 3.0 / 7, 40.0)),
                true,
                List.of()));
        List<Finding> findings = orderCheck(f);
        assertThat(topics(findings).contains(Topics.KETAMINE_DOSE_CHECK)).isEqualTo(flagged);
        if (flagged) {
            assertThat(findings.stream()
                            .filter(x -> x.topic().equals(Topics.KETAMINE_DOSE_CHECK))
                            .findFirst()
                            .orElseThrow()
                            .details())
                    .containsEntry("orderedDoseMg", 200.0)
                    .containsEntry("aboveCeiling", true);
        }
    }

    @Test
    void anOrderWithoutAMgDoseSaysWhatWasOrdered() {
        FactsFixture f = FactsFixture.candidate();
        f.orders.add(ketamine("k", new Dose(1.0, "{vial}", 3.0 / 7, 40.0), List.of()));
        Finding check = orderCheck(f).stream()
                .filter(x -> x.topic().equals(Topics.KETAMINE_DOSE_CHECK))
                .findFirst()
                .orElseThrow();
        assertThat(check.details()).containsEntry("orderedAs", "1 {vial}");
    }

    @Test
    void esketamineIsNeverDosedByWeightAndMonitoringIsOncePerCourse() {
        FactsFixture f = FactsFixture.candidate();
        f.orders.add(new DraftOrder(
                "MedicationRequest/esk",
                "MedicationRequest",
                List.of(new Code(Terms.RXNORM, "2119365")),
                "esketamine",
                new Dose(56.0, "mg", 2.0 / 7, null),
                true));
        List<Finding> findings = orderCheck(f);
        assertThat(topics(findings))
                .doesNotContain(Topics.KETAMINE_DOSE_CHECK, Topics.WEIGHT_MISSING)
                .contains(Topics.SESSION_MONITORING);
        f.medications.add(new MedicationFact(
                "MedicationAdministration/esk-1",
                List.of(new Code(Terms.RXNORM, "2119365")),
                null,
                "completed",
                FactsFixture.daysAgo(3),
                FactsFixture.daysAgo(3),
                (Dose) null));
        assertThat(topics(orderCheck(f))).doesNotContain(Topics.SESSION_MONITORING);
    }
}
