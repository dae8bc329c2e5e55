package org.trdcds.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.trdcds.feedback.FeedbackEntry;
import org.trdcds.feedback.FeedbackSummary;

/**
 * What clinicians did with the cards, as governance reads it ({@code GET /admin/feedback-summary} and the feedback
 * page). An "overridden" answer on an info card is a dismissal, not an override: it is counted in
 * {@code dismissed}, and the override rate is given for warning and critical cards only.
 *
 * @param feedback    feedback entries counted per service, topic, outcome and override reason (as before)
 * @param topics      per topic: see {@link TopicReport}
 * @param definitions what the figures mean
 */
public record FeedbackReport(
        List<FeedbackSummary.FeedbackCount> feedback, List<TopicReport> topics, Map<String, String> definitions) {

    static final int TOP_REASONS = 3;
    static final Map<String, String> DEFINITIONS = defineFigures();

    /**
     * @param indicator          the topic's indicator in its card template ("info", "warning", "critical"), or null
     *                           for a topic no template has any more
     * @param overridden         "overridden" answers on a warning or critical card
     * @param dismissed          "overridden" answers on an info card (the clinician closed it)
     * @param overrideRate       overridden / (accepted + overridden) for warning and critical cards; null for info
     *                           cards and before any feedback
     * @param overrideRateOfIssued overridden / issued for warning and critical cards; null for info cards and before
     *                           any card
     * @param topOverrideReasons the most given override reasons, most first (at most 3)
     */
    public record TopicReport(
            String topic,
            String display,
            String indicator,
            long issued,
            long accepted,
            long overridden,
            long dismissed,
            Double overrideRate,
            Double overrideRateOfIssued,
            List<ReasonCount> topOverrideReasons) {}

    public record ReasonCount(String system, String code, String display, long count) {}

    static FeedbackReport of(FeedbackSummary summary, List<CardTopic> templates) {
        Map<String, CardTopic> byCode = templates.stream()
                .collect(Collectors.toMap(CardTopic::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<TopicReport> topics = new ArrayList<>();
        for (FeedbackSummary.TopicCount count : summary.topics()) {
            CardTopic template = byCode.get(count.topic());
            boolean info = template != null && template.info();
            long overridden = info ? 0 : count.overridden();
            long dismissed = info ? count.overridden() : 0;
            Double rate = info || count.accepted() + overridden == 0
                    ? null
                    : (double) overridden / (count.accepted() + overridden);
            topics.add(new TopicReport(
                    count.topic(),
                    template == null ? count.topic() : template.display(),
                    template == null ? null : template.indicator(),
                    count.issued(),
                    count.accepted(),
                    overridden,
                    dismissed,
                    rate,
                    info || count.issued() == 0 ? null : (double) overridden / count.issued(),
                    topReasons(summary.feedback(), count.topic(), template)));
        }
        return new FeedbackReport(summary.feedback(), List.copyOf(topics), DEFINITIONS);
    }

    private static List<ReasonCount> topReasons(
            List<FeedbackSummary.FeedbackCount> feedback, String topic, CardTopic template) {
        Map<FeedbackSummary.OverrideReasonCode, Long> counts = new LinkedHashMap<>();
        for (FeedbackSummary.FeedbackCount count : feedback) {
            if (Objects.equals(topic, count.topic())
                    && count.overrideReason() != null
                    && FeedbackEntry.Outcome.OVERRIDDEN.code().equals(count.outcome())) {
                counts.merge(count.overrideReason(), count.count(), Long::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<FeedbackSummary.OverrideReasonCode, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(TOP_REASONS)
                .map(e -> new ReasonCount(
                        e.getKey().system(), e.getKey().code(), display(template, e.getKey()), e.getValue()))
                .toList();
    }

    private static String display(CardTopic template, FeedbackSummary.OverrideReasonCode code) {
        if (template != null) {
            for (CardTopic.Reason reason : template.overrideReasons()) {
                if (reason.code().equals(code.code())) {
                    return reason.display();
                }
            }
        }
        return code.code();
    }

    private static Map<String, String> defineFigures() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("issued", "cards of the topic the service returned (rehearsals at start-up are not counted)");
        d.put("accepted", "feedback entries with outcome accepted");
        d.put("overridden", "feedback entries with outcome overridden on a warning or critical card");
        d.put(
                "dismissed",
                "feedback entries with outcome overridden on an info card: the clinician closed it; "
                        + "nothing was overridden");
        d.put(
                "overrideRate",
                "overridden / (accepted + overridden), for warning and critical cards only: of the "
                        + "cards clinicians answered, the share they overrode; null for info cards and while there is no feedback");
        d.put(
                "overrideRateOfIssued",
                "overridden / issued, for warning and critical cards only: of all cards shown, "
                        + "the share overridden; null for info cards and before any card");
        return java.util.Collections.unmodifiableMap(d);
    }
}
