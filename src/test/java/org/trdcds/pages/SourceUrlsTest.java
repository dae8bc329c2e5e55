package org.trdcds.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trdcds.cards.Card;
import org.trdcds.cards.SourceUrls;

/** Every card's source.url: its topic's anchor on the protocol page, from the external base URL or the request. */
class SourceUrlsTest {

    static Card card(String topic, String url) {
        return new Card(
                "u",
                "s",
                null,
                "info",
                new Card.Source("label", url, null, topic == null ? null : new Card.Coding("system", topic, null)),
                null,
                null,
                null,
                null);
    }

    @Test
    void theBaseOfARequestLeavesOutDefaultPortsAndBracketsIpv6() {
        assertThat(SourceUrls.base("http", "localhost", 8080, "")).isEqualTo("http://localhost:8080");
        assertThat(SourceUrls.base("https", "cds.example.org", 443, "/trd")).isEqualTo("https://cds.example.org/trd");
        assertThat(SourceUrls.base("http", "0:0:0:0:0:0:0:1", 80, "")).isEqualTo("http://[0:0:0:0:0:0:0:1]");
        assertThat(SourceUrls.protocolUrl("https://cds.example.org/trd/"))
                .isEqualTo("https://cds.example.org/trd/protocol");
    }

    @Test
    void cardsGetTheirTopicsAnchorUnlessTheirTemplateNamesAUrl() {
        List<Card> cards = SourceUrls.withProtocolAnchors(
                List.of(
                        card("weight-missing", null),
                        card("combination-candidate", "https://example.org/own"),
                        card(null, null)),
                "https://cds.example.org/protocol");

        assertThat(cards)
                .extracting(c -> c.source().url())
                .containsExactly("https://cds.example.org/protocol#weight-missing", "https://example.org/own", null);
    }
}
