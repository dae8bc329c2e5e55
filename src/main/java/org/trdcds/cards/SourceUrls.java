package org.trdcds.cards;

import java.util.ArrayList;
import java.util.List;

/**
 * Every card's {@code source.url}: the absolute URL of its topic's section of the protocol page
 * ({@code <base>/protocol#<topic>}), unless its template names a URL of its own. The base is the service's external
 * URL ({@code cds.security.audience-base-url}) or, when that is not set, the URL the request came in on.
 */
public final class SourceUrls {

    /** The protocol page's path inside the application (org.trdcds.pages.ProtocolPage). */
    public static final String PROTOCOL_PATH = "/protocol";

    private SourceUrls() {}

    /** @param baseUrl scheme://host[:port][/prefix], with or without a trailing slash */
    public static String protocolUrl(String baseUrl) {
        return baseUrl.replaceAll("/+$", "") + PROTOCOL_PATH;
    }

    /** The base URL of a request: scheme://host[:port]/contextPath (default ports left out, IPv6 in brackets). */
    public static String base(String scheme, String host, int port, String contextPath) {
        String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        boolean defaultPort =
                port <= 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + h + (defaultPort ? "" : ":" + port) + (contextPath == null ? "" : contextPath);
    }

    /** The cards, each with {@code source.url} = the protocol URL + "#" + its topic when it had no URL. */
    public static List<Card> withProtocolAnchors(List<Card> cards, String protocolUrl) {
        List<Card> linked = new ArrayList<>(cards.size());
        for (Card card : cards) {
            Card.Source source = card.source();
            if (source == null
                    || source.url() != null
                    || source.topic() == null
                    || source.topic().code() == null) {
                linked.add(card);
                continue;
            }
            Card.Source withUrl = new Card.Source(
                    source.label(), protocolUrl + "#" + source.topic().code(), source.icon(), source.topic());
            linked.add(new Card(
                    card.uuid(),
                    card.summary(),
                    card.detail(),
                    card.indicator(),
                    withUrl,
                    card.suggestions(),
                    card.selectionBehavior(),
                    card.overrideReasons(),
                    card.links()));
        }
        return linked;
    }
}
