package org.trdcds.pages;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.junit.jupiter.api.Test;
import org.trdcds.knowledge.ProjectKnowledge;

/**
 * PROTOCOL-v3 F: the protocol page says for each topic when it fires (the card-topics definitions) and at which
 * indicators (a dose check that can be critical is not labelled warning alone), and shows no empty placeholder.
 */
class ProtocolPageCardsTest {

    static final FhirContext FHIR = FhirContext.forR4Cached();

    @Test
    void everyTopicSaysWhenItFiresAndEveryIndicatorItCanHave() {
        String html = ProtocolPage.build(ProjectKnowledge.loaded());

        for (CardTopic topic : CardTopic.all(ProjectKnowledge.loaded().templates())) {
            String section = html.substring(html.indexOf("id=\"" + topic.code() + "\"><h3>"));
            section = section.substring(0, section.indexOf("</section>"));
            assertThat(section).as(topic.code()).contains("Fires when: ").doesNotContain("{{", "()");
        }
        String dose = html.substring(html.indexOf("id=\"ketamine-dose-check\"><h3>"));
        assertThat(dose.substring(0, dose.indexOf("</h3>"))).contains("warning or critical");
        String esketamine = html.substring(html.indexOf("id=\"esketamine-dose-check\"><h3>"));
        assertThat(esketamine.substring(0, esketamine.indexOf("</h3>"))).contains("warning or critical");
        String pregnancy = html.substring(html.indexOf("id=\"contraindication-pregnancy\"><h3>"));
        assertThat(pregnancy.substring(0, pregnancy.indexOf("</h3>"))).contains("critical or warning");
    }
}
