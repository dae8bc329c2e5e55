package org.trdcds.criteria;

import java.util.List;
import java.util.Set;
import org.trdcds.knowledge.Knowledge;

/** Unit arithmetic of doses: amounts in mg, and daily doses from amount x frequency. Null means unknown. */
final class DailyDose {

    private static final Set<String> UNIT_FORMS = Set.of(
            "{tbl}",
            "{tablet}",
            "{tablets}",
            "tablet",
            "tablets",
            "tab",
            "tabs",
            "{cap}",
            "{capsule}",
            "{capsules}",
            "capsule",
            "capsules",
            "cap",
            "caps",
            "{pill}",
            "pill",
            "pills");

    /** The amount in mg for mg, g, ug/mcg; null for any other unit or a non-finite or non-positive amount. */
    static Double toMg(Double value, String unit) {
        if (value == null || unit == null || !Double.isFinite(value) || value <= 0) {
            return null;
        }
        Double mg = switch (unit.toLowerCase()) {
            case "mg", "milligram", "milligrams" -> value;
            case "g", "gram", "grams" -> value * 1000;
            case "ug", "mcg", "µg", "microgram", "micrograms" -> value / 1000;
            default -> null;
        };
        return mg == null || !Double.isFinite(mg) ? null : mg;
    }

    /** One administration in mg: mg units directly, tablets/capsules (or the product's own unit, e.g. mL) x strength. */
    static Double perAdministrationMg(Dose dose, Knowledge.Product product) {
        if (dose == null || dose.value() == null || dose.unit() == null) {
            return null;
        }
        Double mg = toMg(dose.value(), dose.unit());
        if (mg != null) {
            return mg;
        }
        boolean productUnit = product != null
                && product.doseUnit() != null
                && product.doseUnit().equalsIgnoreCase(dose.unit());
        if ((UNIT_FORMS.contains(dose.unit().toLowerCase()) || productUnit)
                && product != null
                && product.strengthMg() != null) {
            double total = dose.value() * product.strengthMg();
            return Double.isFinite(total) && total > 0 ? total : null;
        }
        return null;
    }

    /** Daily dose in mg of one instruction, or null when the amount, its unit, the strength or the frequency is missing. */
    static Double mgPerDay(Dose dose, Knowledge.Product product) {
        Double mg = perAdministrationMg(dose, product);
        return mg == null || dose.perDay() == null ? null : mg * dose.perDay();
    }

    /**
     * The daily dose of a record: every scheduled instruction adds up (split doses); as-needed instructions do not
     * count. Unknown when any scheduled instruction is unknown, or when there is none.
     */
    static Double mgPerDay(List<Dose> doses, Knowledge.Product product) {
        double total = 0;
        boolean any = false;
        for (Dose dose : doses) {
            if (dose.asNeeded()) {
                continue;
            }
            Double mg = mgPerDay(dose, product);
            if (mg == null) {
                return null;
            }
            total += mg;
            any = true;
        }
        return any && Double.isFinite(total) ? total : null;
    }

    private DailyDose() {}
}
