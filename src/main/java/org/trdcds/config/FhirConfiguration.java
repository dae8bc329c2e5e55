package org.trdcds.config;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Timing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one FhirContext of the application (R4), warmed at start-up: HAPI's first parse costs seconds in a fresh JVM,
 * so a representative Bundle of every resource type the service reads is encoded and parsed once before the
 * application reports ready. The application's main starts this warm-up on its own thread as soon as logging is set up
 * ({@link #warmUpEarly()}), so it overlaps Spring's start-up instead of adding to it.
 */
@Configuration(proxyBeanMethods = false)
public class FhirConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FhirConfiguration.class);
    private static final AtomicReference<CompletableFuture<FhirContext>> EARLY = new AtomicReference<>();

    /** Starts making the warmed context on a daemon thread; the next {@link #fhirContext()} bean takes it. */
    public static void warmUpEarly() {
        CompletableFuture<FhirContext> early = new CompletableFuture<>();
        if (EARLY.compareAndSet(null, early)) {
            Thread thread = new Thread(
                    () -> {
                        try {
                            early.complete(warmedContext());
                        } catch (RuntimeException | Error e) {
                            early.completeExceptionally(e);
                        }
                    },
                    "fhir-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Bean
    public FhirContext fhirContext() {
        CompletableFuture<FhirContext> early = EARLY.getAndSet(null);
        return early == null ? warmedContext() : early.join();
    }

    private static FhirContext warmedContext() {
        long start = System.nanoTime();
        FhirContext context = FhirContext.forR4();
        // Every parser of the application (edge and FHIR client) reads what real EHRs send without failing.
        context.setParserErrorHandler(lenientErrorHandler());
        warm(context);
        log.info("FHIR context warmed in {} ms", (System.nanoTime() - start) / 1_000_000);
        return context;
    }

    /** A JSON parser that reads what real EHRs send (wrong JSON types, unknown elements) without failing. */
    public static IParser lenientJsonParser(FhirContext context) {
        return context.newJsonParser().setParserErrorHandler(lenientErrorHandler());
    }

    private static LenientErrorHandler lenientErrorHandler() {
        return new LenientErrorHandler(false).disableAllErrors();
    }

    private static void warm(FhirContext context) {
        IParser parser = lenientJsonParser(context);
        String json = parser.encodeResourceToString(representativeBundle());
        parser.parseResource(Bundle.class, json);
    }

    private static Bundle representativeBundle() {
        Reference subject = new Reference("Patient/warm-up");
        CodeableConcept code =
                new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding("http://loinc.org", "warm-up", null));
        Patient patient = new Patient();
        patient.setId("warm-up");
        patient.setGender(AdministrativeGender.UNKNOWN).setBirthDate(new Date(0));
        Condition condition = new Condition().setSubject(subject).setCode(code).setClinicalStatus(code);
        Observation observation = new Observation()
                .setSubject(subject)
                .setCode(code)
                .setEffective(new org.hl7.fhir.r4.model.DateTimeType(new Date(0)))
                .setValue(new Quantity(1).setUnit("mg"));
        observation.addComponent().setCode(code).setValue(new Quantity(1));
        Dosage dosage = new Dosage()
                .setTiming(new Timing()
                        .setRepeat(new Timing.TimingRepeatComponent()
                                .setFrequency(1)
                                .setPeriod(1)
                                .setPeriodUnit(Timing.UnitsOfTime.D)));
        dosage.addDoseAndRate().setDose(new Quantity(1).setUnit("mg"));
        MedicationStatement statement = new MedicationStatement()
                .setSubject(subject)
                .setMedication(code)
                .setEffective(new Period().setStart(new Date(0)))
                .setDosage(List.of(dosage));
        MedicationRequest request = new MedicationRequest()
                .setSubject(subject)
                .setMedication(code)
                .setAuthoredOn(new Date(0))
                .setDosageInstruction(List.of(dosage));
        request.getDispenseRequest().setValidityPeriod(new Period().setStart(new Date(0)));
        Procedure procedure =
                new Procedure().setSubject(subject).setCode(code).setPerformed(new Period().setStart(new Date(0)));
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setDiagnostics("warm-up");
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        for (Resource resource : List.of(patient, condition, observation, statement, request, procedure, outcome)) {
            bundle.addEntry().setResource(resource);
        }
        return bundle;
    }
}
