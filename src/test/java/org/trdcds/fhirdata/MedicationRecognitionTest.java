package org.trdcds.fhirdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trdcds.criteria.Code;
import org.trdcds.criteria.DraftOrder;
import org.trdcds.criteria.MedicationFact;
import org.trdcds.criteria.Recognition;
import org.trdcds.knowledge.ProjectKnowledge;

/** The four ways of PROTOCOL-v3 section A, in their order, with the real knowledge (names table, product map). */
class MedicationRecognitionTest {

    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String CPT = "http://www.ama-assn.org/go/cpt";
    static final HapiFactExtractor EXTRACTOR = new HapiFactExtractor(ProjectKnowledge.get());

    private static DraftOrder draft(Type medication, Resource... more) {
        MedicationRequest request = new MedicationRequest();
        request.setId("d-1");
        request.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
        request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        request.setMedication(medication);
        request.addDosageInstruction().setText("ondansetron 4 mg before ketamine, esketamine or lithium");
        Bundle drafts = new Bundle();
        drafts.addEntry().setResource(request);
        for (Resource r : more) {
            drafts.addEntry().setResource(r);
        }
        return EXTRACTOR.extract(empty(), drafts, null).draftOrders().get(0);
    }

    private static PatientData empty() {
        return new PatientData(new Patient(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static CodeableConcept concept(String system, String code, String display, String text) {
        CodeableConcept c = new CodeableConcept().setText(text);
        if (code != null) {
            c.addCoding(new Coding(system, code, display));
        }
        return c;
    }

    private static List<String> rxnorm(List<Code> codes) {
        return codes.stream()
                .filter(c -> RXNORM.equals(c.system()))
                .map(Code::code)
                .toList();
    }

    @Test
    void oneAnIngredientCode() {
        DraftOrder order = draft(concept(RXNORM, "6130", null, null));
        assertThat(order.recognition().by()).isEqualTo(Recognition.By.INGREDIENT_CODE);
        assertThat(rxnorm(order.codes())).containsExactly("6130");
    }

    @Test
    void twoAProductCodeOfTheProductMap() {
        DraftOrder order = draft(concept(RXNORM, "993503", null, "a tablet nobody names"));
        assertThat(order.recognition().by()).isEqualTo(Recognition.By.PRODUCT_CODE);
        assertThat(order.recognition().nameText()).isNull();
    }

    @Test
    void threeAContainedMedicationOrOneInTheDraftOrdersBundle() {
        Medication vial = new Medication();
        vial.setId("m-1");
        vial.setCode(concept("urn:oid:1.2.3", "88121", null, "Formulary item 88121 (10 mL vial)"));
        vial.addIngredient().setItem(concept(RXNORM, "6130", "ketamine", null));
        DraftOrder inBundle = draft(new Reference("Medication/m-1"), vial);
        assertThat(inBundle.recognition().by()).isEqualTo(Recognition.By.MEDICATION_RESOURCE);
        assertThat(rxnorm(inBundle.codes())).containsExactly("6130");
        assertThat(inBundle.text()).isEqualTo("Formulary item 88121 (10 mL vial)");

        DraftOrder contained = draft(new Reference(vial.copy()));
        assertThat(contained.recognition().by()).isEqualTo(Recognition.By.MEDICATION_RESOURCE);
        assertThat(contained.recognition().unresolvedReference()).isNull();
    }

    @ParameterizedTest(name = "\"{0}\" / \"{1}\" -> {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "1999001 | ketamine hydrochloride 50 MG/ML Injectable Solution | 6130",
                "-       | Ketalar                          | 6130",
                "-       | KETAMINE                         | 6130",
                "1999002 | Spravato 28 MG Nasal Spray        | 2119365",
                "-       | esketamine 56 mg                 | 2119365",
                "-       | lithium carbonate 300 mg ER      | 6448",
                "-       | Eskalith                         | 6448",
                "-       | sertraline 50 mg tablet          | 36437",
            })
    void fourByNameTheLongerNameWinsAndTheNamedIngredientIsAdded(String code, String text, String ingredient) {
        DraftOrder order = draft(concept(RXNORM, code, code == null ? null : text, code == null ? text : null));
        assertThat(order.recognition().by()).isEqualTo(Recognition.By.NAME);
        assertThat(order.recognition().nameText()).isEqualTo(text);
        assertThat(rxnorm(order.codes())).contains(ingredient);
        assertThat(rxnorm(order.codes())).doesNotContain("2119365".equals(ingredient) ? "6130" : "2119365");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"ondansetron 4 mg", "ketamines", "preketamine 1 vial", "lithiumlike", "Formulary item 88121"})
    void neverTheDosageTextNorAPartOfAWord(String text) {
        DraftOrder order = draft(concept(RXNORM, "1999003", text, text));
        assertThat(order.recognition().by()).isNull();
        assertThat(rxnorm(order.codes())).containsExactly("1999003");
    }

    @Test
    void anUnresolvedReferenceGoesOnToItsDisplayAndSaysItCouldNotBeResolved() {
        Reference named = new Reference("Medication/not-here").setDisplay("Ketalar 500 mg/10 mL");
        DraftOrder byDisplay = draft(named);
        assertThat(byDisplay.recognition().by()).isEqualTo(Recognition.By.NAME);
        assertThat(byDisplay.recognition().unresolvedReference()).isEqualTo("Medication/not-here");
        assertThat(rxnorm(byDisplay.codes())).containsExactly("6130");

        DraftOrder unknown = draft(new Reference("Medication/not-here"));
        assertThat(unknown.recognition().by()).isNull();
        assertThat(unknown.recognition().unresolvedReference()).isEqualTo("Medication/not-here");
        assertThat(unknown.codes()).isEmpty();
    }

    @Test
    void aMedicationWithoutKnownCodesIsReadByItsCodeText() {
        Medication vial = new Medication();
        vial.setId("m-2");
        vial.setCode(concept("urn:oid:1.2.3", "77", null, "Spravato device"));
        DraftOrder order = draft(new Reference("Medication/m-2"), vial);
        assertThat(order.recognition().by()).isEqualTo(Recognition.By.NAME);
        assertThat(rxnorm(order.codes())).containsExactly("2119365");
    }

    @Test
    void recordsOfTheHistoryAreRecognisedTheSameWay() {
        MedicationStatement statement = new MedicationStatement();
        statement.setId("ms-1");
        statement.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
        statement.setMedication(concept(null, null, null, "Lithium carbonate 300 MG"));
        PatientData data =
                new PatientData(new Patient(), List.of(), List.of(), List.of(statement), List.of(), List.of());
        MedicationFact fact = EXTRACTOR.extract(data, null, null).medications().get(0);
        assertThat(fact.recognition().byName()).isTrue();
        assertThat(rxnorm(fact.codes())).containsExactly("6448");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "-     | rTMS session, left DLPFC              | true",
                "-     | Transcranial magnetic stimulation    | true",
                "-     | TMS                                  | true",
                "-     | TMSX follow-up                       | false",
                "90867 | Therapeutic repetitive TMS treatment | false",
            })
    void aServiceRequestNamedTmsIsATmsOrder(String cpt, String text, boolean byName) {
        ServiceRequest service = new ServiceRequest();
        service.setId("sr-1");
        service.setCode(concept(CPT, cpt, null, text));
        Bundle drafts = new Bundle();
        drafts.addEntry().setResource(service);
        DraftOrder order =
                EXTRACTOR.extract(empty(), drafts, null).draftOrders().get(0);
        assertThat(order.recognition().byName()).isEqualTo(byName);
        assertThat(order.codes().stream()
                        .anyMatch(c -> CPT.equals(c.system()) && c.code().startsWith("9086")))
                .isEqualTo(byName || cpt != null);
    }

    @Test
    void withoutKnowledgeCodesStayAsRecorded() {
        MedicationRequest request = new MedicationRequest();
        request.setId("d-2");
        request.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
        request.setMedication(concept(RXNORM, "1999001", "ketamine 50 MG/ML", null));
        Bundle drafts = new Bundle();
        drafts.addEntry().setResource(request);
        DraftOrder order = new HapiFactExtractor()
                .extract(empty(), drafts, null)
                .draftOrders()
                .get(0);
        assertThat(order.recognition()).isEqualTo(Recognition.NONE);
        assertThat(rxnorm(order.codes())).containsExactly("1999001");
    }
}
