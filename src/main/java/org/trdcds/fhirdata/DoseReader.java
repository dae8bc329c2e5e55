package org.trdcds.fhirdata;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Enumeration;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.Timing.TimingRepeatComponent;
import org.trdcds.criteria.Dose;

/**
 * A Dosage as a {@link Dose}: the first doseAndRate.doseQuantity, administrations per day from timing.repeat
 * (frequency, else frequencyMax, per period in UCUM time units) or from a timing.code abbreviation, the duration of
 * one administration in minutes, and whether it is as-needed. Whatever is malformed (a fractional or huge frequency,
 * an unknown period unit, a non-finite or negative number) is read as unknown (null), never as an error.
 */
final class DoseReader {

    /** Days per UCUM unit of time (mo and a are UCUM's mean Julian month and year). */
    private static final Map<String, Double> DAYS =
            Map.of("s", 1 / 86400.0, "min", 1 / 1440.0, "h", 1 / 24.0, "d", 1.0, "wk", 7.0, "mo", 30.4375, "a", 365.25);

    /** Minutes per UCUM unit of an administration's duration. */
    private static final Map<String, Double> MINUTES = Map.of("s", 1 / 60.0, "min", 1.0, "h", 60.0, "d", 1440.0);

    /** Administrations per day of the HL7 timing abbreviations (v3 GTSAbbreviation). */
    private static final Map<String, Double> PER_DAY_BY_CODE = Map.ofEntries(
            Map.entry("QD", 1.0),
            Map.entry("BID", 2.0),
            Map.entry("TID", 3.0),
            Map.entry("QID", 4.0),
            Map.entry("QOD", 0.5),
            Map.entry("AM", 1.0),
            Map.entry("PM", 1.0),
            Map.entry("BED", 1.0),
            Map.entry("Q1H", 24.0),
            Map.entry("Q2H", 12.0),
            Map.entry("Q3H", 8.0),
            Map.entry("Q4H", 6.0),
            Map.entry("Q6H", 4.0),
            Map.entry("Q8H", 3.0),
            Map.entry("Q12H", 2.0),
            Map.entry("WK", 1 / 7.0),
            Map.entry("MO", 1 / 30.4375));

    /** Timing abbreviations of one administration (v3 GTSAbbreviation ONCE; STAT of v3 ActPriority, as EHRs send it). */
    private static final java.util.Set<String> SINGLE_CODES = java.util.Set.of("ONCE", "STAT");

    /** More administrations per day than this is not a dosing schedule. */
    private static final double MAX_PER_DAY = 1440;

    private DoseReader() {}

    static List<Dose> readAll(List<Dosage> dosages) {
        List<Dose> doses = new ArrayList<>(dosages.size());
        for (Dosage dosage : dosages) {
            Dose dose = read(dosage);
            if (dose != null) {
                doses.add(dose);
            }
        }
        return doses;
    }

    static Dose read(Dosage dosage) {
        if (dosage == null) {
            return null;
        }
        var quantity = dosage.getDoseAndRate().stream()
                .filter(doseAndRate -> doseAndRate.hasDoseQuantity())
                .map(doseAndRate -> doseAndRate.getDoseQuantity())
                .findFirst()
                .orElse(null);
        Timing timing = dosage.hasTiming() ? dosage.getTiming() : null;
        Double value = FhirValues.number(quantity);
        boolean asNeeded = dosage.getAsNeeded() instanceof BooleanType flag
                ? Boolean.TRUE.equals(flag.getValue())
                : dosage.getAsNeeded() != null && !dosage.getAsNeeded().isEmpty();
        return new Dose(
                value == null || value <= 0 ? null : value,
                FhirValues.unit(quantity),
                perDay(timing),
                durationMinutes(timing),
                asNeeded,
                dosage.hasText() ? dosage.getText() : null,
                route(dosage),
                single(timing));
    }

    /** A single administration: timing.repeat.count 1, or timing.code ONCE or STAT (HL7 timing abbreviations). */
    private static boolean single(Timing timing) {
        if (timing == null) {
            return false;
        }
        if (timing.hasRepeat()
                && timing.getRepeat().getCountElement().getValue() != null
                && timing.getRepeat().getCountElement().getValue() == 1) {
            return true;
        }
        String code = FhirValues.firstCode(timing.getCode());
        return code != null && SINGLE_CODES.contains(code.toUpperCase(Locale.ROOT));
    }

    /** The route as lower-cased text: its text, else the first coding's display, else its code; null when none. */
    private static String route(Dosage dosage) {
        if (!dosage.hasRoute()) {
            return null;
        }
        var route = dosage.getRoute();
        if (route.hasText()) {
            return route.getText().toLowerCase(Locale.ROOT);
        }
        for (var coding : route.getCoding()) {
            if (coding.hasDisplay()) {
                return coding.getDisplay().toLowerCase(Locale.ROOT);
            }
        }
        return route.getCoding().isEmpty() || !route.getCodingFirstRep().hasCode()
                ? null
                : route.getCodingFirstRep().getCode().toLowerCase(Locale.ROOT);
    }

    private static Double perDay(Timing timing) {
        if (timing == null) {
            return null;
        }
        TimingRepeatComponent repeat = timing.hasRepeat() ? timing.getRepeat() : null;
        if (repeat != null && (repeat.hasFrequency() || repeat.hasFrequencyMax() || repeat.hasPeriod())) {
            Integer frequency = repeat.getFrequencyElement().getValue();
            if (frequency == null) {
                frequency = repeat.getFrequencyMaxElement().getValue();
            }
            if (frequency == null && !repeat.hasFrequency() && !repeat.hasFrequencyMax()) {
                frequency = 1; // FHIR: frequency defaults to 1 per period
            }
            Double period = finitePositive(repeat.getPeriodElement().getValue());
            Double days = lookup(DAYS, code(repeat.getPeriodUnitElement()));
            if (frequency == null || frequency <= 0 || period == null || days == null) {
                return null;
            }
            double perDay = frequency / (period * days);
            return Double.isFinite(perDay) && perDay > 0 && perDay <= MAX_PER_DAY ? perDay : null;
        }
        String code = FhirValues.firstCode(timing.getCode());
        return code == null ? null : PER_DAY_BY_CODE.get(code.toUpperCase(Locale.ROOT));
    }

    private static Double durationMinutes(Timing timing) {
        if (timing == null || !timing.hasRepeat()) {
            return null;
        }
        TimingRepeatComponent repeat = timing.getRepeat();
        Double duration = finitePositive(repeat.getDurationElement().getValue());
        Double minutes = lookup(MINUTES, code(repeat.getDurationUnitElement()));
        if (duration == null || minutes == null) {
            return null;
        }
        double result = duration * minutes;
        return Double.isFinite(result) ? result : null;
    }

    /** The code of an enumeration, null when absent or not a known code (the lenient parser keeps bad ones empty). */
    private static String code(Enumeration<?> element) {
        try {
            return element == null || element.getValue() == null ? null : element.getValueAsString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Map.of rejects a null key: an absent code is simply unknown. */
    private static Double lookup(Map<String, Double> map, String code) {
        return code == null ? null : map.get(code);
    }

    private static Double finitePositive(BigDecimal value) {
        if (value == null) {
            return null;
        }
        double d = value.doubleValue();
        return Double.isFinite(d) && d > 0 ? d : null;
    }
}
