package org.trdcds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Membership tables of the version-2 mood, suicide-risk and substance-use value sets, read from the real
 * fhir-profiles/. Rows marked "v1" had the other answer under version 1 of the knowledge.
 */
class MoodAndRiskValueSetsTest {

    static boolean member(String valueSet, String system, String code) {
        return ProjectKnowledge.get().inValueSet(valueSet, Systems.uri(system), code);
    }

    @ParameterizedTest(name = "{0} {1}|{2} -> {3} {4}")
    @CsvSource({
        "depressive-disorders, cm, F33.2, true, ''",
        "depressive-disorders, cm, F32.89, false, v1: in (VSAC MDD Active)",
        "depressive-disorders, cm, F32.A, false, ''",
        "depressive-disorders, cm, F34.1, false, ''",
        "depressive-disorders, cm, F31.4, false, ''",
        "depressive-disorders, cm, F32.5, true, v1: out (activity is now decided by full-remission)",
        "depressive-disorders, cm, F33.40, true, v1: out",
        "depressive-disorders, who, F33.4, true, v1: no WHO codes",
        "depressive-disorders, who, F32.11, true, v1: no WHO codes",
        "depressive-disorders, who, F32.8, false, ''",
        "depressive-disorders, sct, 1153570009, true, ''",
        "depressive-disorders, sct, 67002003, false, ''",
        "depressive-spectrum, cm, F32.A, true, v1: no broad set",
        "depressive-spectrum, cm, F32.89, true, ''",
        "depressive-spectrum, cm, F34.1, true, ''",
        "depressive-spectrum, cm, F53.0, true, ''",
        "depressive-spectrum, cm, F31.4, true, ''",
        "depressive-spectrum, cm, R45.851, true, ''",
        "depressive-spectrum, cm, F33.2, true, ''",
        "depressive-spectrum, cm, T39.1X2A, true, an attempt is in the broad set",
        "depressive-spectrum, who, X70, true, ''",
        "depressive-spectrum, who, F32.8, true, ''",
        "depressive-spectrum, cm, F41.1, false, ''",
        "depressive-spectrum, cm, T39.1X1A, false, accidental poisoning",
        "full-remission, cm, F32.5, true, ''",
        "full-remission, cm, F33.40, true, ''",
        "full-remission, cm, F33.42, true, ''",
        "full-remission, cm, F31.76, true, ''",
        "full-remission, cm, F31.78, true, ''",
        "full-remission, cm, F10.21, true, ''",
        "full-remission, cm, F16.11, true, ''",
        "full-remission, cm, F32.4, false, partial remission stays active",
        "full-remission, cm, F33.41, false, ''",
        "full-remission, cm, F31.75, false, ''",
        "full-remission, cm, F10.20, false, ''",
        "full-remission, who, F33.4, true, ''",
        "full-remission, who, F31.7, true, ''",
        "full-remission, who, F10.20, true, WHO: currently abstinent",
        "full-remission, who, F10.21, true, ''",
        "full-remission, who, F10.23, true, ''",
        "full-remission, who, F10.22, false, maintenance",
        "full-remission, who, F10.24, false, active dependence",
        "full-remission, sct, 46244001, true, ''",
        "full-remission, sct, 33135002, false, partial",
        "suicidal-ideation, cm, R45.851, true, ''",
        "suicidal-ideation, sct, 6471006, true, ''",
        "suicidal-ideation, sct, 267073005, false, v1: in (covers behaviour)",
        "suicidal-ideation, cm, T14.91XA, false, ''",
        "suicidal-ideation, sct, 82313006, false, ''",
        "suicide-attempt, cm, T14.91XA, true, v1: no attempt set",
        "suicide-attempt, cm, T14.91XD, true, ''",
        "suicide-attempt, cm, T39.1X2A, true, ''",
        "suicide-attempt, cm, T39.1X1A, false, accidental",
        "suicide-attempt, cm, T39.1X4A, false, undetermined",
        "suicide-attempt, cm, T43.222A, true, ''",
        "suicide-attempt, cm, T43.221A, false, ''",
        "suicide-attempt, cm, T36.92XA, true, intent at the 5th character",
        "suicide-attempt, cm, T36.91XA, false, ''",
        "suicide-attempt, cm, T40.412A, true, ''",
        "suicide-attempt, cm, T41.1X2A, true, intravenous anaesthetic (ketamine) overdose",
        "suicide-attempt, cm, T42.4X5A, false, adverse effect",
        "suicide-attempt, cm, T42.4X6A, false, underdosing",
        "suicide-attempt, cm, T50.902D, true, ''",
        "suicide-attempt, cm, T65.222S, true, ''",
        "suicide-attempt, cm, T71.162A, true, ''",
        "suicide-attempt, cm, T71.161A, false, ''",
        "suicide-attempt, cm, X78.1XXA, true, ''",
        "suicide-attempt, who, X60, true, ''",
        "suicide-attempt, who, X60.0, true, ''",
        "suicide-attempt, who, X84.9, true, ''",
        "suicide-attempt, sct, 82313006, true, ''",
        "suicide-attempt, cm, R45.851, false, ''",
        "suicidal-behaviour-history, cm, Z91.51, true, ''",
        "suicidal-behaviour-history, who, Z91.5, true, ''",
        "suicidal-behaviour-history, cm, R45.851, false, ''",
    })
    void moodAndSuicideRisk(String valueSet, String system, String code, boolean expected, String why) {
        assertThat(member(valueSet, system, code)).as(why).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}|{2} -> {3} {4}")
    @CsvSource({
        "substance-use-disorders-active, cm, F10.20, true, ''",
        "substance-use-disorders-active, cm, F10.10, true, ''",
        "substance-use-disorders-active, cm, F11.20, true, ''",
        "substance-use-disorders-active, cm, F16.20, true, ketamine/PCP are coded under F16",
        "substance-use-disorders-active, cm, F10.230, true, dependence with withdrawal is dependence",
        "substance-use-disorders-active, cm, F10.21, false, ''",
        "substance-use-disorders-active, cm, F10.11, false, ''",
        "substance-use-disorders-active, cm, F10.90, false, v1: in (use, unspecified)",
        "substance-use-disorders-active, cm, F11.90, false, v1: in",
        "substance-use-disorders-active, cm, F12.99, false, v1: in",
        "substance-use-disorders-active, cm, F17.210, false, nicotine",
        "substance-use-disorders-active, cm, O99.310, false, ''",
        "substance-use-disorders-active, who, F10.24, true, v1: no WHO codes",
        "substance-use-disorders-active, who, F10.1, true, ''",
        "substance-use-disorders-active, who, F16.25, true, ''",
        "substance-use-disorders-active, who, F10.21, false, WHO: abstinent in a protected environment",
        "substance-use-disorders-active, who, F10.20, false, ''",
        "substance-use-disorders-active, who, F11.22, false, maintenance: a warning line",
        "substance-use-disorders-active, who, F17.24, false, tobacco",
        "substance-use-disorders-active, sct, 66590003, true, ''",
        "substance-use-disorders-active, sct, 724715004, true, ketamine dependence",
        "substance-use-disorders-active, sct, 724713006, true, harmful use of ketamine",
        "substance-use-disorders-active, sct, 191480000, false, v1: in (alcohol withdrawal syndrome)",
        "substance-use-disorders-active, sct, 416714005, false, v1: in (flashbacks)",
        "substance-use-disorders-active, sct, 154211000119108, false, v1: in (alcoholic pancreatitis)",
        "substance-use-disorders-active, sct, 1081000119105, false, v1: in (agonist therapy)",
        "opioid-maintenance, who, F11.22, true, ''",
        "opioid-maintenance, sct, 1081000119105, true, ''",
        "opioid-maintenance, cm, F11.20, false, ''",
        "psychotic-disorders, cm, F32.3, true, v1: out",
        "psychotic-disorders, cm, F33.3, true, v1: out",
        "psychotic-disorders, cm, F31.5, true, v1: out",
        "psychotic-disorders, cm, F31.2, true, v1: out",
        "psychotic-disorders, cm, F20.9, true, ''",
        "psychotic-disorders, cm, F22, true, ''",
        "psychotic-disorders, who, F20.0, true, ''",
        "psychotic-disorders, who, F32.3, true, ''",
        "psychotic-disorders, cm, F32.2, false, ''",
        "psychotic-disorders, cm, F31.4, false, ''",
        "psychotic-disorders, sct, 430852001, true, ''",
        "psychotic-disorders, sct, 28475009, true, ''",
        "psychotic-disorders, sct, 36474008, false, without psychotic features",
        "bipolar-disorders, cm, F31.81, true, ''",
        "bipolar-disorders, who, F31.3, true, ''",
        "bipolar-depressed-episode, cm, F31.32, true, ''",
        "bipolar-depressed-episode, who, F31.4, true, ''",
        "bipolar-depressed-episode, cm, F31.76, false, ''",
    })
    void substanceUseAndPsychosis(String valueSet, String system, String code, boolean expected, String why) {
        assertThat(member(valueSet, system, code)).as(why).isEqualTo(expected);
    }
}
