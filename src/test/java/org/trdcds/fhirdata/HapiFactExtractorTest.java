package org.trdcds.fhirdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trdcds.criteria.Code;
import org.trdcds.criteria.Dose;
import org.trdcds.criteria.DraftOrder;
import org.trdcds.criteria.MedicationFact;
import org.trdcds.criteria.ObservationFact;
import org.trdcds.criteria.PatientFacts;

class HapiFactExtractorTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private final HapiFactExtractor extractor = new HapiFactExtractor();

    private static IParser lenientParser() {
        return FHIR.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
    }

    private static <T extends Resource> T parse(Class<T> type, String json) {
        return lenientParser().parseResource(type, json);
    }

    private PatientFacts extract(Resource... resources) {
        PatientDataCollector collector = new PatientDataCollector();
        for (Resource resource : resources) {
            collector.add(resource);
        }
        return extractor.extract(collector.build(), null, null);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Nested
    class Doses {

        private Dose dose(String dosage) {
            MedicationStatement statement = parse(MedicationStatement.class, """
                    {"resourceType":"MedicationStatement","id":"ms","status":"active",
                     "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"36437"}]},
                     "dosage":[%s]}""".formatted(dosage));
            return extract(statement).medications().get(0).dose();
        }

        @ParameterizedTest(name = "{0} per {1} {2} -> {3} a day")
        @CsvSource({
            "1, 1, d, 1.0",
            "2, 1, d, 2.0",
            "3, 1, wk, 0.428571",
            "1, 12, h, 2.0",
            "1, 8, h, 3.0",
            "1, 2, d, 0.5",
            "1, 1, mo, 0.032854",
            "1, 1, a, 0.002738",
            "1, 30, min, 48.0"
        })
        void frequencyPerPeriodIsNormalisedToADay(int frequency, double period, String unit, double perDay) {
            Dose dose = dose("""
                    {"timing":{"repeat":{"frequency":%d,"period":%s,"periodUnit":"%s"}}}""".formatted(frequency, period, unit));
            assertThat(dose.perDay()).isCloseTo(perDay, within(1e-6));
        }

        @Test
        void frequencyMaxStandsInForAMissingFrequency() {
            assertThat(dose("""
                    {"timing":{"repeat":{"frequencyMax":2,"period":1,"periodUnit":"d"}}}""").perDay()).isEqualTo(2.0);
        }

        @ParameterizedTest(name = "timing.code {0} -> {1} a day")
        @CsvSource({
            "QD, 1.0",
            "BID, 2.0",
            "TID, 3.0",
            "QID, 4.0",
            "QOD, 0.5",
            "Q4H, 6.0",
            "Q6H, 4.0",
            "Q8H, 3.0",
            "Q12H, 2.0",
            "AM, 1.0",
            "PM, 1.0",
            "bid, 2.0"
        })
        void timingAbbreviationGivesTheRate(String code, double perDay) {
            Dose dose = dose("""
                    {"timing":{"code":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation","code":"%s"}]}}}""".formatted(code));
            assertThat(dose.perDay()).isEqualTo(perDay);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "no timing | {\"text\":\"as directed\"}",
                    "frequency without period | {\"timing\":{\"repeat\":{\"frequency\":2}}}",
                    "unknown abbreviation | {\"timing\":{\"code\":{\"coding\":[{\"code\":\"XYZ\"}]}}}"
                })
        void unusableTimingHasNoRate(String name, String dosage) {
            assertThat(dose(dosage).perDay()).isNull();
        }

        @ParameterizedTest(name = "{0} {1} -> {2} min")
        @CsvSource({"40, min, 40.0", "1, h, 60.0", "90, s, 1.5"})
        void durationIsInMinutes(double duration, String unit, double minutes) {
            Dose dose = dose("""
                    {"timing":{"repeat":{"duration":%s,"durationUnit":"%s"}}}""".formatted(duration, unit));
            assertThat(dose.durationMinutes()).isEqualTo(minutes);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "UCUM code | {\"value\":150,\"unit\":\"milligram\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mg\"} | 150.0 | mg",
                    "annotation code | {\"value\":1,\"system\":\"http://unitsofmeasure.org\",\"code\":\"{pill}\"} | 1.0 | {pill}",
                    "unit text only | {\"value\":2,\"unit\":\"Tablet\"} | 2.0 | tablet",
                    "non-UCUM code | {\"value\":2,\"unit\":\"TAB\",\"system\":\"http://snomed.info/sct\",\"code\":\"385055001\"} | 2.0 | tab"
                })
        void doseQuantityKeepsValueAndUnit(String name, String quantity, double value, String unit) {
            Dose dose = dose("""
                    {"doseAndRate":[{"doseQuantity":%s}]}""".formatted(quantity));
            assertThat(dose.value()).isEqualTo(value);
            assertThat(dose.unit()).isEqualTo(unit);
        }
    }

    @Nested
    class MedicationPeriods {

        @Test
        void statementPeriodGivesStartAndEnd() {
            MedicationFact fact =
                    extract(parse(MedicationStatement.class, """
                    {"resourceType":"MedicationStatement","id":"ms-1","status":"completed",
                     "medicationCodeableConcept":{"text":"sertraline"},
                     "effectivePeriod":{"start":"2025-10-23T04:22:50Z","end":"2026-01-31"}}""")).medications().get(0);
            assertThat(fact.ref()).isEqualTo("MedicationStatement/ms-1");
            assertThat(fact.start()).isEqualTo(at("2025-10-23T04:22:50Z"));
            assertThat(fact.end()).isEqualTo(at("2026-01-31T23:59:59.999Z")); // v3 F: a date-only end is the whole day
            assertThat(fact.status()).isEqualTo("completed");
            assertThat(fact.dose()).isNull();
        }

        @Test
        void statementDateTimeIsOnlyTheStart() {
            MedicationFact fact =
                    extract(parse(MedicationStatement.class, """
                    {"resourceType":"MedicationStatement","id":"ms-2","status":"active",
                     "medicationCodeableConcept":{"text":"bupropion"},"effectiveDateTime":"2026-11-07"}""")).medications().get(0);
            assertThat(fact.start()).isEqualTo(at("2026-11-07T00:00:00Z"));
            assertThat(fact.end()).isNull();
        }

        @Test
        void requestStartsWhenAuthoredAndEndsAtTheValidityEnd() {
            MedicationFact fact =
                    extract(parse(MedicationRequest.class, """
                    {"resourceType":"MedicationRequest","id":"mr-1","status":"active","intent":"order",
                     "medicationCodeableConcept":{"text":"escitalopram"},"authoredOn":"2026-01-01",
                     "dispenseRequest":{"validityPeriod":{"start":"2026-02-01T10:00:00+02:00","end":"2026-05-01"}}}""")).medications().get(0);
            // v2 (PROTOCOL section 1): start = authoredOn, else validityPeriod.start (v1 preferred the validity start)
            assertThat(fact.start()).isEqualTo(at("2026-01-01T00:00:00Z"));
            assertThat(fact.end()).isEqualTo(at("2026-05-01T23:59:59.999Z")); // v3 F: a date-only end is the whole day
        }

        @Test
        void requestWithoutValidityPeriodStartsWhenAuthored() {
            MedicationFact fact =
                    extract(parse(MedicationRequest.class, """
                    {"resourceType":"MedicationRequest","id":"mr-2","status":"active","intent":"order",
                     "medicationCodeableConcept":{"text":"escitalopram"},"authoredOn":"2017-05-01T06:59:02+00:00"}""")).medications().get(0);
            assertThat(fact.start()).isEqualTo(at("2017-05-01T06:59:02Z"));
            assertThat(fact.end()).isNull();
        }

        @Test
        void containedMedicationGivesTheCodes() {
            MedicationFact fact =
                    extract(parse(MedicationRequest.class, """
                    {"resourceType":"MedicationRequest","id":"mr-3","status":"active","intent":"order",
                     "contained":[{"resourceType":"Medication","id":"med","code":{"coding":[
                       {"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"312941","display":"sertraline 50 MG Oral Tablet"}]}}],
                     "medicationReference":{"reference":"#med"}}""")).medications().get(0);
            assertThat(fact.codes())
                    .containsExactly(new Code(
                            "http://www.nlm.nih.gov/research/umls/rxnorm", "312941", "sertraline 50 MG Oral Tablet"));
            assertThat(fact.text()).isEqualTo("sertraline 50 MG Oral Tablet");
        }

        @Test
        void enteredInErrorRecordsAreDropped() {
            PatientFacts facts = extract(
                    parse(MedicationStatement.class, """
                            {"resourceType":"MedicationStatement","id":"ms-x","status":"entered-in-error","medicationCodeableConcept":{"text":"x"}}"""),
                    parse(MedicationRequest.class, """
                            {"resourceType":"MedicationRequest","id":"mr-x","status":"entered-in-error","intent":"order","medicationCodeableConcept":{"text":"x"}}"""),
                    parse(MedicationRequest.class, """
                            {"resourceType":"MedicationRequest","id":"mr-ok","status":"stopped","intent":"order","medicationCodeableConcept":{"text":"y"}}"""));
            assertThat(facts.medications()).extracting(MedicationFact::ref).containsExactly("MedicationRequest/mr-ok");
        }
    }

    @Nested
    class Observations {

        private ObservationFact observation(String fields) {
            List<ObservationFact> facts =
                    extract(parse(Observation.class, """
                    {"resourceType":"Observation","id":"obs","status":"final",
                     "code":{"coding":[{"system":"http://loinc.org","code":"44261-6"}]},%s}""".formatted(fields))).observations();
            return facts.isEmpty() ? null : facts.get(0);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(
                delimiter = '|',
                nullValues = "null",
                value = {
                    "\"valueString\":\"12\" | 12.0",
                    "\"valueString\":\" 7 \" | 7.0",
                    "\"valueString\":\"12.5\" | 12.5",
                    "\"valueString\":\"moderate\" | null",
                    "\"valueInteger\":21 | 21.0",
                    "\"valueQuantity\":{\"value\":21,\"system\":\"http://unitsofmeasure.org\",\"code\":\"{score}\"} | 21.0"
                })
        void scoreIsReadFromEveryNumericValueType(String value, Double expected) {
            assertThat(observation(value).value()).isEqualTo(expected);
        }

        @Test
        void answerCodesAreKeptAsCodes() {
            ObservationFact fact = observation("""
                    "valueCodeableConcept":{"coding":[{"system":"http://loinc.org","code":"LA6569-3","display":"Several days"}]}""");
            assertThat(fact.value()).isNull();
            assertThat(fact.valueCodes()).containsExactly(new Code("http://loinc.org", "LA6569-3", "Several days"));
        }

        @Test
        void bloodPressureComponentsAreRead() {
            ObservationFact fact = observation("""
                    "effectiveDateTime":"2026-11-20T09:00:00Z","component":[
                     {"code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},"valueQuantity":{"value":152,"system":"http://unitsofmeasure.org","code":"mm[Hg]"}},
                     {"code":{"coding":[{"system":"http://loinc.org","code":"8462-4"}]},"valueQuantity":{"value":96,"unit":"mmHg"}}]""");
            assertThat(fact.components())
                    .containsExactly(
                            new ObservationFact.Component(
                                    List.of(new Code("http://loinc.org", "8480-6")), 152.0, "mm[Hg]"),
                            new ObservationFact.Component(
                                    List.of(new Code("http://loinc.org", "8462-4")), 96.0, "mmhg"));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "effectiveDateTime with zone | \"effectiveDateTime\":\"2026-03-01T10:15:00-05:00\" | 2026-03-01T15:15:00Z",
                    "date only | \"effectiveDateTime\":\"2026-03-01\" | 2026-03-01T00:00:00Z",
                    "period start | \"effectivePeriod\":{\"start\":\"2026-03-02T08:00:00Z\"} | 2026-03-02T08:00:00Z",
                    "issued | \"issued\":\"2026-03-03T08:00:00.000Z\" | 2026-03-03T08:00:00Z"
                })
        void effectiveTimeIsFound(String name, String fields, String expected) {
            assertThat(observation(fields).effective()).isEqualTo(at(expected));
        }

        @ParameterizedTest
        @CsvSource({"entered-in-error", "cancelled"})
        void voidObservationsAreDropped(String status) {
            assertThat(extract(parse(Observation.class, """
                    {"resourceType":"Observation","id":"obs","status":"%s","code":{"text":"x"},"valueInteger":3}""".formatted(status))).observations())
                    .isEmpty();
        }
    }

    @Nested
    class ConditionsAndProcedures {

        @ParameterizedTest
        @CsvSource({"confirmed, 1", "entered-in-error, 0", "refuted, 0", "provisional, 1"})
        void onlyPlausibleConditionsAreKept(String verification, int kept) {
            PatientFacts facts = extract(parse(Condition.class, """
                    {"resourceType":"Condition","id":"c","clinicalStatus":{"coding":[{"code":"active"}]},
                     "verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-ver-status","code":"%s"}]},
                     "code":{"coding":[{"system":"http://snomed.info/sct","code":"370143000"}]},
                     "onsetDateTime":"2016-07-05","abatementDateTime":"2020-01-01T12:00:00Z"}""".formatted(verification)));
            assertThat(facts.conditions()).hasSize(kept);
            facts.conditions().forEach(condition -> {
                assertThat(condition.clinicalStatus()).isEqualTo("active");
                assertThat(condition.onset()).isEqualTo(at("2016-07-05T00:00:00Z"));
                assertThat(condition.abatement()).isEqualTo(at("2020-01-01T12:00:00Z"));
            });
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                nullValues = "null",
                value = {
                    "course | in-progress | \"performedPeriod\":{\"start\":\"2026-10-01\"} | 2026-10-01T00:00:00Z | null",
                    "session | completed | \"performedDateTime\":\"2026-10-02T09:00:00Z\" | 2026-10-02T09:00:00Z | 2026-10-02T09:00:00Z",
                    "planned | preparation | \"performedDateTime\":\"2026-10-03T09:00:00Z\" | 2026-10-03T09:00:00Z | null"
                })
        void procedurePeriods(String name, String status, String performed, String start, String end) {
            var fact = extract(parse(Procedure.class, """
                    {"resourceType":"Procedure","id":"p","status":"%s","code":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"90868"}]},%s}""".formatted(status, performed)))
                    .procedures()
                    .get(0);
            assertThat(fact.start()).isEqualTo(at(start));
            assertThat(fact.end()).isEqualTo(end == null ? null : at(end));
            assertThat(fact.codes()).extracting(Code::code).containsExactly("90868");
        }

        @Test
        void patientGivesIdAndBirthDate() {
            PatientFacts facts = extract(parse(Patient.class, """
                    {"resourceType":"Patient","id":"p-cand","birthDate":"1979-03-14"}"""));
            assertThat(facts.patientId()).isEqualTo("p-cand");
            assertThat(facts.birthDate()).hasToString("1979-03-14");
            assertThat(facts.unavailable()).isEmpty();
        }
    }

    @Nested
    class DraftOrders {

        private static final Path SANDBOX_ORDER_SELECT = Path.of(
                "src/test/resources/fixtures/cds-hooks-examples/sandbox-captured/order-select-request-fluoxetine.json");

        private static String sandboxDraftOrders() throws IOException {
            return new ObjectMapper()
                    .readTree(Files.readString(SANDBOX_ORDER_SELECT))
                    .at("/context/draftOrders")
                    .toString();
        }

        @Test
        void sandboxDraftWithSingleObjectArraysIsReadLeniently() throws IOException {
            Bundle drafts = lenientParser().parseResource(Bundle.class, sandboxDraftOrders());

            List<DraftOrder> orders = extractor
                    .extract(new PatientDataCollector().build(), drafts, List.of("MedicationRequest/request-123"))
                    .draftOrders();

            assertThat(orders).singleElement().satisfies(order -> {
                assertThat(order.ref()).isEqualTo("MedicationRequest/request-123");
                assertThat(order.resourceType()).isEqualTo("MedicationRequest");
                assertThat(order.codes()).extracting(Code::code).containsExactly("310385");
                assertThat(order.text()).isEqualTo("Fluoxetine 20 MG Oral Capsule");
                assertThat(order.dose()).isEqualTo(new Dose(1.0, "{pill}", 1.0, null));
                assertThat(order.selected()).isTrue();
            });
            MedicationRequest request =
                    (MedicationRequest) drafts.getEntryFirstRep().getResource();
            assertThat(request.getCategoryFirstRep().getCodingFirstRep().getCode())
                    .isEqualTo("community");
        }

        @Test
        void sandboxDraftIsInvalidR4ForAStrictParser() {
            assertThatThrownBy(() -> FHIR.newJsonParser()
                            .setParserErrorHandler(new StrictErrorHandler())
                            .parseResource(Bundle.class, sandboxDraftOrders()))
                    .isInstanceOf(DataFormatException.class);
        }

        @ParameterizedTest(name = "selections {0}")
        @CsvSource(
                delimiter = '|',
                nullValues = "null",
                value = {
                    "null | true | true",
                    "MedicationRequest/ket-1 | true | false",
                    "ServiceRequest/tms-1 | false | true"
                })
        void selectionMarksOrders(String selection, boolean ketamineSelected, boolean tmsSelected) {
            Bundle drafts = lenientParser().parseResource(Bundle.class, """
                    {"resourceType":"Bundle","type":"collection","entry":[
                     {"resource":{"resourceType":"MedicationRequest","id":"ket-1","status":"draft","intent":"order",
                       "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"6130"}]}}},
                     {"resource":{"resourceType":"ServiceRequest","id":"tms-1","status":"draft","intent":"order",
                       "code":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"90867","display":"TMS initial"}]}}}]}""");

            List<DraftOrder> orders = extractor
                    .extract(new PatientDataCollector().build(), drafts, selection == null ? null : List.of(selection))
                    .draftOrders();

            assertThat(orders)
                    .extracting(DraftOrder::ref, DraftOrder::selected)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("MedicationRequest/ket-1", ketamineSelected),
                            org.assertj.core.groups.Tuple.tuple("ServiceRequest/tms-1", tmsSelected));
            assertThat(orders.get(1).codes()).extracting(Code::code).containsExactly("90867");
            assertThat(orders.get(1).text()).isEqualTo("TMS initial");
            assertThat(orders.get(1).dose()).isNull();
        }
    }

    @Nested
    class Version2 {

        /** The service's parser: lenient, invalid values kept as unknown (FhirConfiguration). */
        private MedicationFact request(String dosageInstructions) {
            return extract(FHIR.newJsonParser()
                            .setParserErrorHandler(new LenientErrorHandler(false).disableAllErrors())
                            .parseResource(MedicationRequest.class, """
                    {"resourceType":"MedicationRequest","id":"m","status":"active","intent":"order",
                     "authoredOn":"2026-01-01","medicationCodeableConcept":{"coding":[{
                       "system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"36437"}]},
                     "dosageInstruction":%s}""".formatted(dosageInstructions)))
                    .medications()
                    .get(0);
        }

        @ParameterizedTest(name = "frequency {0} per {1} {2}, duration {3} {4}, dose {5} {6} -> unknown, no exception")
        @CsvSource(
                delimiter = '|',
                value = {
                    "1.5 | 1 | \"d\" | 40 | \"min\" | 50 | mg",
                    "\"x\" | 1 | \"d\" | 40 | \"min\" | 50 | mg",
                    "2147483648 | 1 | \"d\" | 40 | \"min\" | 50 | mg",
                    "1 | 1 | \"fortnight\" | 40 | \"bogus\" | 50 | mg",
                    "1 | 1 | null | 40 | null | 50 | mg",
                    "1 | 0 | \"d\" | -40 | \"min\" | 1e999 | mg",
                    "1 | 1e999 | \"d\" | 1e999 | \"min\" | -5 | mg"
                })
        void malformedTimingAndNumbersAreUnknown(
                String frequency,
                String period,
                String periodUnit,
                String duration,
                String durationUnit,
                String value,
                String unit) {
            MedicationFact fact =
                    request("""
                    [{"timing":{"repeat":{"frequency":%s,"period":%s,"periodUnit":%s,"duration":%s,"durationUnit":%s}},
                      "doseAndRate":[{"doseQuantity":{"value":%s,"system":"http://unitsofmeasure.org","code":"%s"}}]}]""".formatted(frequency, period, periodUnit, duration, durationUnit, value, unit));
            Dose dose = fact.dose();
            boolean anyUnknown = dose.perDay() == null || dose.durationMinutes() == null || dose.value() == null;
            assertThat(anyUnknown).as(dose.toString()).isTrue();
            for (Double number : new Double[] {dose.value(), dose.perDay(), dose.durationMinutes()}) {
                assertThat(number == null || (Double.isFinite(number) && number > 0))
                        .as(dose.toString())
                        .isTrue();
            }
        }

        @Test
        void everyDosageInstructionIsReadAndAsNeededIsMarked() {
            MedicationFact fact = request("""
                    [{"timing":{"repeat":{"frequency":1,"period":1,"periodUnit":"d"}},
                      "doseAndRate":[{"doseQuantity":{"value":100,"system":"http://unitsofmeasure.org","code":"mg"}}]},
                     {"timing":{"repeat":{"frequency":1,"period":1,"periodUnit":"d"}},
                      "doseAndRate":[{"doseQuantity":{"value":50,"system":"http://unitsofmeasure.org","code":"mg"}}]},
                     {"asNeededBoolean":true,"timing":{"repeat":{"frequency":1,"period":1,"periodUnit":"d"}},
                      "doseAndRate":[{"doseQuantity":{"value":50,"system":"http://unitsofmeasure.org","code":"mg"}}]}]""");
            assertThat(fact.doses()).hasSize(3).extracting(Dose::asNeeded).containsExactly(false, false, true);
        }

        @ParameterizedTest(name = "intent {0}, status {1} -> kept {2}")
        @CsvSource({
            "order, active, true",
            "plan, active, false",
            "proposal, active, false",
            "order, draft, false",
            "order, cancelled, false",
            "order, completed, true"
        })
        void requestsNeverTakenAreDropped(String intent, String status, boolean kept) {
            PatientFacts facts = extract(parse(MedicationRequest.class, """
                    {"resourceType":"MedicationRequest","id":"m","status":"%s","intent":"%s","authoredOn":"2026-01-01",
                     "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm",
                     "code":"36437"}]}}""".formatted(status, intent)));
            assertThat(facts.medications().isEmpty()).isEqualTo(!kept);
        }

        @Test
        void aContainedMedicationGivesItsIngredientAndTheReasonIsRead() {
            Bundle drafts = lenientParser().parseResource(Bundle.class, """
                    {"resourceType":"Bundle","type":"collection","entry":[
                     {"resource":{"resourceType":"MedicationRequest","id":"ket-1","status":"draft","intent":"order",
                       "contained":[{"resourceType":"Medication","id":"med","code":{"text":"Ketamine 50 mg/mL vial"},
                         "ingredient":[{"itemCodeableConcept":{"coding":[{
                           "system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"6130"}]}}]}],
                       "medicationReference":{"reference":"#med"},
                       "reasonCode":[{"coding":[{"system":"http://snomed.info/sct","code":"22253000","display":"Pain"}]}]}}]}""");
            DraftOrder order = extractor
                    .extract(new PatientDataCollector().build(), drafts, null)
                    .draftOrders()
                    .get(0);
            assertThat(order.codes()).extracting(Code::code).contains("6130");
            assertThat(order.text()).isEqualTo("Ketamine 50 mg/mL vial");
            assertThat(order.reasons()).extracting(Code::code).containsExactly("22253000");
        }

        @Test
        void administrationsAreSessionsAndRequestEndsFollowTheSupply() {
            PatientFacts facts = extract(
                    parse(org.hl7.fhir.r4.model.MedicationAdministration.class, """
                    {"resourceType":"MedicationAdministration","id":"a","status":"completed",
                     "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"6130"}]},
                     "effectivePeriod":{"start":"2026-11-20T10:00:00Z","end":"2026-11-20T10:40:00Z"},
                     "dosage":{"dose":{"value":40,"system":"http://unitsofmeasure.org","code":"mg"}}}"""),
                    parse(MedicationRequest.class, """
                    {"resourceType":"MedicationRequest","id":"r","status":"completed","intent":"order",
                     "authoredOn":"2026-01-01","medicationCodeableConcept":{"coding":[{
                       "system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"36437"}]},
                     "dispenseRequest":{"numberOfRepeatsAllowed":2,"expectedSupplyDuration":{"value":30,
                       "system":"http://unitsofmeasure.org","code":"d"}}}"""));
            MedicationFact given = facts.medications().stream()
                    .filter(MedicationFact::administration)
                    .findFirst()
                    .orElseThrow();
            assertThat(given.start()).isEqualTo(at("2026-11-20T10:00:00Z"));
            assertThat(given.dose().value()).isEqualTo(40);
            MedicationFact request = facts.medications().stream()
                    .filter(m -> !m.administration())
                    .findFirst()
                    .orElseThrow();
            assertThat(request.end()).as("authoredOn + 30 d x (1 + 2 repeats)").isEqualTo(at("2026-04-01T00:00:00Z"));
        }
    }
}
