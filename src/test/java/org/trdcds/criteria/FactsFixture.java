package org.trdcds.criteria;

import static org.trdcds.criteria.TestKnowledge.CPT;
import static org.trdcds.criteria.TestKnowledge.ICD10CM;
import static org.trdcds.criteria.TestKnowledge.LOINC;
import static org.trdcds.criteria.TestKnowledge.RXNORM;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A mutable patient record for tests, with dates counted in days before {@link #NOW}. */
final class FactsFixture {

    static final Instant NOW = Instant.parse("2026-11-27T04:22:50Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    final List<ConditionFact> conditions = new ArrayList<>();
    final List<MedicationFact> medications = new ArrayList<>();
    final List<ObservationFact> observations = new ArrayList<>();
    final List<ProcedureFact> procedures = new ArrayList<>();
    final List<DraftOrder> orders = new ArrayList<>();
    private int next = 1;

    static Instant daysAgo(long days) {
        return NOW.minus(Duration.ofDays(days));
    }

    static Dose mgDaily(double mg) {
        return new Dose(mg, "mg", 1.0, null);
    }

    PatientFacts facts() {
        return new PatientFacts("p-1", null, conditions, medications, observations, procedures, orders, Set.of());
    }

    FactsFixture condition(String code, String clinicalStatus) {
        conditions.add(new ConditionFact(
                "Condition/c-" + next++,
                List.of(new Code(ICD10CM, code, "dx " + code)),
                clinicalStatus,
                "confirmed",
                daysAgo(700),
                null));
        return this;
    }

    /** A condition with its onset the given days ago. */
    FactsFixture condition(String code, String clinicalStatus, long onsetDaysAgo) {
        conditions.add(new ConditionFact(
                "Condition/c-" + next++,
                List.of(new Code(ICD10CM, code, "dx " + code)),
                clinicalStatus,
                "confirmed",
                daysAgo(onsetDaysAgo),
                null));
        return this;
    }

    FactsFixture depressed() {
        return condition("F33.2", "active");
    }

    /** A MedicationStatement; endDaysAgo null = open. */
    FactsFixture med(String rxcui, String status, long startDaysAgo, Long endDaysAgo, Dose dose) {
        medications.add(new MedicationFact(
                "MedicationStatement/m-" + next++,
                List.of(new Code(RXNORM, rxcui)),
                null,
                status,
                daysAgo(startDaysAgo),
                endDaysAgo == null ? null : daysAgo(endDaysAgo),
                dose));
        return this;
    }

    FactsFixture phq9(long daysAgo, double value) {
        return observation(LOINC, "44261-6", daysAgo, value, "{score}");
    }

    FactsFixture observation(String system, String code, long daysAgo, Double value, String unit) {
        observations.add(new ObservationFact(
                "Observation/o-" + next++,
                List.of(new Code(system, code)),
                daysAgo(daysAgo),
                value,
                unit,
                List.of(),
                List.of()));
        return this;
    }

    FactsFixture bp(long daysAgo, double systolic, double diastolic) {
        observations.add(new ObservationFact(
                "Observation/o-" + next++,
                List.of(new Code(LOINC, "85354-9")),
                daysAgo(daysAgo),
                null,
                null,
                List.of(),
                List.of(
                        new ObservationFact.Component(List.of(new Code(LOINC, "8480-6")), systolic, "mm[Hg]"),
                        new ObservationFact.Component(List.of(new Code(LOINC, "8462-4")), diastolic, "mm[Hg]"))));
        return this;
    }

    FactsFixture weight(long daysAgo, double kg) {
        return observation(LOINC, "29463-7", daysAgo, kg, "kg");
    }

    FactsFixture tms(long startDaysAgo, long endDaysAgo, String status) {
        procedures.add(new ProcedureFact(
                "Procedure/p-" + next++,
                List.of(new Code(CPT, "90868")),
                status,
                daysAgo(startDaysAgo),
                daysAgo(endDaysAgo)));
        return this;
    }

    FactsFixture ketamineOrder(String ref, Double mg, Double minutes) {
        orders.add(new DraftOrder(
                ref,
                "MedicationRequest",
                List.of(new Code(RXNORM, "6130", "ketamine")),
                "ketamine IV",
                new Dose(mg, "mg", null, minutes),
                true));
        return this;
    }

    /**
     * The pv-candidate record: sertraline and escitalopram failed by score, a ketamine course without response,
     * PHQ-9 10 days ago, controlled BP, 80 kg.
     */
    static FactsFixture candidate() {
        return new FactsFixture()
                .depressed()
                .med("36437", "completed", 400, 300L, mgDaily(150))
                .med("321988", "completed", 290, 210L, mgDaily(20))
                .phq9(410, 21)
                .phq9(305, 20)
                .phq9(215, 19)
                .phq9(118, 18)
                .phq9(10, 22)
                .med("6130", "completed", 150, 120L, null)
                .bp(5, 124, 78)
                .weight(10, 80);
    }
}
