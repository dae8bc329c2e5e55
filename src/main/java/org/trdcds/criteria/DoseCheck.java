package org.trdcds.criteria;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trdcds.knowledge.Knowledge;
import org.trdcds.knowledge.ProtocolParameters;

/**
 * The IV ketamine dose check of docs/protocol.md section 5: the ordered dose against ketamineMgPerKg x the latest plausible
 * weight, the infusion time, the schedule (at most maxSessionsPerWeek), and the mg/kg ceiling (critical).
 */
final class DoseCheck {

    private static final double EPSILON = 1e-9;

    private final ProtocolParameters p;

    DoseCheck(ProtocolParameters parameters) {
        this.p = parameters;
    }

    /** mg per kg of one administration: a mg/kg dose as is, a mg dose over the weight; null when unknown. */
    static Double mgPerKg(Dose dose, Double weightKg) {
        return mgPerKg(dose, weightKg, null);
    }

    /** @param product the ordered product (its strength turns "2 mL" into mg), or null */
    static Double mgPerKg(Dose dose, Double weightKg, Knowledge.Product product) {
        if (dose == null || dose.value() == null || dose.unit() == null) {
            return null;
        }
        if ("mg/kg".equalsIgnoreCase(dose.unit())) {
            return dose.value();
        }
        Double mg = DailyDose.perAdministrationMg(dose, product);
        return mg == null || weightKg == null || weightKg <= 0 ? null : mg / weightKg;
    }

    /** The scheduled instruction that carries the dose: the first non-as-needed one with an amount, else the first. */
    static Dose scheduled(DraftOrder order) {
        for (Dose d : order.doses()) {
            if (!d.asNeeded() && d.value() != null) {
                return d;
            }
        }
        return order.dose();
    }

    /**
     * Null when the order follows the protocol (or, for a blocked order, when it is not above the ceiling: a mere
     * deviation next to "remove it" is noise).
     *
     * @param weight null when no plausible weight
     */
    Finding check(DraftOrder order, Weight.Result weight, boolean blocked, Knowledge.Product product) {
        return check(order, weight, blocked, product, false, false);
    }

    /**
     * @param withholdSuggestion no dose-deviation suggestion (a patient under the minimum age, PROTOCOL-v3 E)
     * @param ageUnknown         no birth date: the card says the age could not be checked
     */
    Finding check(
            DraftOrder order,
            Weight.Result weight,
            boolean blocked,
            Knowledge.Product product,
            boolean withholdSuggestion,
            boolean ageUnknown) {
        Dose dose = scheduled(order);
        Double kg = weight == null ? null : weight.kg();
        Double perKg = mgPerKg(dose, kg, product);
        boolean aboveCeiling = perKg != null && perKg > p.ketamineCeilingMgPerKg() + EPSILON;
        if (blocked && !aboveCeiling) {
            return null;
        }
        if (kg == null && !aboveCeiling) {
            return null;
        }
        Double ordered = dose == null ? null : DailyDose.perAdministrationMg(dose, product);
        if (perKg != null && kg != null) {
            ordered = perKg * kg;
        }
        Double target = kg == null ? null : p.ketamineMgPerKg() * kg;
        boolean doseOff =
                target == null || ordered == null || Math.abs(ordered - target) > p.doseTolerance() * target + EPSILON;
        Double minutes = dose == null ? null : dose.durationMinutes();
        boolean durationOff = minutes == null || minutes < p.infusionMinMinutes() || minutes > p.infusionMaxMinutes();
        Double perWeek = dose == null || dose.perDay() == null ? null : dose.perDay() * 7;
        boolean scheduleOff = perWeek != null && perWeek > p.maxSessionsPerWeek() + EPSILON;
        if (!doseOff && !durationOff && !scheduleOff && !aboveCeiling) {
            return null;
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("draftOrderRef", order.ref());
        d.put("order", order.text() != null ? order.text() : Details.label(order.codes()));
        d.put("orderedDoseMg", Details.round(ordered));
        d.put("orderedAs", ordered != null ? null : orderedAs(dose));
        d.put("orderedMgPerKg", perKg == null ? null : Math.round(perKg * 100) / 100.0);
        d.put("orderedMinutes", minutes == null ? null : Details.round(minutes));
        d.put("orderedPerWeek", perWeek == null ? null : Details.round(perWeek));
        d.put("ketamineMgPerKg", p.ketamineMgPerKg());
        d.put("ceilingMgPerKg", p.ketamineCeilingMgPerKg());
        d.put("maxSessionsPerWeek", p.maxSessionsPerWeek());
        d.put("tolerancePercent", Details.wholePercent(p.doseTolerance()));
        d.put("infusionMinMinutes", p.infusionMinMinutes());
        d.put("infusionMaxMinutes", p.infusionMaxMinutes());
        d.put("doseOff", doseOff);
        d.put("durationOff", durationOff);
        d.put("scheduleOff", scheduleOff);
        d.put("aboveCeiling", aboveCeiling);
        d.put("blocked", blocked);
        List<String> evidence = new ArrayList<>(List.of(order.ref()));
        if (kg != null) {
            int suggestedMinutes = durationOff ? p.infusionMinMinutes() : (int) Math.round(minutes);
            double suggested = Details.round(target);
            d.put("weightKg", Details.round(kg));
            d.put("weightDate", Details.date(weight.at()));
            d.put("suggestedDoseMg", suggested);
            d.put("suggestedMinutes", suggestedMinutes);
            d.put("suggestedRateMgPerHour", Details.round(suggested * 60 / suggestedMinutes));
            d.put("deviationPercent", ordered == null ? null : Math.round(Math.abs(ordered - target) / target * 100));
            if (!withholdSuggestion) {
                d.put(scheduleOff ? "scheduleRef" : "keepScheduleRef", order.ref());
            }
            evidence.add(weight.ref());
        }
        d.put("suggestionWithheld", withholdSuggestion);
        d.put("ageUnknown", ageUnknown);
        return new Finding(Topics.KETAMINE_DOSE_CHECK, d, evidence);
    }

    /** What was ordered when it is no mg dose ("1 vial"), for the card. */
    private static Object orderedAs(Dose dose) {
        if (dose == null) {
            return Phrase.of("order.noDoseStated");
        }
        if (dose.value() != null) {
            return Details.number(dose.value()) + (dose.unit() == null ? "" : " " + dose.unit());
        }
        return dose.text() != null ? dose.text() : Phrase.of("order.noDoseStated");
    }
}
