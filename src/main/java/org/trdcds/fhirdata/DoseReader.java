package org.trdcds.fhirdata;

import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.Timing.TimingRepeatComponent;
import org.trdcds.criteria.Dose;

/**
 * A Dosage as a {@link Dose}: the first doseAndRate.doseQuantity, administrations per day from timing.repeat
 * (frequency, else frequencyMax, per period in UCUM time units) or from a timing.code abbreviation, and the duration
 * of one administration in minutes.
 */
final class DoseReader {

    /** Days per UCUM unit of time (mo and a are UCUM's mean Julian month and year). */
    private static final Map<String, Double> DAYS = Map.of(
            "s", 1 / 86400.0, "min", 1 / 1440.0, "h", 1 / 24.0, "d", 1.0, "wk", 7.0, "mo", 30.4375, "a", 365.25);

    /** Minutes per UCUM unit of an administration's duration. */
    private static final Map<String, Double> MINUTES = Map.of("s", 1 / 60.0, "min", 1.0, "h", 60.0);

    /** Administrations per day of the HL7 timing abbreviations (v3 GTSAbbreviation). */
    private static final Map<String, Double> PER_DAY_BY_CODE = Map.ofEntries(
            Map.entry("QD", 1.0), Map.entry("BID", 2.0), Map.entry("TID", 3.0), Map.entry("QID", 4.0),
            Map.entry("QOD", 0.5), Map.entry("AM", 1.0), Map.entry("PM", 1.0), Map.entry("BED", 1.0),
            Map.entry("Q1H", 24.0), Map.entry("Q2H", 12.0), Map.entry("Q3H", 8.0), Map.entry("Q4H", 6.0),
            Map.entry("Q6H", 4.0), Map.entry("Q8H", 3.0), Map.entry("Q12H", 2.0),
            Map.entry("WK", 1 / 7.0), Map.entry("MO", 1 / 30.4375));

    private DoseReader() {
    }

    static Dose read(Dosage dosage) {
        if (dosage == null) {
            return null;
        }
        var quantity = dosage.getDoseAndRate().stream().filter(doseAndRate -> doseAndRate.hasDoseQuantity())
                .map(doseAndRate -> doseAndRate.getDoseQuantity()).findFirst().orElse(null);
        Timing timing = dosage.hasTiming() ? dosage.getTiming() : null;
        return new Dose(FhirValues.number(quantity), FhirValues.unit(quantity), perDay(timing), durationMinutes(timing));
    }

    private static Double perDay(Timing timing) {
        if (timing == null) {
            return null;
        }
        TimingRepeatComponent repeat = timing.getRepeat();
        if (timing.hasRepeat() && (repeat.hasFrequency() || repeat.hasFrequencyMax()) && repeat.hasPeriod()
                && repeat.hasPeriodUnit() && repeat.getPeriod().signum() > 0) {
            int frequency = repeat.hasFrequency() ? repeat.getFrequency() : repeat.getFrequencyMax();
            Double days = DAYS.get(repeat.getPeriodUnit().toCode());
            return days == null ? null : frequency / (repeat.getPeriod().doubleValue() * days);
        }
        String code = FhirValues.firstCode(timing.getCode());
        return code == null ? null : PER_DAY_BY_CODE.get(code.toUpperCase(Locale.ROOT));
    }

    private static Double durationMinutes(Timing timing) {
        if (timing == null || !timing.hasRepeat() || !timing.getRepeat().hasDuration()
                || !timing.getRepeat().hasDurationUnit()) {
            return null;
        }
        Double minutes = MINUTES.get(timing.getRepeat().getDurationUnit().toCode());
        return minutes == null ? null : timing.getRepeat().getDuration().doubleValue() * minutes;
    }
}
