package org.trdcds.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trdcds.feedback.FeedbackSummary;
import org.trdcds.feedback.FeedbackSummary.FeedbackCount;
import org.trdcds.feedback.FeedbackSummary.OverrideReasonCode;
import org.trdcds.feedback.FeedbackSummary.TopicCount;

/** The override rate of warning and critical cards; info-card dismissals apart; the top override reasons. */
class FeedbackReportTest {

    static final String SYSTEM = "https://fhir.trd-cds-hooks.org/CodeSystem/override-reasons";
    static final List<CardTopic> TEMPLATES = List.of(
            new CardTopic("candidate", "Candidate", "info", "", null, List.of(), List.of(), "cds-cards/a.json"),
            new CardTopic(
                    "dose",
                    "Dose check",
                    "warning",
                    "",
                    null,
                    List.of(),
                    List.of(new CardTopic.Reason(SYSTEM, "titration", "Titration per protocol")),
                    "cds-cards/b.json"));

    @Test
    void infoDismissalsAreNotOverridesAndWarningCardsGetARateAndTheirTopReasons() {
        FeedbackSummary summary = new FeedbackSummary(
                List.of(
                        new FeedbackCount("s", "dose", "overridden", new OverrideReasonCode(SYSTEM, "other"), 1),
                        new FeedbackCount("s", "dose", "overridden", new OverrideReasonCode(SYSTEM, "titration"), 2),
                        new FeedbackCount("s", "dose", "accepted", null, 1),
                        new FeedbackCount("s", "candidate", "overridden", null, 3)),
                List.of(
                        new TopicCount("candidate", 5, 1, 3, 0.75, 0.6),
                        new TopicCount("dose", 4, 1, 3, 0.75, 0.75),
                        new TopicCount("retired-topic", 2, 0, 0, null, 0.0)));

        FeedbackReport report = FeedbackReport.of(summary, TEMPLATES);

        FeedbackReport.TopicReport candidate = report.topics().get(0);
        assertThat(candidate.indicator()).isEqualTo("info");
        assertThat(candidate.overridden()).isZero();
        assertThat(candidate.dismissed()).isEqualTo(3);
        assertThat(candidate.overrideRate()).isNull();
        assertThat(candidate.overrideRateOfIssued()).isNull();
        FeedbackReport.TopicReport dose = report.topics().get(1);
        assertThat(dose.overridden()).isEqualTo(3);
        assertThat(dose.dismissed()).isZero();
        assertThat(dose.overrideRate()).isEqualTo(0.75);
        assertThat(dose.overrideRateOfIssued()).isEqualTo(0.75);
        assertThat(dose.topOverrideReasons())
                .extracting(FeedbackReport.ReasonCount::display)
                .containsExactly("Titration per protocol", "other");
        FeedbackReport.TopicReport retired = report.topics().get(2);
        assertThat(retired.indicator()).isNull();
        assertThat(retired.overrideRate()).isNull();
        assertThat(report.definitions()).containsKeys("overrideRate", "dismissed");
    }

    @Test
    void theFeedbackPageShowsTheRateAndAChartPerTopic() {
        FeedbackReport report = FeedbackReport.of(
                new FeedbackSummary(List.of(), List.of(new TopicCount("dose", 4, 1, 3, 0.75, 0.75))), TEMPLATES);

        String html = FeedbackPages.html(report, TEMPLATES);

        assertThat(html).contains("id=\"fb-dose\"", ">75%<", "<svg", "issued 4");
        assertThat(html).as("a topic that never fired is listed with zeros").contains("id=\"fb-candidate\"");
    }
}
