package org.trdcds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** PROTOCOL-v3 F: the dose suggestion never leaves "100 mg" in the order's free text beside a 36 mg dose. */
class DoseTextTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyFreeTextDoseOfTheOrderIsRewritten() throws Exception {
        ObjectNode order = (ObjectNode) JSON.readTree("""
                {"resourceType": "MedicationRequest", "medicationCodeableConcept": {"text": "ketamine 100mg in 100 mL"},
                 "dosageInstruction": [{"text": "100 mg IV over 40 minutes", "patientInstruction": "100.0 mg"},
                                       {"text": "then 1100 mg never; 100 mg/kg is not a dose"}],
                 "note": [{"text": "check 100 mg"}]}""");
        DoseText.rewrite(order, 100.0, 36.0);
        String text = order.toString();
        assertThat(order.at("/medicationCodeableConcept/text").asText()).isEqualTo("ketamine 36 mg in 100 mL");
        assertThat(order.at("/dosageInstruction/0/text").asText()).isEqualTo("36 mg IV over 40 minutes");
        assertThat(order.at("/dosageInstruction/0/patientInstruction").asText()).isEqualTo("36 mg");
        assertThat(order.at("/dosageInstruction/1/text").asText()).contains("1100 mg", "100 mg/kg");
        assertThat(order.at("/note/0/text").asText()).isEqualTo("check 36 mg");
        assertThat(text).doesNotContain("100mg", "100 mg IV");
    }

    @Test
    void anUnknownDoseChangesNothing() throws Exception {
        ObjectNode order = (ObjectNode) JSON.readTree("{\"dosageInstruction\": [{\"text\": \"100 mg\"}]}");
        DoseText.rewrite(order, null, 36.0);
        assertThat(order.at("/dosageInstruction/0/text").asText()).isEqualTo("100 mg");
    }

    @Test
    void aLongSummaryIsCutBetweenWordsNeverInsideOne() {
        String long1 =
                "Do not start ketamine: " + "hypertensive crisis I16.0 (Hypertensive urgency, unspecified) ".repeat(4);
        String summary = TemplateCardRenderer.summary(long1);
        assertThat(summary).hasSizeLessThan(140).endsWith("…");
        String body = summary.substring(0, summary.length() - 1);
        assertThat(long1).startsWith(body);
        assertThat(long1.charAt(body.length())).isIn(' ', '(');
        assertThat(body).doesNotEndWith("(");
    }
}
