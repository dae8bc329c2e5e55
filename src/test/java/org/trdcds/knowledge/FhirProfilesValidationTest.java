package org.trdcds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of fhir-profiles/ is valid FHIR R4 (HAPI's instance validator, with our profiles, value sets, code
 * systems and the VSAC copies loaded), and the resources of the worked scenarios conform to our profiles.
 */
class FhirProfilesValidationTest {

    static final Path PROFILES = Path.of(KnowledgeFiles.ROOT);
    static final Path SCENARIOS = Path.of("src/test/resources/scenarios");
    static final String SD = "https://fhir.trd-cds-hooks.org/StructureDefinition/";
    static final FhirContext FHIR = FhirContext.forR4();

    static FhirValidator validator;
    static Knowledge knowledge;
    static long validationNanos;
    static int validations;

    @BeforeAll
    static void createValidatorOnce() {
        PrePopulatedValidationSupport ours = new PrePopulatedValidationSupport(FHIR);
        for (Path file : jsonFiles(PROFILES).toList()) {
            IBaseResource resource = parse(file);
            if (resource instanceof StructureDefinition
                    || resource instanceof ValueSet
                    || resource instanceof CodeSystem) {
                ours.addResource(resource);
            }
        }
        UnknownCodeSystemWarningValidationSupport unknownSystems = new UnknownCodeSystemWarningValidationSupport(FHIR);
        unknownSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
        knowledge = KnowledgeLoader.load(KnowledgeFiles.fromDirectory(Path.of("")), FHIR)
                .knowledge();
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(FHIR),
                ours,
                new SnapshotGeneratingValidationSupport(FHIR),
                new KnowledgeValidationSupport(FHIR, knowledge),
                new InMemoryTerminologyServerValidationSupport(FHIR),
                new CommonCodeSystemsTerminologyService(FHIR),
                unknownSystems);
        validator = FHIR.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(chain));
    }

    @AfterAll
    static void reportRuntime() {
        System.out.printf("validated %d resources in %d ms%n", validations, validationNanos / 1_000_000);
    }

    static Stream<Path> knowledgeFiles() {
        return jsonFiles(PROFILES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("knowledgeFiles")
    void everyKnowledgeFileIsValidFhir(Path file) {
        assertThat(errors(parse(file), new ValidationOptions()))
                .filteredOn(m -> !(isVsacCopy(file) && (isVsacIdentifierDefect(m) || isVsacEmptyTimestamp(m))))
                .isEmpty();
    }

    /**
     * VSAC publishes identifier {system urn:ietf:rfc:3986, value "2.16..."} (an OID without "urn:oid:"). The copies
     * stay unchanged on purpose, so exactly this one message is tolerated, and only in vocabulary/vsac/.
     */
    private static boolean isVsacCopy(Path file) {
        return file.startsWith(PROFILES.resolve("vocabulary").resolve("vsac"));
    }

    private static boolean isVsacIdentifierDefect(SingleValidationMessage message) {
        return "TYPE_SPECIFIC_CHECKS_DT_IDENTIFIER_IETF_SYSTEM_VALUE".equals(message.getMessageId())
                && "ValueSet.identifier[0]".equals(message.getLocationString());
    }

    /**
     * The VSAC expansions copied for protocol v3 (Pregnancy, Breastfeeding, Delivery Procedures, ...) carry
     * {@code "timestamp": ""}; unchanged copies, so this one message is tolerated too, and only in vocabulary/vsac/.
     */
    private static boolean isVsacEmptyTimestamp(SingleValidationMessage message) {
        return "ValueSet.expansion".equals(message.getLocationString())
                && message.getMessage().startsWith("ValueSet.expansion.timestamp: minimum required = 1");
    }

    static Stream<Arguments> scenarioResources() {
        List<Arguments> cases = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (Path scenario : jsonFiles(SCENARIOS).toList()) {
            try {
                JsonNode root = json.readTree(scenario.toFile());
                for (String field : new String[] {"record", "draftOrders"}) {
                    if (root.hasNonNull(field)) {
                        Bundle bundle = FHIR.newJsonParser()
                                .parseResource(Bundle.class, root.get(field).toString());
                        bundle.getEntry()
                                .forEach(e -> cases.add(Arguments.of(
                                        scenario.getFileName() + " "
                                                + e.getResource().getIdElement().getIdPart(),
                                        e.getResource())));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarioResources")
    void scenarioResourcesConformToTheirProfile(String label, Resource resource) {
        Optional<String> profile = profileFor(resource);
        profile.ifPresent(url -> assertThat(errors(resource, new ValidationOptions().addProfile(url)))
                .as(label + " against " + url)
                .isEmpty());
        assertThat(profile.isPresent() || !matchesAnyProfileType(resource))
                .as(label + " has no profile")
                .isTrue();
    }

    @Test
    void theScenariosExerciseTheMainProfiles() {
        List<String> used = scenarioResources()
                .map(a -> profileFor((Resource) a.get()[1]))
                .flatMap(Optional::stream)
                .distinct()
                .toList();
        assertThat(used)
                .contains(
                        SD + "phq9-total-observation",
                        SD + "bp-panel-observation",
                        SD + "body-weight-observation",
                        SD + "antidepressant-course-medicationstatement",
                        SD + "ketamine-draft-medicationrequest");
    }

    @Test
    void aPhq9TotalWithoutAValueIsRejected() {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.getCode().addCoding(new Coding("http://loinc.org", "44261-6", null));
        observation.getSubject().setReference("Patient/p");
        observation.getEffectiveDateTimeType().setValueAsString("2026-11-01");

        assertThat(errors(observation, new ValidationOptions().addProfile(SD + "phq9-total-observation")))
                .anySatisfy(m -> assertThat(m.getLocationString()).contains("Observation"));
    }

    @Test
    void aDraftKetamineOrderWithoutAnInfusionDurationIsRejected() {
        MedicationRequest order = new MedicationRequest();
        order.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
        order.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        order.setMedication(new CodeableConcept(new Coding(ProductMapReader.RXNORM, "6130", "ketamine")));
        order.getSubject().setReference("Patient/p");
        order.addDosageInstruction()
                .addDoseAndRate()
                .getDoseQuantity()
                .setValue(40)
                .setUnit("mg")
                .setSystem("http://unitsofmeasure.org")
                .setCode("mg");
        order.getDosageInstructionFirstRep().getTiming().getRepeat().setFrequency(3);

        assertThat(errors(order, new ValidationOptions().addProfile(SD + "ketamine-draft-medicationrequest")))
                .anySatisfy(
                        m -> assertThat(m.getLocationString() + m.getMessage()).contains("duration"));
    }

    @Test
    void aCourseCodedWithAVsacProductConforms() {
        assertThat(errors(
                        course("312941", "sertraline 50 MG Oral Tablet"),
                        new ValidationOptions().addProfile(SD + "antidepressant-course-medicationstatement")))
                .isEmpty();
    }

    @Test
    void aNonAntidepressantCourseIsRejected() {
        assertThat(errors(
                        course("29046", "lisinopril"),
                        new ValidationOptions().addProfile(SD + "antidepressant-course-medicationstatement")))
                .isNotEmpty();
    }

    private static MedicationStatement course(String rxnorm, String display) {
        MedicationStatement statement = new MedicationStatement();
        statement.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
        statement.setMedication(new CodeableConcept(new Coding(ProductMapReader.RXNORM, rxnorm, display)));
        statement.getSubject().setReference("Patient/p");
        statement.getEffectivePeriod().setStartElement(new DateTimeType("2026-01-01"));
        statement
                .addDosage()
                .getTiming()
                .getRepeat()
                .setFrequency(1)
                .setPeriod(1)
                .setPeriodUnit(org.hl7.fhir.r4.model.Timing.UnitsOfTime.D);
        statement
                .getDosageFirstRep()
                .addDoseAndRate()
                .getDoseQuantity()
                .setValue(1)
                .setUnit("tablet");
        return statement;
    }

    private static Optional<String> profileFor(Resource resource) {
        if (resource instanceof Observation observation) {
            return Stream.of("phq9-total", "phq9-item9", "bp-panel", "body-weight")
                    .filter(vs -> has(observation.getCode(), vs))
                    .findFirst()
                    .map(vs -> SD
                            + switch (vs) {
                                case "phq9-total" -> "phq9-total-observation";
                                case "phq9-item9" -> "phq9-item9-observation";
                                case "bp-panel" -> "bp-panel-observation";
                                default -> "body-weight-observation";
                            });
        }
        if (resource instanceof MedicationStatement statement
                && statement.hasMedicationCodeableConcept()
                && has(statement.getMedicationCodeableConcept(), "antidepressants")) {
            return Optional.of(SD + "antidepressant-course-medicationstatement");
        }
        if (resource instanceof MedicationRequest request && request.hasMedicationCodeableConcept()) {
            if (request.getStatus() == MedicationRequest.MedicationRequestStatus.DRAFT
                    && has(request.getMedicationCodeableConcept(), "ketamine")) {
                return Optional.of(SD + "ketamine-draft-medicationrequest");
            }
            if (has(request.getMedicationCodeableConcept(), "antidepressants")) {
                return Optional.of(SD + "antidepressant-course-medicationrequest");
            }
        }
        if (resource instanceof Procedure procedure && has(procedure.getCode(), "tms-procedures")) {
            return Optional.of(SD + "tms-procedure");
        }
        return Optional.empty();
    }

    /** Resources that look like what a profile describes (by code) must have been matched to it. */
    private static boolean matchesAnyProfileType(Resource resource) {
        return resource instanceof Observation observation
                && Stream.of("systolic-bp", "diastolic-bp", "madrs-total")
                        .noneMatch(vs -> has(observation.getCode(), vs))
                && Stream.of("phq9-total", "phq9-item9", "bp-panel", "body-weight")
                        .anyMatch(vs -> has(observation.getCode(), vs));
    }

    private static boolean has(CodeableConcept concept, String valueSet) {
        return concept.getCoding().stream().anyMatch(c -> knowledge.inValueSet(valueSet, c.getSystem(), c.getCode()));
    }

    private static List<SingleValidationMessage> errors(IBaseResource resource, ValidationOptions options) {
        long start = System.nanoTime();
        List<SingleValidationMessage> messages =
                validator.validateWithResult(resource, options).getMessages();
        validationNanos += System.nanoTime() - start;
        validations++;
        return messages.stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
    }

    private static IBaseResource parse(Path file) {
        try {
            return FHIR.newJsonParser().parseResource(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> jsonFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
