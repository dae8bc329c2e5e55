package org.trdcds.fhirdata;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.trdcds.criteria.Code;

/** Small FHIR datatype readings shared by the extractors. */
final class FhirValues {

    private static final String UCUM = "http://unitsofmeasure.org";
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    private FhirValues() {}

    /** A concept's text, else the display of its first coding that has one, else null. */
    static String text(CodeableConcept concept) {
        if (concept == null) {
            return null;
        }
        if (concept.hasText()) {
            return concept.getText();
        }
        return concept.getCoding().stream()
                .filter(coding -> coding.hasDisplay())
                .map(coding -> coding.getDisplay())
                .findFirst()
                .orElse(null);
    }

    static List<Code> codes(CodeableConcept concept) {
        if (concept == null) {
            return List.of();
        }
        return concept.getCoding().stream()
                .filter(coding -> coding.hasCode())
                .map(coding -> new Code(coding.getSystem(), coding.getCode(), coding.getDisplay()))
                .toList();
    }

    /** The code of the first coding, e.g. a clinical or verification status; null when none. */
    static String firstCode(CodeableConcept concept) {
        List<Code> codes = codes(concept);
        return codes.isEmpty() ? null : codes.get(0).code();
    }

    /** A finite number from valueQuantity, valueInteger or a numeric valueString ("12"); null otherwise (1e999 too). */
    static Double number(Type value) {
        Double number = null;
        if (value instanceof Quantity quantity && quantity.getValueElement().getValue() != null) {
            number = quantity.getValueElement().getValue().doubleValue();
        } else if (value instanceof IntegerType integer && integer.getValue() != null) {
            number = integer.getValue().doubleValue();
        } else if (value instanceof StringType text
                && text.getValue() != null
                && text.getValue().length() < 40
                && NUMBER.matcher(text.getValue().trim()).matches()) {
            number = Double.valueOf(text.getValue().trim());
        }
        return number == null || !Double.isFinite(number) ? null : number;
    }

    /** The UCUM code of a Quantity (when its system is UCUM or absent), else its unit text lower-cased; null otherwise. */
    static String unit(Type value) {
        if (!(value instanceof Quantity quantity)) {
            return null;
        }
        if (quantity.hasCode() && (!quantity.hasSystem() || UCUM.equals(quantity.getSystem()))) {
            return quantity.getCode();
        }
        return quantity.hasUnit() ? quantity.getUnit().toLowerCase(Locale.ROOT) : null;
    }

    /** A dateTime as an instant; a date without a time is the start of that day (or month, or year) in UTC. */
    static Instant instant(BaseDateTimeType dateTime) {
        if (dateTime == null || dateTime.getValue() == null) {
            return null;
        }
        if (dateTime.getPrecision().ordinal() <= TemporalPrecisionEnum.DAY.ordinal()) {
            return localDate(dateTime).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return dateTime.getValue().toInstant();
    }

    static LocalDate localDate(BaseDateTimeType date) {
        if (date == null || date.getValue() == null) {
            return null;
        }
        return LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay());
    }

    static Instant start(Period period) {
        return period == null ? null : instant(period.getStartElement());
    }

    /**
     * The end of a period; a date-only end (day, month or year precision) is the whole of that day (month, year): its
     * last millisecond in UTC (PROTOCOL-v3 F: a trial from 5 May 10:00 to "16 June" lasted 42 days).
     */
    static Instant end(Period period) {
        if (period == null
                || period.getEndElement() == null
                || period.getEndElement().getValue() == null) {
            return null;
        }
        BaseDateTimeType end = period.getEndElement();
        TemporalPrecisionEnum precision = end.getPrecision();
        if (precision.ordinal() > TemporalPrecisionEnum.DAY.ordinal()) {
            return end.getValue().toInstant();
        }
        LocalDate first = localDate(end);
        LocalDate next = switch (precision) {
            case YEAR -> LocalDate.of(first.getYear(), 1, 1).plusYears(1);
            case MONTH -> first.withDayOfMonth(1).plusMonths(1);
            default -> first.plusDays(1);
        };
        return next.atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
    }
}
