package org.trdcds.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trdcds.cards.TemplateCardRendererTest.findings;
import static org.trdcds.cards.TemplateCardRendererTest.render;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trdcds.criteria.Finding;
import org.trdcds.criteria.SafetyTopics;
import org.trdcds.criteria.Topics;

/** What a clinician reads first: an instruction, no record ids, limits worded as limits, footnotes once. */
class CardReadabilityTest {

    static final String FOOTNOTE = "minimum doses are placeholders pending clinical review";

    /** The first words of an instruction (the card's first detail line, after any bold marker). */
    static final Pattern INSTRUCTION = Pattern.compile("^(\\*\\*)?(Do not|Consider|Recheck|Record|Document|Monitor"
            + "|Reconsider|Evaluate|Remove|Review|Check|Confirm|Change|Continue|Keep|Plan|Hold|Ask|Assess)"
            + "\\b");

    static final Pattern RESOURCE_ID = Pattern.compile("\\b(MedicationStatement|MedicationRequest|"
            + "MedicationAdministration|Observation|Condition|Procedure|ServiceRequest)/[A-Za-z0-9.-]+");

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.trdcds.cards.TemplateCardRendererTest#topics")
    void theFirstDetailLineSaysWhatToDo(String topic) throws IOException {
        String first =
                render(findings().get(topic)).detail().lines().findFirst().orElse("");
        assertThat(first).isNotBlank().doesNotStartWith("|").doesNotStartWith("- ");
        assertThat(INSTRUCTION.matcher(first).find())
                .as("first line of %s: %s", topic, first)
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.trdcds.cards.TemplateCardRendererTest#topics")
    void noRecordIdsNorRawStatusCodesInTheText(String topic) throws IOException {
        Card card = render(findings().get(topic));
        assertThat(card.detail())
                .doesNotContain("MedicationStatement/", "MedicationRequest/")
                .doesNotContain("placeholder-pending")
                .doesNotContain("not been identified");
        assertThat(RESOURCE_ID.matcher(card.detail()).find()).as(card.detail()).isFalse();
        assertThat(RESOURCE_ID.matcher(card.summary()).find())
                .as(card.summary())
                .isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.trdcds.cards.TemplateCardRendererTest#topics")
    void theDoseReviewFootnoteAppearsOnceWhenAPendingDoseIsShown(String topic) throws IOException {
        Card card = render(findings().get(topic));
        int stars = card.detail().split("\\\\\\*", -1).length - 1;
        int footnotes = card.detail().split(FOOTNOTE, -1).length - 1;
        if (stars == 0) {
            assertThat(footnotes).isZero();
        } else {
            assertThat(footnotes).as(card.detail()).isOne();
        }
    }

    @Test
    void trialTablesMarkPendingMinimumDosesWithAStarAndOneFootnote() throws IOException {
        String detail = render(findings().get(Topics.COMBINATION_CANDIDATE)).detail();
        assertThat(detail)
                .contains("| sertraline | 150 | 50\\* | 14 |", "| escitalopram | 20 | 10\\* |")
                .contains("\n\\* " + FOOTNOTE + "\n");
    }

    @Test
    void reviewedMinimumDosesHaveNeitherStarNorFootnote() throws IOException {
        Finding candidate = findings().get(Topics.COMBINATION_CANDIDATE);
        Map<String, Object> details = new LinkedHashMap<>(candidate.details());
        List<Map<String, Object>> trials = ((List<?>) details.get("trials"))
                .stream()
                        .map(row -> {
                            Map<String, Object> reviewed = new LinkedHashMap<>(castMap(row));
                            reviewed.put("minimumDosePending", false);
                            return reviewed;
                        })
                        .toList();
        details.put("trials", trials);
        String detail = render(new Finding(candidate.topic(), details, candidate.evidence()))
                .detail();
        assertThat(detail)
                .contains("| sertraline | 150 | 50 | 14 |")
                .doesNotContain(FOOTNOTE)
                .doesNotContain("\\*");
    }

    @Test
    void theCandidateFitsAScreenWithTheProtocolOneLinkAway() throws IOException {
        Card card = render(findings().get(Topics.COMBINATION_CANDIDATE));
        assertThat(card.detail().lines().filter(l -> !l.isBlank()).count()).isLessThanOrEqualTo(20);
        assertThat(card.detail())
                .contains("block ≥ ", "protocol page", "Checks that ran")
                .doesNotContain("coincidentally", "Responders", "34.5", "19%", "9.5%");
        assertThat(card.links()).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void theHypertensionCardSaysWhichCriterionFiredWithDatesAndValues() throws IOException {
        Finding both = findings().get(SafetyTopics.UNCONTROLLED_HYPERTENSION);
        assertThat(render(both).summary())
                .isEqualTo("Do not start ketamine: mean BP 172/106 mmHg (block ≥ 160/100) and hypertensive crisis");

        Map<String, Object> crisisOnly = new LinkedHashMap<>(both.details());
        crisisOnly.putAll(Map.of(
                "meanSystolic",
                124.0,
                "meanDiastolic",
                78.0,
                "bloodPressureUncontrolled",
                false,
                "meanAboveLimit",
                false));
        Card byCrisis = render(new Finding(both.topic(), crisisOnly, both.evidence()));
        assertThat(byCrisis.summary()).isEqualTo("Do not start ketamine: hypertensive crisis I16.0 on 2026-11-20");
        assertThat(byCrisis.detail())
                .contains("(I16.0), dated 2026-11-20", "mean 124/78 mmHg (block ≥ 160/100)")
                .doesNotContain("Mean of the latest");

        Map<String, Object> meanOnly = new LinkedHashMap<>(both.details());
        meanOnly.put("conditions", List.of());
        Card byMean = render(new Finding(both.topic(), meanOnly, both.evidence()));
        assertThat(byMean.summary()).isEqualTo("Do not start ketamine: mean BP 172/106 mmHg (block ≥ 160/100)");
        assertThat(byMean.detail())
                .contains("- Mean of the latest 3 readings (2026-11-10 to 2026-11-24): 172/106 mmHg "
                        + "(block ≥ 160/100)")
                .doesNotContain("I16.0", "Highest");
    }

    @Test
    void theDoseCardSaysWhatWasOrderedWhenThereIsNoMgDose() throws IOException {
        Finding check = findings().get(Topics.KETAMINE_DOSE_CHECK);
        Map<String, Object> details = new LinkedHashMap<>(check.details());
        details.put("orderedDoseMg", null);
        details.put("orderedMgPerKg", null);
        details.put("deviationPercent", null);
        details.put("orderedMinutes", null);
        details.putAll(Map.of(
                "orderedAs",
                "1 vial",
                "orderedPerWeek",
                7.0,
                "durationOff",
                true,
                "scheduleOff",
                true,
                "aboveCeiling",
                false));
        Card card = render(new Finding(check.topic(), details, check.evidence()));
        assertThat(card.summary())
                .startsWith("Ketamine order 1 vial (no mg dose): protocol 40 mg")
                .doesNotContain("unknown");
        assertThat(card.detail())
                .doesNotContain("unknown")
                .contains(
                        "- Ordered: 1 vial (no mg dose), infusion time not stated, 7 times a week",
                        "cannot be compared",
                        "The infusion time is not stated.",
                        "**Change the order to 40 mg over 40 minutes, 3 times a week**");
    }

    @Test
    void aDoseAboveTheCeilingSaysDoNotGiveIt() throws IOException {
        Finding check = findings().get(Topics.KETAMINE_DOSE_CHECK);
        Map<String, Object> details = new LinkedHashMap<>(check.details());
        details.put("aboveCeiling", true);
        Card card = render(new Finding(check.topic(), details, check.evidence()));
        assertThat(card.detail())
                .startsWith("**Do not give this dose: 2.5 mg/kg is above the ceiling of 1 mg/kg.** "
                        + "Change it to 40 mg over 40 minutes, 3 times a week.");
        assertThat(card.indicator()).isEqualTo("critical");
    }

    @Test
    void failedCoursesShareOneLineSeparatedBySemicolons() throws IOException {
        Finding candidate = findings().get(Topics.COMBINATION_CANDIDATE);
        Map<String, Object> details = new LinkedHashMap<>(candidate.details());
        List<?> courses = (List<?>) details.get("monotherapy");
        Map<String, Object> tms = new LinkedHashMap<>(castMap(courses.get(0)));
        tms.put("kind", "TMS");
        details.put("monotherapy", List.of(courses.get(0), tms));
        String detail = render(new Finding(candidate.topic(), details, candidate.evidence()))
                .detail();
        // v3 (PROTOCOL-v3 F): "no response (< 50% reduction)", and a score that rose is an increase
        assertThat(detail)
                .containsPattern("Failed monotherapy\\*\\*: "
                        + "ketamine 2026-06-30 to 2026-07-30 — no response \\(< 50% reduction\\): PHQ-9 19 → 22 "
                        + "\\(increase of 16%\\); "
                        + "TMS 2026-06-30 to 2026-07-30 — [^;\\n]*\\n");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object row) {
        return (Map<String, Object>) row;
    }
}
