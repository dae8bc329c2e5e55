package org.trdcds.fhirdata;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.trdcds.criteria.Code;
import org.trdcds.criteria.PatientFacts;

/** The facts PROTOCOL-v3 sections C and D read: observation status and text, procedure outcome, condition site. */
class SafetyFactsExtractionTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private final HapiFactExtractor extractor = new HapiFactExtractor();

    private static <T extends Resource> T parse(Class<T> type, String json) {
        return FHIR.newJsonParser()
                .setParserErrorHandler(new LenientErrorHandler(false))
                .parseResource(type, json);
    }

    private PatientFacts extract(Resource... resources) {
        PatientDataCollector collector = new PatientDataCollector();
        for (Resource resource : resources) {
            collector.add(resource);
        }
        return extractor.extract(collector.build(), null, null);
    }

    @Test
    void observationStatusAndResultText() {
        PatientFacts facts =
                extract(parse(Observation.class, """
                {"resourceType":"Observation","id":"r","status":"preliminary","subject":{"reference":"Patient/p"},
                 "code":{"coding":[{"system":"http://loinc.org","code":"93374-7"}]},
                 "effectiveDateTime":"2026-11-20T10:00:00Z",
                 "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"x","display":"Low"}],
                   "text":"Low risk"}}"""), parse(Observation.class, """
                {"resourceType":"Observation","id":"s","status":"final","subject":{"reference":"Patient/p"},
                 "code":{"coding":[{"system":"http://loinc.org","code":"93374-7"}]},
                 "effectiveDateTime":"2026-11-21T10:00:00Z","valueString":"high"}"""), parse(Observation.class, """
                {"resourceType":"Observation","id":"h","status":"final","subject":{"reference":"Patient/p"},
                 "code":{"coding":[{"system":"http://loinc.org","code":"19080-1"}]},
                 "effectiveDateTime":"2026-11-21T10:00:00Z",
                 "valueQuantity":{"value":30,"unit":"mIU/mL","system":"http://unitsofmeasure.org","code":"m[IU]/mL"}}"""));
        assertThat(facts.observations())
                .extracting(o -> o.status() + "|" + o.valueText() + "|" + o.unit())
                .containsExactly("preliminary|Low risk|null", "final|high|null", "final|null|m[IU]/mL");
    }

    @Test
    void procedureOutcomeCodesAndText() {
        PatientFacts facts = extract(parse(Procedure.class, """
                {"resourceType":"Procedure","id":"a","status":"completed","subject":{"reference":"Patient/p"},
                 "code":{"coding":[{"system":"http://snomed.info/sct","code":"225337009"}]},
                 "performedDateTime":"2026-11-26T10:00:00Z",
                 "outcome":{"coding":[{"system":"http://snomed.info/sct","code":"y","display":"High risk"}]}}"""));
        assertThat(facts.procedures().get(0).outcomes())
                .containsExactly(new Code("http://snomed.info/sct", "y", "High risk"));
        assertThat(facts.procedures().get(0).outcomeText()).isEqualTo("High risk");
        assertThat(facts.procedures().get(0).start()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
    }

    @Test
    void conditionBodySiteAndRecordedDateBesideOnset() {
        PatientFacts facts = extract(parse(Condition.class, """
                {"resourceType":"Condition","id":"c","subject":{"reference":"Patient/p"},
                 "code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"Z96.82"}]},
                 "bodySite":[{"coding":[{"system":"http://snomed.info/sct","code":"122496007"}]}],
                 "recordedDate":"2026-11-01"}"""));
        assertThat(facts.conditions().get(0).bodySites()).extracting(Code::code).isEqualTo(List.of("122496007"));
        assertThat(facts.conditions().get(0).onset()).isNull();
        assertThat(facts.conditions().get(0).recorded()).isNotNull();
    }
}
