package org.trdcds.fhirdata;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.LenientErrorHandler;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trdcds.criteria.Dose;

/**
 * A dose in the product's own unit ("0.8 mL") of a contained Medication whose ingredient strength is given
 * (50 mg/mL) is a mg dose, so the dose check and its ceiling (PROTOCOL-v2 s7) see the real amount.
 */
class MedicationStrengthTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private final HapiFactExtractor extractor = new HapiFactExtractor();

    private static String medication(String strength) {
        return """
                {"resourceType":"Medication","id":"med","code":{"text":"Ketamine 50 mg/mL vial"},
                 "ingredient":[{"itemCodeableConcept":{"coding":[{
                   "system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"6130"}]}%s}]}""".formatted(strength.isEmpty() ? "" : ",\"strength\":" + strength);
    }

    private static final String PER_ML = """
            {"numerator":{"value":50,"system":"http://unitsofmeasure.org","code":"mg"},
             "denominator":{"value":1,"system":"http://unitsofmeasure.org","code":"mL"}}""";

    private Dose draftDose(String strength, double value, String unit) {
        Bundle drafts = FHIR.newJsonParser()
                .setParserErrorHandler(new LenientErrorHandler(false))
                .parseResource(Bundle.class, """
                        {"resourceType":"Bundle","type":"collection","entry":[
                         {"resource":{"resourceType":"MedicationRequest","id":"ket-1","status":"draft","intent":"order",
                           "contained":[%s],"medicationReference":{"reference":"#med"},
                           "dosageInstruction":[{"doseAndRate":[{"doseQuantity":{"value":%s,
                             "system":"http://unitsofmeasure.org","code":"%s"}}]}]}}]}""".formatted(medication(strength), value, unit));
        return extractor
                .extract(new PatientDataCollector().build(), drafts, null)
                .draftOrders()
                .get(0)
                .dose();
    }

    @ParameterizedTest
    @CsvSource({"0.8, mL, 40.0, mg", "2, mL, 100.0, mg", "40, mg, 40.0, mg", "1, {vial}, 1.0, {vial}"})
    void aDraftOrderDoseInTheProductUnitIsConvertedByTheIngredientStrength(
            double value, String unit, double mg, String expectedUnit) {
        Dose dose = draftDose(PER_ML, value, unit);
        assertThat(dose.value()).isEqualTo(mg, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(dose.unit()).isEqualTo(expectedUnit);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''",
                "{\"numerator\":{\"value\":50,\"code\":\"mg\"},\"denominator\":{\"value\":0,\"code\":\"mL\"}}",
                "{\"numerator\":{\"value\":5,\"code\":\"%\"},\"denominator\":{\"value\":1,\"code\":\"mL\"}}"
            })
    void withoutAUsableStrengthTheDoseStaysAsOrdered(String strength) {
        Dose dose = draftDose(strength, 2, "mL");
        assertThat(dose.value()).isEqualTo(2.0);
        assertThat(dose.unit()).isEqualTo("mL");
    }

    @ParameterizedTest
    @CsvSource({"0.8, 40.0", "1.6, 80.0"})
    void anAdministrationOfAContainedProductIsConvertedToo(double ml, double mg) {
        MedicationAdministration given = FHIR.newJsonParser()
                .parseResource(MedicationAdministration.class, """
                {"resourceType":"MedicationAdministration","id":"a","status":"completed",
                 "contained":[%s],"medicationReference":{"reference":"#med"},
                 "effectiveDateTime":"2026-11-20T10:00:00Z",
                 "dosage":{"dose":{"value":%s,"system":"http://unitsofmeasure.org","code":"mL"}}}""".formatted(medication(PER_ML), ml));
        PatientDataCollector collector = new PatientDataCollector();
        collector.add(given);
        Dose dose = extractor
                .extract(collector.build(), null, null)
                .medications()
                .get(0)
                .dose();
        assertThat(dose.value()).isEqualTo(mg, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(dose.unit()).isEqualTo("mg");
    }
}
