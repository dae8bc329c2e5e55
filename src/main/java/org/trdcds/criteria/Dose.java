package org.trdcds.criteria;

/**
 * One dose as recorded: the amount per administration and how often per day.
 *
 * @param value          amount per administration, null when absent
 * @param unit           UCUM code if present (mg, g, ug, {tbl}, {cap}, {pill}, ...) else the unit text lower-cased; null when absent
 * @param perDay         administrations per day from timing (frequency / period normalised to days); null when timing is absent or unusable
 * @param durationMinutes duration of one administration in minutes (timing.repeat.duration), null when absent
 */
public record Dose(Double value, String unit, Double perDay, Double durationMinutes) {
}
