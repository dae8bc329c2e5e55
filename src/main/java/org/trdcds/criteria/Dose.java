package org.trdcds.criteria;

/**
 * One dosage instruction as recorded: the amount per administration and how often per day. Anything malformed is
 * null ("unknown"), never an error.
 *
 * @param value           amount per administration (finite, positive), null when absent or unusable
 * @param unit            UCUM code if present (mg, g, ug, mg/kg, {tbl}, ...) else the unit text lower-cased; null when absent
 * @param perDay          administrations per day from timing (frequency / period normalised to days); null when timing is absent or unusable
 * @param durationMinutes duration of one administration in minutes (timing.repeat.duration), null when absent or unusable
 * @param asNeeded        an as-needed (PRN) instruction: it does not add to a daily dose
 * @param text            the instruction's text (for "what was ordered"), null when none
 * @param route           the route as text, lower-cased (route.text, else a coding's display, else its code); null when none
 * @param single          a single administration: timing.repeat.count 1, or timing.code ONCE or STAT (PROTOCOL-v3 E)
 */
public record Dose(
        Double value,
        String unit,
        Double perDay,
        Double durationMinutes,
        boolean asNeeded,
        String text,
        String route,
        boolean single) {

    /** A non-finite, zero or negative amount, frequency or duration is unknown (null). */
    public Dose {
        value = positive(value);
        perDay = positive(perDay);
        durationMinutes = positive(durationMinutes);
    }

    static Double positive(Double number) {
        return number == null || !Double.isFinite(number) || number <= 0 ? null : number;
    }

    public Dose(
            Double value,
            String unit,
            Double perDay,
            Double durationMinutes,
            boolean asNeeded,
            String text,
            String route) {
        this(value, unit, perDay, durationMinutes, asNeeded, text, route, false);
    }

    public Dose(Double value, String unit, Double perDay, Double durationMinutes) {
        this(value, unit, perDay, durationMinutes, false, null, null);
    }

    public Dose(Double value, String unit, Double perDay, Double durationMinutes, boolean asNeeded, String text) {
        this(value, unit, perDay, durationMinutes, asNeeded, text, null);
    }
}
