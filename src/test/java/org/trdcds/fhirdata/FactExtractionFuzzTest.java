package org.trdcds.fhirdata;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.LenientErrorHandler;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.trdcds.criteria.Decision;
import org.trdcds.criteria.Dose;
import org.trdcds.criteria.DraftOrder;
import org.trdcds.criteria.HookKind;
import org.trdcds.criteria.MedicationFact;
import org.trdcds.criteria.PatientFacts;
import org.trdcds.knowledge.Knowledge;
import org.trdcds.knowledge.ProjectKnowledge;

/**
 * Malformed FHIR medication records and draft orders (timing frequency 1.5 / "x" / 2^31, period units such as
 * "fortnight" or null, bogus duration units, unknown dose units, 1e999, negative numbers, as-needed flags, several
 * dosage instructions) through the lenient parser, the extractor and the real decision: never an exception, and every
 * number in the facts is finite or unknown.
 */
class FactExtractionFuzzTest {

    static final FhirContext FHIR = FhirContext.forR4Cached();
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final Knowledge KNOWLEDGE = ProjectKnowledge.get();
    static final Decision DECISION = ProjectKnowledge.decisions().at(Clock.fixed(NOW, ZoneOffset.UTC));
    static final HapiFactExtractor EXTRACTOR = new HapiFactExtractor();

    static final List<String> NUMBERS = List.of(
            "1",
            "3",
            "0",
            "-1",
            "1.5",
            "\"x\"",
            "2147483648",
            "1e999",
            "-1e999",
            "null",
            "0.0000001",
            "150",
            "\"\"",
            "true",
            "{}",
            "[]",
            "9999999999999999999999");
    static final List<String> TIME_UNITS = List.of(
            "\"d\"",
            "\"wk\"",
            "\"h\"",
            "\"min\"",
            "\"s\"",
            "\"mo\"",
            "\"a\"",
            "\"fortnight\"",
            "null",
            "\"\"",
            "1",
            "\"D\"");
    static final List<String> DOSE_UNITS =
            List.of("mg", "g", "ug", "mg/kg", "kg", "{tbl}", "vial", "", "[lb_av]", "mL", "mg/h");
    static final List<String> CODES = List.of("6130", "2119365", "36437", "42347", "321988", "2626", "6470", "x");

    @FuzzTest
    void malformedMedicationRecordsAreUnknownNeverAnError(FuzzedDataProvider data) {
        String resources = medicationRequest(data, "MedicationRequest", "history", "active", data.consumeBoolean())
                + "," + medicationRequest(data, "MedicationStatement", "statement", "completed", false)
                + "," + medicationRequest(data, "MedicationAdministration", "given", "completed", false);
        String record = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[" + resources
                + ",{\"resource\":{\"resourceType\":\"Condition\",\"id\":\"c\",\"code\":{\"coding\":[{\"system\":"
                + "\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"F33.2\"}]},\"subject\":{\"reference\":\"Patient/p\"}}}]}";
        String drafts = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["
                + medicationRequest(data, "MedicationRequest", "draft", "draft", true) + "]}";
        var parser = FHIR.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false).disableAllErrors());
        Bundle bundle;
        Bundle draftBundle;
        try {
            bundle = parser.parseResource(Bundle.class, record);
            draftBundle = parser.parseResource(Bundle.class, drafts);
        } catch (RuntimeException e) {
            return; // not JSON the edge would accept (it answers 400 before the extractor)
        }
        PatientDataCollector collector = new PatientDataCollector();
        collector.add(bundle);
        PatientFacts facts = EXTRACTOR.extract(collector.build(), draftBundle, null);
        for (MedicationFact m : facts.medications()) {
            m.doses().forEach(FactExtractionFuzzTest::finiteOrUnknown);
        }
        for (DraftOrder o : facts.draftOrders()) {
            o.doses().forEach(FactExtractionFuzzTest::finiteOrUnknown);
        }
        assertThat(DECISION.decide(facts, HookKind.SCREENING)).isNotNull();
        assertThat(DECISION.decide(facts, HookKind.ORDER_CHECK)).isNotNull();
    }

    static void finiteOrUnknown(Dose dose) {
        for (Double number : new Double[] {dose.value(), dose.perDay(), dose.durationMinutes()}) {
            assertThat(number == null || (Double.isFinite(number) && number > 0))
                    .as(dose.toString())
                    .isTrue();
        }
    }

    private static String medicationRequest(
            FuzzedDataProvider data, String type, String id, String status, boolean dosageInstruction) {
        StringBuilder dosages = new StringBuilder();
        int count = data.consumeInt(0, 3);
        for (int i = 0; i < count; i++) {
            dosages.append(i == 0 ? "" : ",")
                    .append("{\"timing\":{\"repeat\":{\"frequency\":")
                    .append(data.pickValue(NUMBERS))
                    .append(",\"period\":")
                    .append(data.pickValue(NUMBERS))
                    .append(",\"periodUnit\":")
                    .append(data.pickValue(TIME_UNITS))
                    .append(",\"duration\":")
                    .append(data.pickValue(NUMBERS))
                    .append(",\"durationUnit\":")
                    .append(data.pickValue(TIME_UNITS))
                    .append("}},\"asNeededBoolean\":")
                    .append(data.consumeBoolean())
                    .append(",\"doseAndRate\":[{\"doseQuantity\":{\"value\":")
                    .append(data.pickValue(NUMBERS))
                    .append(",\"system\":\"http://unitsofmeasure.org\",\"code\":\"")
                    .append(data.pickValue(DOSE_UNITS))
                    .append("\"}}]}");
        }
        String medication = "{\"coding\":[{\"system\":\"http://www.nlm.nih.gov/research/umls/rxnorm\",\"code\":\""
                + data.pickValue(CODES) + "\"}]}";
        boolean request = type.equals("MedicationRequest");
        boolean administration = type.equals("MedicationAdministration");
        String dosageField =
                administration ? "" : ",\"" + (request ? "dosageInstruction" : "dosage") + "\":[" + dosages + "]";
        String timeField = request
                ? ",\"intent\":\"order\",\"authoredOn\":\"2026-0" + data.consumeInt(1, 9) + "-01\""
                : ",\"effectiveDateTime\":\"2026-0" + data.consumeInt(1, 9) + "-01\"";
        return "{\"resource\":{\"resourceType\":\"" + type + "\",\"id\":\"" + id + "\",\"status\":\"" + status + "\""
                + ",\"medicationCodeableConcept\":" + medication + ",\"subject\":{\"reference\":\"Patient/p\"}"
                + timeField + dosageField + (dosageInstruction ? "" : "") + "}}";
    }
}
