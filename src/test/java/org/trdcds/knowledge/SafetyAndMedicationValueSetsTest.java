package org.trdcds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Membership tables of the version-2 safety and medication value sets, read from the real fhir-profiles/. */
class SafetyAndMedicationValueSetsTest {

    @ParameterizedTest(name = "{0} {1}|{2} -> {3} {4}")
    @CsvSource({
        "epilepsy, cm, G40.909, true, ''",
        "epilepsy, cm, G40.842, true, KCNQ2-related epilepsy",
        "epilepsy, who, G40.9, true, v1: no WHO codes",
        "epilepsy-intractable, cm, G40.919, true, ''",
        "epilepsy-intractable, cm, G40.A19, true, ''",
        "epilepsy-intractable, cm, G40.803, true, ''",
        "epilepsy-intractable, cm, G40.843, true, v1: out",
        "epilepsy-intractable, cm, G40.844, true, v1: out",
        "epilepsy-intractable, cm, G40.841, false, ''",
        "epilepsy-intractable, cm, G40.811, false, a G40.x1x regex would take it",
        "epilepsy-intractable, cm, G40.909, false, ''",
        "epilepsy-intractable, sct, 314828009, true, ''",
        "epilepsy-intractable, who, G40.9, false, WHO codes no intractability",
        "hypertensive-crisis, cm, I16.1, true, ''",
        "hypertensive-crisis, cm, I10, false, ''",
        "hypertension, who, I10, true, ''",
        "pregnancy, cm, Z33.1, true, ''",
        "pregnancy, cm, Z34.91, true, ''",
        "pregnancy, cm, Z3A.20, true, ''",
        "pregnancy, cm, Z3A.49, true, ''",
        "pregnancy, sct, 77386006, true, ''",
        "pregnancy, sct, 72892002, true, ''",
        "pregnancy, who, Z33, true, ''",
        "pregnancy, cm, O09.513, true, supervision of elderly primigravida",
        "pregnancy, cm, O09.A3, true, ''",
        "pregnancy, cm, O80, false, delivery",
        "pregnancy, cm, F53.0, false, postpartum depression is not pregnancy",
        "pregnancy, cm, Z39.2, false, postpartum follow-up",
        "pregnancy-status, loinc, 82810-3, true, ''",
        "pregnant-answer, sct, 77386006, true, ''",
        "pregnant-answer, sct, 60001007, false, not pregnant",
        "vascular-aneurysm-avm, cm, I67.1, true, ''",
        "vascular-aneurysm-avm, cm, I71.4, true, ''",
        "vascular-aneurysm-avm, cm, I71.012, true, ''",
        "vascular-aneurysm-avm, cm, I72.6, true, ''",
        "vascular-aneurysm-avm, cm, Q28.2, true, ''",
        "vascular-aneurysm-avm, sct, 234142008, true, ''",
        "vascular-aneurysm-avm, cm, I60.9, false, ''",
        "intracranial-hemorrhage, cm, I60.9, true, ''",
        "intracranial-hemorrhage, cm, I61.9, true, ''",
        "intracranial-hemorrhage, cm, I62.00, true, ''",
        "intracranial-hemorrhage, cm, I69.051, true, sequela",
        "intracranial-hemorrhage, cm, I69.198, true, ''",
        "intracranial-hemorrhage, cm, I69.398, false, sequela of cerebral infarction",
        "intracranial-hemorrhage, cm, I63.9, false, ''",
        "intracranial-hemorrhage, sct, 274100004, true, ''",
        "myocardial-infarction, cm, I21.4, true, ''",
        "myocardial-infarction, cm, I22.9, true, ''",
        "myocardial-infarction, cm, I25.2, false, old myocardial infarction",
        "cerebral-edema, cm, G93.6, true, ''",
        "tms-implants, cm, Z96.21, true, ''",
        "tms-implants, cm, Z98.2, true, ''",
        "tms-implants, cm, Z96.82, true, ''",
        "tms-implants, cm, Z95.0, false, a pacemaker is a warning line",
        "tms-implant-procedures, sct, 230898002, true, ''",
        "tms-implant-procedures, sct, 230916003, true, ''",
        "cardiac-devices, cm, Z95.0, true, ''",
        "cardiac-devices, cm, Z95.810, true, ''",
        "tms-procedures, cpt, 90867, true, ''",
    })
    void conditionsAndProcedures(String valueSet, String system, String code, boolean expected, String why) {
        assertThat(MoodAndRiskValueSetsTest.member(valueSet, system, code))
                .as(why)
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}|{2} -> {3} {4}")
    @CsvSource({
        "antidepressants, rx, 36437, true, ''",
        "antidepressants, rx, 588250, false, v1: in (milnacipran)",
        "antidepressants, rx, 833135, false, v1: in (milnacipran product)",
        "antidepressants, rx, 1433212, true, levomilnacipran is not milnacipran",
        "antidepressants, rx, 1433217, true, ''",
        "antidepressants, rx, 2611260, true, dextromethorphan-bupropion",
        "antidepressants, rx, 28439, false, lamotrigine",
        "antidepressants, rx, 198427, false, ''",
        "antidepressants, rx, 6130, false, ''",
        "bipolar-depression-treatments, rx, 51272, true, v1: no set",
        "bipolar-depression-treatments, rx, 6448, true, ''",
        "bipolar-depression-treatments, rx, 28439, true, ''",
        "bipolar-depression-treatments, rx, 1040028, true, ''",
        "bipolar-depression-treatments, rx, 198427, true, lamotrigine 100 mg tablet",
        "bipolar-depression-treatments, rx, 403969, true, olanzapine-fluoxetine",
        "bipolar-depression-treatments, rx, 4493, false, fluoxetine alone",
        "bipolar-depression-treatments, rx, 36437, false, ''",
        "ketamine, rx, 6130, true, ''",
        "ketamine, rx, 2119365, false, ''",
        "esketamine, rx, 2119365, true, ''",
        "benzodiazepines, rx, 596, true, ''",
        "benzodiazepines, rx, 6470, true, ''",
        "opioids, rx, 6813, true, ''",
        "opioids, rx, 1819, true, ''",
        "opioids, rx, 6130, false, ''",
        "mao-inhibitors, rx, 8123, true, ''",
        "mao-inhibitors, rx, 9639, true, ''",
        "stimulants, rx, 6901, true, ''",
        "clozapine, rx, 2626, true, ''",
        "lithium-level, loinc, 14334-7, true, ''",
        "phq9-total, loinc, 44261-6, true, ''",
    })
    void medicationsAndObservations(String valueSet, String system, String code, boolean expected, String why) {
        assertThat(MoodAndRiskValueSetsTest.member(valueSet, system, code))
                .as(why)
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"T36.0X2A", "T43.012A", "T50.A12A", "T58.02XA", "T61.772A", "T63.002A", "T71.232A", "X83.8XXA"})
    void everySelfHarmStemTakesTheThreeSeventhCharacters(String initial) {
        String stem = initial.substring(0, initial.length() - 1);
        for (String seventh : new String[] {"A", "D", "S"}) {
            assertThat(MoodAndRiskValueSetsTest.member("suicide-attempt", "cm", stem + seventh))
                    .as(stem + seventh)
                    .isTrue();
        }
        assertThat(MoodAndRiskValueSetsTest.member("suicide-attempt", "cm", stem + "B"))
                .isFalse();
    }
}
