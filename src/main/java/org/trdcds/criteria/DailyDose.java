package org.trdcds.criteria;

import java.util.Set;
import org.trdcds.terminology.Knowledge;

/** Unit arithmetic of doses: amounts in mg, and daily doses from amount x frequency. Null means unknown. */
final class DailyDose {

    private static final Set<String> UNIT_FORMS = Set.of("{tbl}", "{tablet}", "{tablets}", "tablet", "tablets", "tab",
            "tabs", "{cap}", "{capsule}", "{capsules}", "capsule", "capsules", "cap", "caps", "{pill}", "pill", "pills");

    /** The amount in mg for mg, g, ug/mcg; null for any other unit. */
    static Double toMg(Double value, String unit) {
        if (value == null || unit == null) {
            return null;
        }
        return switch (unit.toLowerCase()) {
            case "mg", "milligram", "milligrams" -> value;
            case "g", "gram", "grams" -> value * 1000;
            case "ug", "mcg", "µg", "microgram", "micrograms" -> value / 1000;
            default -> null;
        };
    }

    /** One administration in mg: mg units directly, tablets/capsules x the product's strength. */
    static Double perAdministrationMg(Dose dose, Knowledge.Product product) {
        if (dose == null || dose.value() == null || dose.unit() == null) {
            return null;
        }
        Double mg = toMg(dose.value(), dose.unit());
        if (mg != null) {
            return mg;
        }
        if (UNIT_FORMS.contains(dose.unit().toLowerCase()) && product != null && product.strengthMg() != null) {
            return dose.value() * product.strengthMg();
        }
        return null;
    }

    /** Daily dose in mg, or null when the amount, its unit, the strength or the frequency is missing. */
    static Double mgPerDay(Dose dose, Knowledge.Product product) {
        Double mg = perAdministrationMg(dose, product);
        return mg == null || dose.perDay() == null ? null : mg * dose.perDay();
    }

    private DailyDose() {
    }
}
