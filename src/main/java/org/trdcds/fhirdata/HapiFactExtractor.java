package org.trdcds.fhirdata;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.springframework.stereotype.Component;
import org.trdcds.criteria.ConditionFact;
import org.trdcds.criteria.Dose;
import org.trdcds.criteria.DraftOrder;
import org.trdcds.criteria.MedicationFact;
import org.trdcds.criteria.ObservationFact;
import org.trdcds.criteria.PatientFacts;
import org.trdcds.criteria.ProcedureFact;

/** FHIR R4 resources -> typed facts. Records entered in error (or refuted, or cancelled observations) are dropped. */
@Component
public class HapiFactExtractor implements FactExtractor {

    private static final String ENTERED_IN_ERROR = "entered-in-error";

    @Override
    public PatientFacts extract(PatientData data, Bundle draftOrders, List<String> selections) {
        Patient patient = data.patient();
        return new PatientFacts(
                patient == null ? null : patient.getIdElement().getIdPart(),
                patient == null ? null : FhirValues.localDate(patient.getBirthDateElement()),
                facts(data.conditions(), this::condition),
                medications(data),
                facts(data.observations(), this::observation),
                facts(data.procedures(), this::procedure),
                draftOrders == null ? List.of() : draftOrders.getEntry().stream()
                        .map(Bundle.BundleEntryComponent::getResource).filter(Objects::nonNull)
                        .map(resource -> draftOrder(resource, selections)).toList(),
                Set.of());
    }

    private static <R, F> List<F> facts(List<R> resources, Function<R, F> extract) {
        return resources == null ? List.of() : resources.stream().map(extract).filter(Objects::nonNull).toList();
    }

    private List<MedicationFact> medications(PatientData data) {
        return Stream.concat(
                facts(data.medicationStatements(), this::medicationStatement).stream(),
                facts(data.medicationRequests(), this::medicationRequest).stream()).toList();
    }

    private ConditionFact condition(Condition condition) {
        String verification = FhirValues.firstCode(condition.getVerificationStatus());
        if (ENTERED_IN_ERROR.equals(verification) || "refuted".equals(verification)) {
            return null;
        }
        return new ConditionFact(ref(condition), FhirValues.codes(condition.getCode()),
                FhirValues.firstCode(condition.getClinicalStatus()), verification,
                condition.hasOnsetDateTimeType() ? FhirValues.instant(condition.getOnsetDateTimeType())
                        : condition.hasOnsetPeriod() ? FhirValues.start(condition.getOnsetPeriod()) : null,
                condition.hasAbatementDateTimeType() ? FhirValues.instant(condition.getAbatementDateTimeType())
                        : condition.hasAbatementPeriod() ? FhirValues.start(condition.getAbatementPeriod()) : null);
    }

    private ObservationFact observation(Observation observation) {
        if (observation.hasStatus() && (observation.getStatus() == Observation.ObservationStatus.ENTEREDINERROR
                || observation.getStatus() == Observation.ObservationStatus.CANCELLED)) {
            return null;
        }
        Type value = observation.getValue();
        return new ObservationFact(ref(observation), FhirValues.codes(observation.getCode()), effective(observation),
                FhirValues.number(value), FhirValues.unit(value),
                value instanceof CodeableConcept concept ? FhirValues.codes(concept) : List.of(),
                observation.getComponent().stream().map(component -> new ObservationFact.Component(
                        FhirValues.codes(component.getCode()), FhirValues.number(component.getValue()),
                        FhirValues.unit(component.getValue()))).toList());
    }

    private static Instant effective(Observation observation) {
        if (observation.hasEffectiveDateTimeType()) {
            return FhirValues.instant(observation.getEffectiveDateTimeType());
        }
        if (observation.hasEffectivePeriod()) {
            return FhirValues.start(observation.getEffectivePeriod());
        }
        if (observation.hasEffectiveInstantType()) {
            return FhirValues.instant(observation.getEffectiveInstantType());
        }
        return FhirValues.instant(observation.getIssuedElement());
    }

    private MedicationFact medicationStatement(MedicationStatement statement) {
        if (statement.getStatus() == MedicationStatement.MedicationStatementStatus.ENTEREDINERROR) {
            return null;
        }
        CodeableConcept medication = medication(statement.getMedication());
        boolean period = statement.hasEffectivePeriod();
        return new MedicationFact(ref(statement), FhirValues.codes(medication), text(medication),
                statement.hasStatus() ? statement.getStatus().toCode() : null,
                period ? FhirValues.start(statement.getEffectivePeriod())
                        : statement.hasEffectiveDateTimeType() ? FhirValues.instant(statement.getEffectiveDateTimeType()) : null,
                period ? FhirValues.end(statement.getEffectivePeriod()) : null,
                statement.hasDosage() ? DoseReader.read(statement.getDosageFirstRep()) : null);
    }

    private MedicationFact medicationRequest(MedicationRequest request) {
        if (request.getStatus() == MedicationRequest.MedicationRequestStatus.ENTEREDINERROR) {
            return null;
        }
        CodeableConcept medication = medication(request.getMedication());
        boolean validity = request.hasDispenseRequest() && request.getDispenseRequest().hasValidityPeriod();
        return new MedicationFact(ref(request), FhirValues.codes(medication), text(medication),
                request.hasStatus() ? request.getStatus().toCode() : null,
                validity ? FhirValues.start(request.getDispenseRequest().getValidityPeriod())
                        : FhirValues.instant(request.getAuthoredOnElement()),
                validity ? FhirValues.end(request.getDispenseRequest().getValidityPeriod()) : null,
                dose(request));
    }

    private ProcedureFact procedure(Procedure procedure) {
        if (procedure.getStatus() == Procedure.ProcedureStatus.ENTEREDINERROR) {
            return null;
        }
        String status = procedure.hasStatus() ? procedure.getStatus().toCode() : null;
        if (procedure.hasPerformedPeriod()) {
            return new ProcedureFact(ref(procedure), FhirValues.codes(procedure.getCode()), status,
                    FhirValues.start(procedure.getPerformedPeriod()), FhirValues.end(procedure.getPerformedPeriod()));
        }
        Instant performed = procedure.hasPerformedDateTimeType()
                ? FhirValues.instant(procedure.getPerformedDateTimeType()) : null;
        return new ProcedureFact(ref(procedure), FhirValues.codes(procedure.getCode()), status, performed,
                procedure.getStatus() == Procedure.ProcedureStatus.COMPLETED ? performed : null);
    }

    private DraftOrder draftOrder(Resource resource, List<String> selections) {
        String ref = ref(resource);
        boolean selected = selections == null || selections.contains(ref);
        if (resource instanceof MedicationRequest request) {
            CodeableConcept medication = medication(request.getMedication());
            return new DraftOrder(ref, resource.fhirType(), FhirValues.codes(medication), text(medication),
                    dose(request), selected);
        }
        CodeableConcept code = code(resource);
        return new DraftOrder(ref, resource.fhirType(), FhirValues.codes(code), text(code), null, selected);
    }

    private static Dose dose(MedicationRequest request) {
        return request.hasDosageInstruction() ? DoseReader.read(request.getDosageInstructionFirstRep()) : null;
    }

    /** medicationCodeableConcept, or the code of the Medication that medicationReference points to (contained). */
    private static CodeableConcept medication(Type medication) {
        if (medication instanceof CodeableConcept concept) {
            return concept;
        }
        if (medication instanceof Reference reference && reference.getResource() instanceof Medication resolved) {
            return resolved.getCode();
        }
        return null;
    }

    /** The element named "code" of any other ordered resource (ServiceRequest.code, DeviceRequest has none). */
    private static CodeableConcept code(Resource resource) {
        Property code = resource.getNamedProperty("code");
        if (code != null && code.hasValues() && code.getValues().get(0) instanceof CodeableConcept concept) {
            return concept;
        }
        return null;
    }

    private static String text(CodeableConcept concept) {
        if (concept == null) {
            return null;
        }
        if (concept.hasText()) {
            return concept.getText();
        }
        return concept.getCoding().stream().filter(coding -> coding.hasDisplay()).map(coding -> coding.getDisplay())
                .findFirst().orElse(null);
    }

    private static String ref(Resource resource) {
        return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
    }
}
