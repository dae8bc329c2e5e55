package org.trdcds.knowledge;

import java.util.HashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.trdcds.knowledge.Knowledge.MinimumDose;

/**
 * Reads a minimum-dose table (Parameters-antidepressant-minimum-doses.json, Parameters-bipolar-minimum-doses.json):
 * one parameter per row with the parts ingredient (valueCoding), minDailyDoseMg, status, source and an optional
 * route. Fails with the file and row named when a row is malformed, not positive or repeated.
 */
final class MinimumDoseTable {

    private MinimumDoseTable() {}

    static Map<String, MinimumDose> read(Parameters table, String path) {
        Map<String, MinimumDose> doses = new HashMap<>();
        for (ParametersParameterComponent parameter : table.getParameter()) {
            ParameterParts parts = new ParameterParts(parameter, path);
            Coding ingredient = parts.coding("ingredient");
            String name = parameter.hasName() ? parameter.getName() : ingredient.getDisplay();
            double mgPerDay = parts.decimal("minDailyDoseMg");
            if (!(mgPerDay > 0) || Double.isInfinite(mgPerDay)) {
                throw new KnowledgeLoadException(path + ": parameter '" + name + "', minDailyDoseMg must be a "
                        + "positive number, got " + mgPerDay);
            }
            MinimumDose dose = new MinimumDose(
                    ingredient.getCode(),
                    name,
                    mgPerDay,
                    parts.text("status"),
                    parts.text("source"),
                    parts.optionalText("route"));
            if (doses.put(dose.ingredient(), dose) != null) {
                throw new KnowledgeLoadException(path + ": ingredient " + dose.ingredient() + " appears twice");
            }
        }
        return Map.copyOf(doses);
    }
}
