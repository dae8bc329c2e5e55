package org.trdcds.pages;

import static org.trdcds.pages.Html.esc;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.trdcds.feedback.FeedbackStore;
import org.trdcds.knowledge.CardTemplates;

/**
 * What clinicians did with the cards, for governance (admin only): {@code GET /admin/feedback-summary} as JSON and
 * {@code GET /admin/feedback} as tables with a small chart per topic. Read from the store on every request.
 */
@Controller
public class FeedbackPages {

    private final FeedbackStore store;
    private final List<CardTopic> templates;

    public FeedbackPages(FeedbackStore store, CardTemplates cardTemplates) {
        this.store = store;
        this.templates = CardTopic.all(cardTemplates);
    }

    @GetMapping(path = "/admin/feedback-summary", produces = "application/json")
    @ResponseBody
    public FeedbackReport summary() {
        return FeedbackReport.of(store.summary(), templates);
    }

    @GetMapping(path = "/admin/feedback", produces = Html.CONTENT_TYPE)
    @ResponseBody
    public String page() {
        return html(summary(), templates);
    }

    /** The report's topics, then every other template's topic with zeros (governance sees what never fired). */
    static String html(FeedbackReport report, List<CardTopic> templates) {
        List<FeedbackReport.TopicReport> rows = new java.util.ArrayList<>(report.topics());
        for (CardTopic t : templates) {
            if (rows.stream().noneMatch(r -> t.code().equals(r.topic()))) {
                rows.add(new FeedbackReport.TopicReport(
                        t.code(), t.display(), t.indicator(), 0, 0, 0, 0, null, null, List.of()));
            }
        }
        StringBuilder out = new StringBuilder("<h1>Card feedback</h1><p>What clinicians did with the cards the "
                + "service issued. The override rate counts warning and critical cards only; closing an info card "
                + "is counted as a dismissal. The same figures as JSON: <a href=\"/admin/feedback-summary\">"
                + "/admin/feedback-summary</a>.</p>");
        if (report.topics().isEmpty()) {
            out.append("<p id=\"no-feedback\">No card has been issued yet.</p>");
        }
        if (!rows.isEmpty()) {
            out.append("<table id=\"feedback-topics\"><tr><th>Topic</th><th>Indicator</th><th>Issued</th>"
                    + "<th>Accepted</th><th>Overridden</th><th>Dismissed (info)</th><th>Override rate</th>"
                    + "<th>Top override reasons</th><th>Chart</th></tr>");
            for (FeedbackReport.TopicReport t : rows) {
                out.append("<tr id=\"fb-")
                        .append(esc(t.topic()))
                        .append("\"><td>")
                        .append(esc(t.display()))
                        .append("<br><code>")
                        .append(esc(t.topic()))
                        .append("</code></td><td>")
                        .append(esc(t.indicator() == null ? "—" : t.indicator()))
                        .append("</td><td class=\"n\">")
                        .append(t.issued())
                        .append("</td><td class=\"n\">")
                        .append(t.accepted())
                        .append("</td><td class=\"n\">")
                        .append(t.overridden())
                        .append("</td><td class=\"n\">")
                        .append(t.dismissed())
                        .append("</td><td class=\"n rate\">")
                        .append(rate(t.overrideRate()))
                        .append("</td><td>");
                t.topOverrideReasons()
                        .forEach(r -> out.append(esc(r.display()))
                                .append(" (")
                                .append(r.count())
                                .append(")<br>"));
                out.append("</td><td>")
                        .append(
                                t.issued() + t.accepted() + t.overridden() + t.dismissed() == 0
                                        ? "<span class=\"muted\">no cards yet</span>"
                                        : chart(t))
                        .append("</td></tr>");
            }
            out.append("</table>");
        }
        out.append("<h2>Definitions</h2><dl>");
        report.definitions()
                .forEach((name, meaning) -> out.append("<dt><code>")
                        .append(esc(name))
                        .append("</code></dt><dd>")
                        .append(esc(meaning))
                        .append("</dd>"));
        out.append("</dl>");
        return Html.page("Card feedback", out.toString());
    }

    static String rate(Double rate) {
        return rate == null ? "—" : String.format(Locale.ROOT, "%.0f%%", rate * 100);
    }

    /** Horizontal bars: issued, accepted, overridden or dismissed, scaled to the topic's issued count. */
    static String chart(FeedbackReport.TopicReport t) {
        long max = Math.max(1, Math.max(t.issued(), t.accepted() + t.overridden() + t.dismissed()));
        String[][] bars = {
            {"issued", String.valueOf(t.issued()), "#7a8599"},
            {"accepted", String.valueOf(t.accepted()), "#2f855a"},
            {
                t.dismissed() > 0 ? "dismissed" : "overridden",
                String.valueOf(t.dismissed() > 0 ? t.dismissed() : t.overridden()),
                "#c05621"
            }
        };
        StringBuilder svg = new StringBuilder("<svg class=\"chart\" role=\"img\" width=\"230\" height=\"58\" "
                        + "viewBox=\"0 0 230 58\" xmlns=\"http://www.w3.org/2000/svg\"><title>")
                .append(esc(t.topic()))
                .append(": issued ")
                .append(t.issued())
                .append(", accepted ")
                .append(t.accepted())
                .append(", overridden ")
                .append(t.overridden())
                .append(", dismissed ")
                .append(t.dismissed())
                .append("</title>");
        for (int i = 0; i < bars.length; i++) {
            long n = Long.parseLong(bars[i][1]);
            int width = (int) Math.round(130.0 * n / max);
            int y = 2 + i * 19;
            svg.append("<text x=\"0\" y=\"")
                    .append(y + 12)
                    .append("\" font-size=\"11\">")
                    .append(bars[i][0])
                    .append("</text><rect x=\"70\" y=\"")
                    .append(y)
                    .append("\" width=\"")
                    .append(Math.max(width, 1))
                    .append("\" height=\"15\" fill=\"")
                    .append(bars[i][2])
                    .append("\"/><text x=\"")
                    .append(74 + width)
                    .append("\" y=\"")
                    .append(y + 12)
                    .append("\" font-size=\"11\">")
                    .append(n)
                    .append("</text>");
        }
        return svg.append("</svg>").toString();
    }
}
