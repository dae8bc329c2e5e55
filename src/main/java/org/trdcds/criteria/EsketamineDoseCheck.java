package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trdcds.knowledge.OrderParameters;

/**
 * The esketamine nasal-spray check of PROTOCOL-v3 section E (topic esketamine-dose-check): the dose per session
 * against the labelled doses (never by weight; devices and sprays converted to mg), the first dose of a course, and
 * the frequency in weeks 1-4 of the course and after. Critical above esketamineCriticalAboveMg. The labelled regimen
 * for MDD with acute suicidal ideation or behaviour is not a deviation when an urgent trigger is shown.
 */
final class EsketamineDoseCheck {

    private static final double EPSILON = 1e-9;

    private final OrderParameters o;

    EsketamineDoseCheck(OrderParameters parameters) {
        this.o = parameters;
    }

    /** mg of one session: a mg dose as is, devices and sprays by their mg; null when unknown. */
    Double sessionMg(Dose dose) {
        if (dose == null || dose.value() == null || dose.unit() == null) {
            return null;
        }
        String unit = dose.unit().trim().toLowerCase(java.util.Locale.ROOT);
        if (unit.equals("mg")) {
            return dose.value();
        }
        if (OrderParameters.items(o.esketamineDeviceUnits()).contains(unit)) {
            return dose.value() * o.esketamineDeviceMg();
        }
        if (OrderParameters.items(o.esketamineSprayUnits()).contains(unit)) {
            return dose.value() * o.esketamineSprayMg();
        }
        return null;
    }

    /**
     * @param age         age in whole years at the hook instant, null when the birth date is unknown
     * @param sessions    the starts of the recorded esketamine sessions
     * @param urgent      an urgent suicide-risk trigger (section C) in the record or the order's reason
     * @param withholdSuggestion no dose-deviation suggestion (a patient under the minimum age)
     * @return null when the order follows the label
     */
    Finding check(
            DraftOrder order,
            Integer age,
            List<Instant> sessions,
            boolean urgent,
            Instant now,
            boolean withholdSuggestion) {
        Dose dose = DoseCheck.scheduled(order);
        Double mg = sessionMg(dose);
        boolean older = age != null && age >= o.esketamineOlderAdultAge();
        List<Double> allowed = new ArrayList<>(
                OrderParameters.numbers(urgent ? o.esketamineSuicidalIdeationDosesMg() : o.esketamineDosesMg()));
        if (older) {
            allowed.addAll(OrderParameters.numbers(o.esketamineOlderAdultDosesMg()));
        }
        boolean aboveCritical = mg != null && mg > o.esketamineCriticalAboveMg() + EPSILON;
        boolean doseOff = mg == null || allowed.stream().noneMatch(a -> Math.abs(a - mg) < EPSILON);
        Instant courseFrom = now.minus(Duration.ofDays(o.esketamineCourseGapDays()));
        Instant first = firstOfCourse(sessions, courseFrom, now);
        boolean firstDose = first == null;
        double firstMax = older ? o.esketamineOlderFirstDoseMaxMg() : o.esketamineFirstDoseMaxMg();
        boolean firstDoseOff = firstDose && !urgent && mg != null && mg > firstMax + EPSILON;
        long week = first == null ? 1 : Duration.between(first, now).toDays() / 7 + 1;
        int maxPer7 =
                week <= o.esketamineEarlyWeeks() ? o.esketamineEarlyMaxPer7Days() : o.esketamineLaterMaxPer7Days();
        Double perWeek = dose == null || dose.perDay() == null || dose.single() ? null : dose.perDay() * 7;
        int inLast7 = 1 + countSince(sessions, now.minus(Duration.ofDays(7)), now);
        boolean frequencyOff = perWeek != null ? perWeek > maxPer7 + EPSILON : inLast7 > maxPer7;
        if (!doseOff && !firstDoseOff && !frequencyOff && !aboveCritical) {
            return null;
        }
        double suggested = suggestedDose(mg, allowed, firstDose && !urgent ? firstMax : o.esketamineCriticalAboveMg());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("draftOrderRef", order.ref());
        d.put("order", order.text() != null ? order.text() : Details.label(order.codes()));
        d.put("orderedDoseMg", Details.round(mg));
        d.put(
                "orderedAs",
                mg != null || dose == null || dose.value() == null
                        ? null
                        : Details.number(dose.value()) + (dose.unit() == null ? "" : " " + dose.unit()));
        d.put("orderedPerWeek", perWeek == null ? null : Details.round(perWeek));
        d.put("sessionsInLast7Days", perWeek == null ? inLast7 : null);
        d.put("labelDoses", joined(allowed));
        d.put("criticalAboveMg", Details.number(o.esketamineCriticalAboveMg()));
        d.put("aboveCritical", aboveCritical);
        d.put("doseOff", doseOff);
        d.put("firstDose", firstDose);
        d.put("firstDoseOff", firstDoseOff);
        d.put("firstDoseMaxMg", Details.number(firstMax));
        d.put("courseGapDays", o.esketamineCourseGapDays());
        d.put("olderAdult", older);
        d.put("olderAdultAge", o.esketamineOlderAdultAge());
        d.put("ageUnknown", age == null);
        d.put("frequencyOff", frequencyOff);
        d.put("courseWeek", week);
        d.put("earlyWeeks", o.esketamineEarlyWeeks());
        d.put("maxPer7Days", maxPer7);
        d.put("suicidalIdeationRegimen", urgent);
        d.put("suggestedDoseMg", Details.number(suggested));
        d.put("suggestedPerWeek", maxPer7);
        if (!withholdSuggestion) {
            d.put("suggestionRef", order.ref());
        }
        return new Finding(Topics.ESKETAMINE_DOSE_CHECK, d, List.of(order.ref()));
    }

    /** The largest labelled dose not above the ordered one and the cap, else the smallest labelled dose. */
    private static double suggestedDose(Double mg, List<Double> allowed, double cap) {
        double best = -1;
        double smallest = Double.MAX_VALUE;
        for (double a : allowed) {
            smallest = Math.min(smallest, a);
            if (a <= cap + EPSILON && (mg == null || a <= mg + EPSILON) && a > best) {
                best = a;
            }
        }
        return best > 0 ? best : smallest == Double.MAX_VALUE ? 0 : smallest;
    }

    /** The first session of the course still running (sessions no more than the course gap apart), or null. */
    private Instant firstOfCourse(List<Instant> sessions, Instant courseFrom, Instant now) {
        List<Instant> sorted = new ArrayList<>();
        for (Instant s : sessions) {
            if (s != null && !s.isAfter(now)) {
                sorted.add(s);
            }
        }
        sorted.sort(null);
        if (sorted.isEmpty() || sorted.get(sorted.size() - 1).isBefore(courseFrom)) {
            return null;
        }
        Instant first = sorted.get(sorted.size() - 1);
        for (int i = sorted.size() - 2; i >= 0; i--) {
            if (Duration.between(sorted.get(i), first).toDays() > o.esketamineCourseGapDays()) {
                break;
            }
            first = sorted.get(i);
        }
        return first;
    }

    private static int countSince(List<Instant> sessions, Instant from, Instant now) {
        int n = 0;
        for (Instant s : sessions) {
            if (s != null && s.isAfter(from) && !s.isAfter(now)) {
                n++;
            }
        }
        return n;
    }

    private static String joined(List<Double> doses) {
        List<String> text = new ArrayList<>();
        doses.stream().sorted().forEach(x -> text.add(Details.number(x)));
        return String.join(" or ", text) + " mg";
    }
}
