package org.trdcds.fhirdata;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.trdcds.criteria.Code;
import org.trdcds.criteria.Dose;
import org.trdcds.criteria.MedicationFact;
import org.trdcds.knowledge.Knowledge;

/**
 * MedicationStatement, MedicationRequest and MedicationAdministration -> {@link MedicationFact}; records that were
 * never taken (docs/protocol.md "What the decision reads") are dropped. The medication's codes include a contained or
 * referenced Medication's code and ingredient codes, so a formulary product is recognised by its ingredient.
 */
final class MedicationReader {

    private static final Set<String> REQUEST_NOT_TAKEN = Set.of("draft", "cancelled", "entered-in-error");
    private static final Set<String> REQUEST_NOT_TAKEN_INTENT = Set.of("plan", "proposal");
    private static final Set<String> STATEMENT_NOT_TAKEN = Set.of("entered-in-error", "not-taken", "intended");
    private static final Set<String> ADMINISTRATION_NOT_TAKEN = Set.of("not-done", "entered-in-error");
    private static final Map<String, Double> DAYS =
            Map.of("s", 1 / 86400.0, "min", 1 / 1440.0, "h", 1 / 24.0, "d", 1.0, "wk", 7.0, "mo", 30.4375, "a", 365.25);

    private final Map<String, Medication> medications = new HashMap<>();
    private final Map<String, Condition> conditions = new HashMap<>();
    private final MedicationRecognizer recognizer;

    MedicationReader(List<Medication> medications, List<Condition> conditions) {
        this(medications, conditions, null);
    }

    /** @param knowledge for recognising medications by product code and name; null: by their codes as recorded */
    MedicationReader(List<Medication> medications, List<Condition> conditions, Knowledge knowledge) {
        this.recognizer = new MedicationRecognizer(knowledge);
        for (Medication m : medications == null ? List.<Medication>of() : medications) {
            this.medications.put("Medication/" + m.getIdElement().getIdPart(), m);
        }
        for (Condition c : conditions == null ? List.<Condition>of() : conditions) {
            this.conditions.put("Condition/" + c.getIdElement().getIdPart(), c);
        }
    }

    /** Adds the Medication resources of a draft-order bundle (resolvable by reference from the orders). */
    void addMedication(Medication medication) {
        medications.put("Medication/" + medication.getIdElement().getIdPart(), medication);
    }

    MedicationFact statement(MedicationStatement statement) {
        String status = statement.hasStatus() ? statement.getStatusElement().getValueAsString() : null;
        if (status != null && STATEMENT_NOT_TAKEN.contains(status)) {
            return null;
        }
        boolean period = statement.hasEffectivePeriod();
        MedicationRecognizer.Identified id = identify(statement.getMedication());
        return new MedicationFact(
                ref(statement),
                id.codes(),
                id.text(),
                status,
                period
                        ? FhirValues.start(statement.getEffectivePeriod())
                        : statement.hasEffectiveDateTimeType()
                                ? FhirValues.instant(statement.getEffectiveDateTimeType())
                                : null,
                period ? FhirValues.end(statement.getEffectivePeriod()) : null,
                doses(statement.getMedication(), DoseReader.readAll(statement.getDosage())),
                null,
                reasons(statement.getReasonCode(), statement.getReasonReference()),
                id.recognition());
    }

    MedicationFact request(MedicationRequest request) {
        String status = request.hasStatus() ? request.getStatusElement().getValueAsString() : null;
        String intent = request.hasIntent() ? request.getIntentElement().getValueAsString() : null;
        if ((status != null && REQUEST_NOT_TAKEN.contains(status))
                || (intent != null && REQUEST_NOT_TAKEN_INTENT.contains(intent))) {
            return null;
        }
        var dispense = request.hasDispenseRequest() ? request.getDispenseRequest() : null;
        Instant start = FhirValues.instant(request.getAuthoredOnElement());
        if (start == null && dispense != null && dispense.hasValidityPeriod()) {
            start = FhirValues.start(dispense.getValidityPeriod());
        }
        Instant end =
                dispense != null && dispense.hasValidityPeriod() ? FhirValues.end(dispense.getValidityPeriod()) : null;
        Instant supplied = start == null || dispense == null ? null : suppliedUntil(start, dispense);
        if (supplied != null && (end == null || supplied.isBefore(end))) {
            end = supplied;
        }
        MedicationRecognizer.Identified id = identify(request.getMedication());
        return new MedicationFact(
                ref(request),
                id.codes(),
                id.text(),
                status,
                start,
                end,
                doses(request.getMedication(), DoseReader.readAll(request.getDosageInstruction())),
                intent,
                reasons(request.getReasonCode(), request.getReasonReference()),
                id.recognition());
    }

    MedicationFact administration(MedicationAdministration administration) {
        String status =
                administration.hasStatus() ? administration.getStatusElement().getValueAsString() : null;
        if (status != null && ADMINISTRATION_NOT_TAKEN.contains(status)) {
            return null;
        }
        boolean period = administration.hasEffectivePeriod();
        Instant start = period
                ? FhirValues.start(administration.getEffectivePeriod())
                : administration.hasEffectiveDateTimeType()
                        ? FhirValues.instant(administration.getEffectiveDateTimeType())
                        : null;
        Instant end = period ? FhirValues.end(administration.getEffectivePeriod()) : start;
        List<Dose> doses = new ArrayList<>();
        if (administration.hasDosage()) {
            var dosage = administration.getDosage();
            Double value = FhirValues.number(dosage.getDose());
            doses.add(new Dose(
                    value == null || value <= 0 ? null : value,
                    FhirValues.unit(dosage.getDose()),
                    null,
                    null,
                    false,
                    dosage.hasText() ? dosage.getText() : null));
        }
        MedicationRecognizer.Identified id = identify(administration.getMedication());
        return new MedicationFact(
                ref(administration),
                id.codes(),
                id.text(),
                status == null ? "completed" : status,
                start,
                end == null ? start : end,
                doses(administration.getMedication(), doses),
                null,
                reasons(administration.getReasonCode(), administration.getReasonReference()),
                id.recognition());
    }

    /** PROTOCOL-v3 section A: the codes (incl. ingredients named by the text), text and recognition of a medication[x]. */
    MedicationRecognizer.Identified identify(Type medication) {
        return recognizer.identify(medication, resolve(medication));
    }

    /** The codes of a medication[x]: the concept's codings, or the Medication's code and ingredient codings. */
    List<Code> codes(Type medication) {
        if (medication instanceof CodeableConcept concept) {
            return FhirValues.codes(concept);
        }
        Medication resolved = resolve(medication);
        if (resolved == null) {
            return List.of();
        }
        List<Code> codes = new ArrayList<>(FhirValues.codes(resolved.getCode()));
        for (var ingredient : resolved.getIngredient()) {
            if (ingredient.getItem() instanceof CodeableConcept item) {
                codes.addAll(FhirValues.codes(item));
            }
        }
        return codes;
    }

    /**
     * The doses with an amount in the product's own unit (e.g. "0.8 mL" of a contained or referenced Medication whose
     * one ingredient strength is 50 mg per 1 mL) converted to mg; other doses as they are.
     */
    List<Dose> doses(Type medication, List<Dose> doses) {
        Double mgPerUnit = null;
        String unit = null;
        Medication resolved = resolve(medication);
        for (var ingredient :
                resolved == null ? List.<Medication.MedicationIngredientComponent>of() : resolved.getIngredient()) {
            if (ingredient.hasStrength()) {
                if (unit != null) {
                    return doses;
                }
                var numerator = ingredient.getStrength().getNumerator();
                var denominator = ingredient.getStrength().getDenominator();
                Double mg = FhirValues.number(numerator);
                Double per = denominator.hasValue() ? FhirValues.number(denominator) : Double.valueOf(1);
                Double factor = MG_FACTOR.get(String.valueOf(FhirValues.unit(numerator)));
                unit = FhirValues.unit(denominator);
                mgPerUnit = mg == null || per == null || factor == null ? null : mg * factor / per;
            }
        }
        if (mgPerUnit == null || unit == null || !Double.isFinite(mgPerUnit) || mgPerUnit <= 0) {
            return doses;
        }
        List<Dose> converted = new ArrayList<>(doses.size());
        for (Dose d : doses) {
            converted.add(
                    d.value() != null && unit.equalsIgnoreCase(d.unit())
                            ? new Dose(
                                    d.value() * mgPerUnit,
                                    "mg",
                                    d.perDay(),
                                    d.durationMinutes(),
                                    d.asNeeded(),
                                    d.text())
                            : d);
        }
        return converted;
    }

    private static final Map<String, Double> MG_FACTOR = Map.of("mg", 1.0, "g", 1000.0, "ug", 0.001, "mcg", 0.001);

    String text(Type medication) {
        CodeableConcept concept = medication instanceof CodeableConcept c
                ? c
                : resolve(medication) == null ? null : resolve(medication).getCode();
        return FhirValues.text(concept);
    }

    List<Code> reasons(List<CodeableConcept> codes, List<Reference> references) {
        List<Code> reasons = new ArrayList<>();
        for (CodeableConcept c : codes) {
            reasons.addAll(FhirValues.codes(c));
        }
        for (Reference r : references) {
            Condition condition = r.getResource() instanceof Condition c
                    ? c
                    : r.hasReference() ? conditions.get(r.getReference()) : null;
            if (condition != null) {
                reasons.addAll(FhirValues.codes(condition.getCode()));
            }
        }
        return reasons;
    }

    private Medication resolve(Type medication) {
        if (!(medication instanceof Reference reference)) {
            return null;
        }
        if (reference.getResource() instanceof Medication contained) {
            return contained;
        }
        return reference.hasReference() ? medications.get(reference.getReference()) : null;
    }

    /** start + expectedSupplyDuration x (1 + numberOfRepeatsAllowed), or null when no supply duration is given. */
    private static Instant suppliedUntil(Instant start, MedicationRequest.MedicationRequestDispenseRequestComponent d) {
        if (!d.hasExpectedSupplyDuration()) {
            return null;
        }
        BigDecimal value = d.getExpectedSupplyDuration().getValueElement().getValue();
        String unit = d.getExpectedSupplyDuration().getCode();
        Double perUnit = unit == null ? null : DAYS.get(unit);
        Integer repeats = d.getNumberOfRepeatsAllowedElement().getValue();
        if (value == null || perUnit == null || value.signum() <= 0) {
            return null;
        }
        double days = value.doubleValue() * perUnit * (1 + (repeats == null || repeats < 0 ? 0 : repeats));
        if (!Double.isFinite(days) || days > 36_500) {
            return null;
        }
        return start.plus(Duration.ofMinutes(Math.round(days * 1440)));
    }

    static String ref(Resource resource) {
        return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
    }
}
