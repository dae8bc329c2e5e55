package org.trdcds.fhirdata;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.trdcds.criteria.DraftOrder;
import org.trdcds.criteria.Recognition;
import org.trdcds.knowledge.Knowledge;
import org.trdcds.knowledge.MedicationRecognition;
import org.trdcds.knowledge.ProjectKnowledge;

/**
 * The fetch by reference of PROTOCOL-v3 section A against a real HAPI RestfulServer: unresolved Medication
 * references in ONE batched {@code Medication?_id=} search within the 300 ms budget; not found, 404, 500, a malformed
 * body or no answer in time leave them unresolved (the order then says "could not resolve"), never an exception.
 */
class MedicationFetchByReferenceTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String PATIENT = "p-ref";
    private static final String TOKEN = "tok-med-ref";
    private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

    @RegisterExtension
    static final TestFhirServer SERVER = TestFhirServer.serving(FHIR, record());

    private HapiPatientDataLoader loader;
    private final HapiFactExtractor extractor = new HapiFactExtractor(ProjectKnowledge.get());

    @BeforeEach
    void startLoader() {
        loader = new HapiPatientDataLoader(
                FHIR,
                new FhirClientSettings(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(4), 10, 8),
                null);
        // a roomy budget where the test is about what is fetched (a loaded CI machine), the real one for the budget
        loader.setKnowledge(withBudget(Duration.ofSeconds(3)));
    }

    /** The project's knowledge with another fetch budget. */
    private static Knowledge withBudget(Duration budget) {
        MedicationRecognition real = ProjectKnowledge.get().medicationRecognition();
        MedicationRecognition changed = new MedicationRecognition(
                budget,
                real.maxReferencesPerFetch(),
                real.medications(),
                real.procedures(),
                real.intravenousRoutes(),
                real.nasalRoutes());
        return (Knowledge) Proxy.newProxyInstance(
                Knowledge.class.getClassLoader(),
                new Class<?>[] {Knowledge.class},
                (proxy, method, args) -> method.getName().equals("medicationRecognition")
                        ? changed
                        : method.invoke(ProjectKnowledge.get(), args));
    }

    @Test
    void theBudgetIsAKnowledgeParameterOf300Milliseconds() {
        assertThat(ProjectKnowledge.get().medicationRecognition().referenceFetchBudget())
                .isEqualTo(Duration.ofMillis(300));
    }

    @AfterEach
    void closeLoader() throws IOException, InterruptedException {
        loader.close();
        SERVER.awaitQuiet(Duration.ofMillis(150));
    }

    private static Bundle record() {
        Bundle record = new Bundle();
        Patient patient = new Patient();
        patient.setId(PATIENT);
        record.addEntry().setResource(patient);
        record.addEntry().setResource(ketamineVial("kmed-1"));
        record.addEntry().setResource(ketamineVial("kmed-2"));
        return record;
    }

    /** A formulary item coded only locally; its ingredient is RxNorm ketamine 6130. */
    private static Medication ketamineVial(String id) {
        Medication m = new Medication();
        m.setId(id);
        m.setCode(new CodeableConcept().setText("Formulary item 88121 (10 mL vial)"));
        m.getCode().addCoding().setSystem("urn:oid:1.2.840.114350").setCode("88121");
        m.addIngredient()
                .setItem(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(RXNORM, "6130", "ketamine")));
        return m;
    }

    private static MedicationRequest draft(String id, String reference) {
        MedicationRequest r = new MedicationRequest();
        r.setId(id);
        r.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
        r.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        r.setSubject(new Reference("Patient/" + PATIENT));
        r.setMedication(new Reference(reference));
        return r;
    }

    private static Bundle drafts(MedicationRequest... orders) {
        Bundle bundle = new Bundle();
        for (MedicationRequest order : orders) {
            bundle.addEntry().setResource(order);
        }
        return bundle;
    }

    private static PatientData prefetched() {
        Patient patient = new Patient();
        patient.setId(PATIENT);
        return new PatientData(patient, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private FetchPlan plan(String fhirServer) {
        return new FetchPlan(PATIENT, fhirServer, TOKEN, Map.of(), Map.of());
    }

    private DraftOrder order(PatientData data, Bundle drafts) {
        return extractor.extract(data, drafts, null).draftOrders().get(0);
    }

    @Test
    void aReferencedMedicationIsFetchedInOneRequestWithTheTokenAndRecognisedByItsIngredient() {
        SERVER.requireToken(TOKEN);
        Bundle drafts = drafts(draft("kr-1", "Medication/kmed-1"));

        PatientData data =
                loader.withReferencedMedications(plan(SERVER.baseUrl()), prefetched(), drafts, System.nanoTime());

        assertThat(SERVER.requests()).containsExactly("/fhir/Medication?_id=kmed-1");
        assertThat(SERVER.authorizations()).containsExactly("Bearer " + TOKEN);
        assertThat(data.medications())
                .extracting(m -> m.getIdElement().getIdPart())
                .containsExactly("kmed-1");
        DraftOrder order = order(data, drafts);
        assertThat(order.recognition().by()).isEqualTo(Recognition.By.MEDICATION_RESOURCE);
        assertThat(order.recognition().unresolvedReference()).isNull();
        assertThat(order.codes()).extracting(c -> c.code()).contains("6130");
    }

    @Test
    void severalReferencesGoInOneBatchedSearchAndResolvedOnesAreNotAskedFor() {
        MedicationRequest contained = draft("kr-3", "#c1");
        Medication inside = ketamineVial("c1");
        contained.addContained(inside);
        contained.setMedication(new Reference(inside));
        Bundle drafts = drafts(
                draft("kr-1", "Medication/kmed-1"),
                draft("kr-2", "Medication/kmed-2"),
                contained,
                draft("kr-4", "Medication/kmed-1"));
        drafts.addEntry().setResource(ketamineVial("in-bundle"));
        drafts.addEntry().setResource(draft("kr-5", "Medication/in-bundle"));

        PatientData data =
                loader.withReferencedMedications(plan(SERVER.baseUrl()), prefetched(), drafts, System.nanoTime());

        assertThat(SERVER.requests()).containsExactly("/fhir/Medication?_id=kmed-1,kmed-2");
        assertThat(extractor.extract(data, drafts, null).draftOrders())
                .allSatisfy(o -> assertThat(o.recognition().by()).isEqualTo(Recognition.By.MEDICATION_RESOURCE));
    }

    @Test
    void nothingUnresolvedOrNoFhirServerMeansNoRequest() {
        Bundle drafts = drafts(draft("kr-1", "Medication/kmed-1"));
        PatientData unchanged = prefetched();

        assertThat(loader.withReferencedMedications(plan(null), unchanged, drafts, System.nanoTime()))
                .isSameAs(unchanged);
        assertThat(loader.withReferencedMedications(plan(SERVER.baseUrl()), unchanged, drafts(), System.nanoTime()))
                .isSameAs(unchanged);
        assertThat(SERVER.requests()).isEmpty();
        assertThat(order(unchanged, drafts).recognition().unresolvedReference()).isEqualTo("Medication/kmed-1");
    }

    @Test
    void aMedicationTheServerDoesNotHoldStaysUnresolved() {
        Bundle drafts = drafts(draft("kr-9", "Medication/no-such"));

        PatientData data =
                loader.withReferencedMedications(plan(SERVER.baseUrl()), prefetched(), drafts, System.nanoTime());

        assertThat(SERVER.requests()).containsExactly("/fhir/Medication?_id=no-such");
        assertThat(data.medications()).isEmpty();
        DraftOrder order = order(data, drafts);
        assertThat(order.recognition().by()).isNull();
        assertThat(order.recognition().unresolvedReference()).isEqualTo("Medication/no-such");
    }

    @ParameterizedTest
    @EnumSource(
            value = TestFhirServer.Fault.class,
            names = {"HTTP_404", "HTTP_500", "MALFORMED_JSON"})
    void anErrorAnswerLeavesTheReferenceUnresolvedWithoutAnException(TestFhirServer.Fault fault) {
        SERVER.fault(fault);
        Bundle drafts = drafts(draft("kr-1", "Medication/kmed-1"));
        PatientData before = prefetched();

        PatientData data = loader.withReferencedMedications(plan(SERVER.baseUrl()), before, drafts, System.nanoTime());

        assertThat(data).isSameAs(before);
        assertThat(SERVER.requests()).hasSize(1);
        assertThat(order(data, drafts).recognition().unresolvedReference()).isEqualTo("Medication/kmed-1");
    }

    @Test
    void noAnswerWithinTheBudgetLeavesTheReferenceUnresolvedAfterAboutTheBudget() {
        loader.setKnowledge(ProjectKnowledge.get());
        SERVER.delayEachResponse(Duration.ofSeconds(2));
        Bundle drafts = drafts(draft("kr-1", "Medication/kmed-1"));
        PatientData before = prefetched();

        long started = System.nanoTime();
        PatientData data = loader.withReferencedMedications(plan(SERVER.baseUrl()), before, drafts, started);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(millis).as("the 300 ms budget, not the 2 s answer").isBetween(250L, 1500L);
        assertThat(data).isSameAs(before);
        assertThat(order(data, drafts).recognition().unresolvedReference()).isEqualTo("Medication/kmed-1");
        try {
            SERVER.awaitQuiet(Duration.ofMillis(300));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // aborted at the budget: sent once at most (a slow connection may not even have sent it), never retried
        assertThat(SERVER.requests()).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void theCallsDeadlineBoundsTheBudget() {
        SERVER.delayEachResponse(Duration.ofSeconds(2));
        Bundle drafts = drafts(draft("kr-1", "Medication/kmed-1"));
        // the call started 4.9 s ago: 100 ms of its 5 s deadline are left, less than the 300 ms budget
        long started = System.nanoTime() - Duration.ofMillis(4900).toNanos();

        long before = System.nanoTime();
        loader.withReferencedMedications(plan(SERVER.baseUrl()), prefetched(), drafts, started);

        assertThat((System.nanoTime() - before) / 1_000_000).isLessThan(280L);
    }
}
