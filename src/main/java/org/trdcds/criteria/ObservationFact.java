package org.trdcds.criteria;

import java.time.Instant;
import java.util.List;

/**
 * An Observation, reduced to what the criteria read.
 *
 * @param ref        "Observation/{id}"
 * @param codes      codings of Observation.code
 * @param effective  effectiveDateTime, effectivePeriod.start, or issued; null if none
 * @param value      numeric value from valueQuantity, valueInteger, or a numeric valueString; null otherwise
 * @param unit       UCUM code of valueQuantity, else its unit text; null otherwise
 * @param valueCodes codings of valueCodeableConcept (e.g. LOINC answer LA6569-3), empty otherwise
 * @param components components (BP panel systolic/diastolic)
 * @param status     Observation.status code (final, amended, preliminary, ...) or null (v3: a risk assessment counts
 *                   only when final)
 * @param valueText  valueString, or the text (else first display) of valueCodeableConcept; null otherwise
 */
public record ObservationFact(
        String ref,
        List<Code> codes,
        Instant effective,
        Double value,
        String unit,
        List<Code> valueCodes,
        List<Component> components,
        String status,
        String valueText) {

    /** A non-finite value is unknown (null). */
    public ObservationFact {
        value = value == null || !Double.isFinite(value) ? null : value;
    }

    public ObservationFact(
            String ref,
            List<Code> codes,
            Instant effective,
            Double value,
            String unit,
            List<Code> valueCodes,
            List<Component> components) {
        this(ref, codes, effective, value, unit, valueCodes, components, null, null);
    }

    /** A component; {@code valueCodes} are the codings of its valueCodeableConcept (e.g. a PHQ-9 item answer). */
    public record Component(List<Code> codes, Double value, String unit, List<Code> valueCodes) {

        public Component {
            value = value == null || !Double.isFinite(value) ? null : value;
        }

        public Component(List<Code> codes, Double value, String unit) {
            this(codes, value, unit, List.of());
        }
    }
}
