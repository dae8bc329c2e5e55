package org.trdcds.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PROTOCOL-v3 section E, one row per rule. Rows marked "v2:" fail under version 2 (the expectation changed on
 * purpose, or the rule is new).
 */
class OrderChecksV3Test {

    private final Decision decision = new DecisionFactory(new TestKnowledge()).at(FactsFixture.CLOCK);

    private static final String IV = "intravenous route";

    private List<Finding> check(FactsFixture f, Integer ageYears, String gender) {
        LocalDate birth = ageYears == null ? null : LocalDate.of(2026, 11, 1).minusYears(ageYears);
        return decision.decide(
                new PatientFacts(
                        "p-1",
                        birth,
                        f.conditions,
                        f.medications,
                        f.observations,
                        f.procedures,
                        f.orders,
                        Set.of(),
                        gender),
                HookKind.ORDER_CHECK);
    }

    private static List<String> topics(List<Finding> findings) {
        return findings.stream().map(Finding::topic).toList();
    }

    private static Optional<Finding> card(List<Finding> findings, String topic) {
        return findings.stream().filter(f -> f.topic().equals(topic)).findFirst();
    }

    /** The candidate without its ketamine course (no session in 365 days). */
    private static FactsFixture noHistory() {
        FactsFixture f = FactsFixture.candidate();
        f.medications.removeIf(m -> m.codes().get(0).code().equals("6130"));
        return f;
    }

    private static DraftOrder ketamine(
            Double mg, String unit, Double perDay, Double minutes, boolean prn, String route, boolean single) {
        return new DraftOrder(
                "MedicationRequest/k",
                "MedicationRequest",
                List.of(new Code(Terms.RXNORM, "6130", "ketamine")),
                "ketamine",
                List.of(new Dose(mg, unit, perDay, minutes, prn, null, route, single)),
                true,
                List.of());
    }

    private static DraftOrder esketamine(double value, String unit, Double perDay, boolean single) {
        return new DraftOrder(
                "MedicationRequest/esk",
                "MedicationRequest",
                List.of(new Code(Terms.RXNORM, "2119365", "esketamine")),
                "esketamine nasal spray",
                List.of(new Dose(value, unit, perDay, null, false, null, "nasal route", single)),
                true,
                List.of());
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

    private static void esketamineSession(FactsFixture f, long daysAgo) {
        f.medications.add(new MedicationFact(
                "MedicationAdministration/esk-" + daysAgo,
                List.of(new Code(Terms.RXNORM, "2119365")),
                null,
                "completed",
                FactsFixture.daysAgo(daysAgo),
                FactsFixture.daysAgo(daysAgo),
                (Dose) null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            nullValues = "null",
            value = {
                // case,                         mg, unit, perDay, minutes, prn, route, single, weight, tms, history, in
                // scope
                "v2: as-needed,                  40, mg, 0.43, 40, true, intravenous route, false, true, false, null, false",
                "short infusion,                 40, mg, 0.43, 10, false, intravenous route, false, true, false, null, false",
                "long infusion,                  40, mg, 0.43, 150, false, intravenous route, false, true, false, null, false",
                "40 min infusion,                40, mg, 0.43, 40, false, intravenous route, false, true, false, null, true",
                "single IV 0.5 mg/kg,            40, mg, null, null, false, intravenous route, true, true, false, null, true",
                "v2: single IM,                  40, mg, null, null, false, intramuscular route, true, true, false, null, false",
                "v2: single IV above 1 mg/kg,    100, mg, null, null, false, intravenous route, true, true, false, null, false",
                "single IV no weight,            100, mg, null, null, false, intravenous route, true, false, false, null, true",
                "single no route,                40, mg, null, null, false, null, true, true, false, null, true",
                "repeated - no duration,          100, mg, 0.43, null, false, intramuscular route, false, true, false, null, true",
                "v2: short - signed with TMS,     40, mg, 0.43, 10, false, intravenous route, false, true, true, null, true",
                "short - esketamine 200 d ago,    40, mg, 0.43, 10, false, intravenous route, false, true, false, esk, true",
                "short - TMS session 300 d ago,   40, mg, 0.43, 10, false, intravenous route, false, true, false, tms, true"
            })
    void reasonlessKetamineOrderScope(
            String name,
            double mg,
            String unit,
            Double perDay,
            Double minutes,
            boolean prn,
            String route,
            boolean single,
            boolean weight,
            boolean withTms,
            String history,
            boolean inScope) {
        FactsFixture f = noHistory();
        if (!weight) {
            f.observations.removeIf(o -> o.codes().get(0).code().equals("29463-7"));
        }
        if ("esk".equals(history)) {
            esketamineSession(f, 200);
        } else if ("tms".equals(history)) {
            f.tms(300, 300, "completed");
        }
        f.orders.add(ketamine(mg, unit, perDay, minutes, prn, route, single));
        if (withTms) {
            f.orders.add(tms());
        }
        List<Finding> findings = check(f, 40, "male");
        boolean ketamineChecked = findings.stream().anyMatch(x -> x.evidence().contains("MedicationRequest/k"));
        assertThat(ketamineChecked).as(name).isEqualTo(inScope);
    }

    @Test
    void v2UnderEighteenGetsTheAgeCardTheCeilingAndMonitoringButNoDoseSuggestion() {
        FactsFixture f = noHistory();
        f.observations.removeIf(o -> o.codes().get(0).code().equals("29463-7"));
        f.weight(5, 45);
        f.orders.add(ketamine(90.0, "mg", 3.0 / 7, 40.0, false, IV, false));
        List<Finding> findings = check(f, 16, "female");
        assertThat(topics(findings))
                .contains(Topics.OUTSIDE_PROTOCOL_AGE, Topics.KETAMINE_DOSE_CHECK, Topics.SESSION_MONITORING);
        Finding dose = card(findings, Topics.KETAMINE_DOSE_CHECK).orElseThrow();
        assertThat(dose.details())
                .containsEntry("aboveCeiling", true)
                .containsEntry("suggestionWithheld", true)
                .doesNotContainKeys("keepScheduleRef", "scheduleRef");
        assertThat(card(findings, Topics.OUTSIDE_PROTOCOL_AGE).orElseThrow().details())
                .containsEntry("ageYears", 16)
                .containsEntry("ketamine", true)
                .containsEntry("ceilingNotChecked", false);
    }

    @Test
    void underEighteenWithoutWeightSaysTheCeilingWasNotChecked() {
        FactsFixture f = noHistory();
        f.observations.removeIf(o -> o.codes().get(0).code().equals("29463-7"));
        f.orders.add(esketamine(56, "mg", 2.0 / 7, false));
        f.orders.add(ketamine(40.0, "mg", 3.0 / 7, 40.0, false, IV, false));
        Finding age = card(check(f, 15, "male"), Topics.OUTSIDE_PROTOCOL_AGE).orElseThrow();
        assertThat(age.details()).containsEntry("ceilingNotChecked", true).containsEntry("esketamine", true);
        assertThat(card(check(f, 18, "male"), Topics.OUTSIDE_PROTOCOL_AGE)).isEmpty();
    }

    @Test
    void noBirthDateSaysTheAgeCouldNotBeChecked() {
        FactsFixture f = noHistory();
        f.orders.add(ketamine(40.0, "mg", 3.0 / 7, 40.0, false, IV, false));
        List<Finding> findings = check(f, null, "male");
        assertThat(topics(findings)).doesNotContain(Topics.OUTSIDE_PROTOCOL_AGE);
        assertThat(card(findings, Topics.SESSION_MONITORING).orElseThrow().details())
                .containsEntry("ageUnknown", true);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            nullValues = "null",
            value = {
                // case,                                  dose, unit, perWeek, single, age, sessions, urgent, card,
                // critical
                "v2: 112 mg is critical,                  112, mg, 2, false, 40, null, false, true, true",
                "v2: first dose 84 mg,                    84, mg, 2, false, 40, null, false, true, false",
                "first dose 56 mg,                        56, mg, 2, false, 40, null, false, false, false",
                "first dose 2 devices (56 mg),            2, {device}, 2, false, 40, null, false, false, false",
                "v2: first dose 5 sprays (70 mg),         5, {spray}, 2, false, 40, null, false, true, false",
                "84 mg in week 2,                         84, mg, 2, false, 40, 3;10, false, false, false",
                "v2: 28 mg under 65,                      28, mg, 2, false, 40, 3;10, false, true, false",
                "28 mg from 65,                           28, mg, 2, false, 70, 3;10, false, false, false",
                "v2: first dose 56 mg from 65,            56, mg, 2, false, 70, null, false, true, false",
                "v2: twice a week in week 7,              84, mg, 2, false, 40, 3;10;17;24;31;38;45, false, true, false",
                "weekly in week 7,                        84, mg, 1, false, 40, 3;10;17;24;31;38;45, false, false, false",
                "v2: single - third in 7 days (week 2),    84, mg, null, true, 40, 2;5;12, false, true, false",
                "single - second in 7 days (week 2),       84, mg, null, true, 40, 5;12, false, false, false",
                "first dose 84 mg - urgent suicide risk,   84, mg, 2, false, 40, null, true, false, false",
                "v2: 112 mg - urgent suicide risk,         112, mg, 2, false, 40, null, true, true, true"
            })
    void esketamineLabel(
            String name,
            double dose,
            String unit,
            Double perWeek,
            boolean single,
            int age,
            String sessions,
            boolean urgent,
            boolean flagged,
            boolean critical) {
        FactsFixture f = FactsFixture.candidate();
        if (sessions != null) {
            for (String s : sessions.split(";")) {
                esketamineSession(f, Long.parseLong(s));
            }
        }
        if (urgent) {
            f.observation(TestKnowledge.LOINC, "44260-8", 2, 3.0, null);
        }
        f.orders.add(esketamine(dose, unit, perWeek == null ? null : perWeek / 7, single));
        List<Finding> findings = check(f, age, "male");
        Optional<Finding> card = card(findings, Topics.ESKETAMINE_DOSE_CHECK);
        assertThat(card.isPresent()).as(name).isEqualTo(flagged);
        card.ifPresent(c -> assertThat(c.details())
                .as(name)
                .containsEntry("aboveCritical", critical)
                .containsKey("suggestionRef"));
        assertThat(topics(findings)).doesNotContain(Topics.KETAMINE_DOSE_CHECK, Topics.WEIGHT_MISSING);
    }

    @Test
    void theEsketamineSuggestionSetsTheLabelSchedule() {
        FactsFixture f = FactsFixture.candidate();
        for (long s : new long[] {3, 10, 17, 24, 31, 38, 45}) {
            esketamineSession(f, s);
        }
        f.orders.add(esketamine(84, "mg", 2.0 / 7, false));
        Finding card = card(check(f, 40, "male"), Topics.ESKETAMINE_DOSE_CHECK).orElseThrow();
        assertThat(card.details())
                .containsEntry("courseWeek", 7L)
                .containsEntry("suggestedPerWeek", 1)
                .containsEntry("suggestedDoseMg", "84")
                .containsEntry("frequencyOff", true);
    }

    @Test
    void v2BloodPressureUnknownOnOrdersButNotWhenBlocked() {
        FactsFixture f = FactsFixture.candidate();
        f.observations.removeIf(o -> o.codes().get(0).code().equals("85354-9"));
        f.orders.add(esketamine(56, "mg", 2.0 / 7, false));
        assertThat(topics(check(f, 40, "male"))).contains(Topics.BLOOD_PRESSURE_UNKNOWN);
        f.condition("F10.20", "active");
        assertThat(topics(check(f, 40, "male")))
                .contains(SafetyTopics.ACTIVE_SUBSTANCE_USE)
                .doesNotContain(Topics.BLOOD_PRESSURE_UNKNOWN);
        FactsFixture tmsOnly = FactsFixture.candidate();
        tmsOnly.observations.removeIf(o -> o.codes().get(0).code().equals("85354-9"));
        tmsOnly.orders.add(tms());
        assertThat(topics(check(tmsOnly, 40, "male"))).doesNotContain(Topics.BLOOD_PRESSURE_UNKNOWN);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            nullValues = "null",
            value = {
                "v2: female 30 without a test, female, 30, null, true",
                "female 30 tested 10 days ago,  female, 30, 10, false",
                "female 30 tested 40 days ago,  female, 30, 40, true",
                "female 60,                     female, 60, null, false",
                "male 30,                       male, 30, null, false"
            })
    void pregnancyStatusLineOnSessionMonitoring(
            String name, String gender, int age, Integer testDaysAgo, boolean line) {
        FactsFixture f = noHistory();
        if (testDaysAgo != null) {
            f.observation(TestKnowledge.LOINC, "2106-3", testDaysAgo, null, null);
        }
        f.orders.add(ketamine(40.0, "mg", 3.0 / 7, 40.0, false, IV, false));
        Finding monitoring =
                card(check(f, age, gender), Topics.SESSION_MONITORING).orElseThrow();
        assertThat(monitoring.details()).as(name).containsEntry("pregnancyStatus", line);
    }

    /** PROTOCOL-v3 D: an equivocal hCG is a 'repeat the test' line of session monitoring, not a pregnancy card. */
    @Test
    void anEquivocalHcgIsARepeatTheTestLineOnSessionMonitoring() {
        FactsFixture f = noHistory();
        f.observation(TestKnowledge.LOINC, "19080-1", 5, 10.0, "m[IU]/mL");
        f.orders.add(ketamine(40.0, "mg", 3.0 / 7, 40.0, false, IV, false));
        List<Finding> found = check(f, 30, "female");

        assertThat(card(found, SafetyTopics.PREGNANCY)).isEmpty();
        Object check =
                card(found, Topics.SESSION_MONITORING).orElseThrow().details().get("pregnancyCheck");
        assertThat(((java.util.Map<?, ?>) check).get("equivocalTest")).isNotNull();
    }
}
