package org.trdcds.fhirdata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.trdcds.criteria.Code;
import org.trdcds.criteria.ConditionFact;
import org.trdcds.criteria.DraftOrder;
import org.trdcds.criteria.MedicationFact;
import org.trdcds.criteria.ObservationFact;
import org.trdcds.criteria.PatientFacts;
import org.trdcds.criteria.ProcedureFact;
import org.trdcds.knowledge.Knowledge;

/**
 * FHIR R4 resources -> typed facts. Records entered in error (or refuted, or cancelled observations, or medication
 * records never taken) are dropped; anything malformed is read as unknown, never as an error.
 */
@Component
public class HapiFactExtractor implements FactExtractor {

    /**
     * Top-level elements of the resources it reads that no extraction here (nor {@link PatientScope}, nor the
     * medication readers) looks at: the narrative, meta, identifiers, extensions, the encounter, the category, the
     * requester. The dry run leaves them out before HAPI parses a bulk export's lines (a third of the parse);
     * {@code dryrun.UnreadElementsTest} checks that the facts stay the same. Reading one of them here means taking
     * it off this list.
     */
    public static final Set<String> UNREAD_ELEMENTS =
            Set.of("text", "meta", "identifier", "extension", "encounter", "context", "category", "requester");

    private static final String ENTERED_IN_ERROR = "entered-in-error";

    private final Knowledge knowledge;

    /** Codes as recorded only: no product map, no names (for tests of the extraction itself). */
    public HapiFactExtractor() {
        this(null);
    }

    /** @param knowledge recognises medications by product code and by name (PROTOCOL-v3 section A); may be null */
    @Autowired
    public HapiFactExtractor(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public PatientFacts extract(PatientData data, Bundle draftOrders, List<String> selections) {
        Patient patient = data.patient();
        MedicationReader reader = new MedicationReader(data.medications(), data.conditions(), knowledge);
        List<Resource> orders = new ArrayList<>();
        if (draftOrders != null) {
            for (Bundle.BundleEntryComponent entry : draftOrders.getEntry()) {
                if (entry.getResource() instanceof Medication medication) {
                    reader.addMedication(medication);
                } else if (entry.getResource() != null) {
                    orders.add(entry.getResource());
                }
            }
        }
        List<MedicationFact> medications = new ArrayList<>();
        medications.addAll(facts(data.medicationStatements(), reader::statement));
        medications.addAll(facts(data.medicationRequests(), reader::request));
        medications.addAll(facts(data.medicationAdministrations(), reader::administration));
        return new PatientFacts(
                patient == null ? null : patient.getIdElement().getIdPart(),
                patient == null ? null : FhirValues.localDate(patient.getBirthDateElement()),
                facts(data.conditions(), this::condition),
                medications,
                facts(data.observations(), this::observation),
                facts(data.procedures(), this::procedure),
                orders.stream()
                        .map(resource -> draftOrder(resource, selections, reader))
                        .toList(),
                Set.of(),
                patient == null || !patient.hasGender()
                        ? null
                        : patient.getGender().toCode());
    }

    private static <R, F> List<F> facts(List<R> resources, Function<R, F> extract) {
        return resources == null
                ? List.of()
                : resources.stream().map(extract).filter(Objects::nonNull).toList();
    }

    private ConditionFact condition(Condition condition) {
        String verification = FhirValues.firstCode(condition.getVerificationStatus());
        if (ENTERED_IN_ERROR.equals(verification) || "refuted".equals(verification)) {
            return null;
        }
        return new ConditionFact(
                ref(condition),
                FhirValues.codes(condition.getCode()),
                FhirValues.firstCode(condition.getClinicalStatus()),
                verification,
                condition.hasOnsetDateTimeType()
                        ? FhirValues.instant(condition.getOnsetDateTimeType())
                        : condition.hasOnsetPeriod() ? FhirValues.start(condition.getOnsetPeriod()) : null,
                condition.hasAbatementDateTimeType()
                        ? FhirValues.instant(condition.getAbatementDateTimeType())
                        : condition.hasAbatementPeriod()
                                ? FhirValues.start(condition.getAbatementPeriod())
                                : condition.hasAbatement() ? Instant.EPOCH : null,
                FhirValues.instant(condition.getRecordedDateElement()),
                condition.getBodySite().stream()
                        .flatMap(site -> FhirValues.codes(site).stream())
                        .toList());
    }

    private ObservationFact observation(Observation observation) {
        if (observation.hasStatus()
                && (observation.getStatus() == Observation.ObservationStatus.ENTEREDINERROR
                        || observation.getStatus() == Observation.ObservationStatus.CANCELLED)) {
            return null;
        }
        Type value = observation.getValue();
        return new ObservationFact(
                ref(observation),
                FhirValues.codes(observation.getCode()),
                effective(observation),
                FhirValues.number(value),
                FhirValues.unit(value),
                value instanceof CodeableConcept concept ? FhirValues.codes(concept) : List.of(),
                observation.getComponent().stream()
                        .map(component -> new ObservationFact.Component(
                                FhirValues.codes(component.getCode()),
                                FhirValues.number(component.getValue()),
                                FhirValues.unit(component.getValue()),
                                component.getValue() instanceof CodeableConcept c ? FhirValues.codes(c) : List.of()))
                        .toList(),
                observation.hasStatus() ? observation.getStatusElement().getValueAsString() : null,
                value instanceof CodeableConcept text
                        ? FhirValues.text(text)
                        : value instanceof StringType string ? string.getValue() : null);
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

    private ProcedureFact procedure(Procedure procedure) {
        String status = procedure.hasStatus() ? procedure.getStatusElement().getValueAsString() : null;
        if (ENTERED_IN_ERROR.equals(status) || "not-done".equals(status)) {
            return null;
        }
        if (procedure.hasPerformedPeriod()) {
            return new ProcedureFact(
                    ref(procedure),
                    FhirValues.codes(procedure.getCode()),
                    status,
                    FhirValues.start(procedure.getPerformedPeriod()),
                    FhirValues.end(procedure.getPerformedPeriod()),
                    FhirValues.codes(procedure.getOutcome()),
                    FhirValues.text(procedure.getOutcome()));
        }
        Instant performed =
                procedure.hasPerformedDateTimeType() ? FhirValues.instant(procedure.getPerformedDateTimeType()) : null;
        return new ProcedureFact(
                ref(procedure),
                FhirValues.codes(procedure.getCode()),
                status,
                performed,
                "completed".equals(status) ? performed : null,
                FhirValues.codes(procedure.getOutcome()),
                FhirValues.text(procedure.getOutcome()));
    }

    private DraftOrder draftOrder(Resource resource, List<String> selections, MedicationReader reader) {
        String ref = ref(resource);
        boolean selected = selections == null || selections.contains(ref);
        if (resource instanceof MedicationRequest request) {
            MedicationRecognizer.Identified id = reader.identify(request.getMedication());
            return new DraftOrder(
                    ref,
                    resource.fhirType(),
                    id.codes(),
                    id.text(),
                    reader.doses(request.getMedication(), DoseReader.readAll(request.getDosageInstruction())),
                    selected,
                    reader.reasons(request.getReasonCode(), request.getReasonReference()),
                    id.recognition());
        }
        CodeableConcept code = code(resource);
        List<Code> reasons = resource instanceof ServiceRequest service
                ? reader.reasons(service.getReasonCode(), service.getReasonReference())
                : resource instanceof Procedure procedure
                        ? reader.reasons(procedure.getReasonCode(), procedure.getReasonReference())
                        : List.of();
        ProcedureNames.Named named = ProcedureNames.identify(code, knowledge);
        return new DraftOrder(
                ref,
                resource.fhirType(),
                named.codes(),
                FhirValues.text(code),
                List.of(),
                selected,
                reasons,
                named.recognition());
    }

    /** The element named "code" of any other ordered resource (ServiceRequest.code, DeviceRequest has none). */
    private static CodeableConcept code(Resource resource) {
        Property code = resource.getNamedProperty("code");
        if (code != null && code.hasValues() && code.getValues().get(0) instanceof CodeableConcept concept) {
            return concept;
        }
        return null;
    }

    private static String ref(Resource resource) {
        return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
    }
}
