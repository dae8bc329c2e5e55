package org.trdcds.pages;

import static org.trdcds.pages.Html.esc;

import org.trdcds.cards.Card;

/**
 * One CDS Hooks card as an EHR shows it: indicator, summary, the detail's Markdown as HTML (raw HTML escaped), the
 * source link, the links, the suggestions as buttons with their actions, and the override reasons offered on
 * dismissal.
 */
final class CardHtml {

    private CardHtml() {}

    static String of(Card card) {
        String indicator = card.indicator() == null ? "" : card.indicator();
        StringBuilder out = new StringBuilder("<div class=\"card ")
                .append(esc(indicator))
                .append("\" data-topic=\"")
                .append(esc(topic(card)))
                .append("\"><p><span class=\"badge ")
                .append(esc(indicator))
                .append("\">")
                .append(esc(indicator))
                .append("</span> <span class=\"summary\">")
                .append(esc(card.summary()))
                .append("</span></p><div class=\"detail\">")
                .append(Markdown.html(card.detail()))
                .append("</div>");
        if (card.source() != null) {
            out.append("<p class=\"source\">Source: ")
                    .append(Html.link(card.source().url(), card.source().label()))
                    .append("</p>");
        }
        if (card.links() != null && !card.links().isEmpty()) {
            out.append("<p class=\"links\">");
            card.links().forEach(l -> out.append(Html.link(l.url(), l.label())).append("<br>"));
            out.append("</p>");
        }
        if (card.suggestions() != null && !card.suggestions().isEmpty()) {
            out.append("<div class=\"suggestions\">");
            for (Card.Suggestion s : card.suggestions()) {
                out.append("<button type=\"button\" disabled>")
                        .append(esc(s.label()))
                        .append(Boolean.TRUE.equals(s.isRecommended()) ? " (recommended)" : "")
                        .append("</button>");
                if (s.actions() != null) {
                    s.actions()
                            .forEach(a -> out.append("<span class=\"muted\">")
                                    .append(esc(a.type()))
                                    .append(": ")
                                    .append(esc(a.description()))
                                    .append("</span> "));
                }
            }
            out.append("</div>");
        }
        if (card.overrideReasons() != null && !card.overrideReasons().isEmpty()) {
            out.append("<details class=\"override\"><summary>Dismiss with a reason</summary><ul>");
            card.overrideReasons()
                    .forEach(r -> out.append("<li>").append(esc(r.display())).append("</li>"));
            out.append("</ul></details>");
        }
        return out.append("</div>").toString();
    }

    static String topic(Card card) {
        return card.source() == null || card.source().topic() == null
                ? ""
                : card.source().topic().code();
    }
}
