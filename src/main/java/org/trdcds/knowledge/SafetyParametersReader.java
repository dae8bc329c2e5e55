package org.trdcds.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.PrimitiveType;

/**
 * Reads {@link SafetyParameters} from Parameters-safety-v3.json: one parameter per scalar, {@code hcgUnit} (parts
 * {@code unit}, {@code factorToIuPerL}) and {@code suicideRiskHighWord} / {@code suicideRiskNotHighWord} repeated.
 * A missing, unknown or mistyped parameter fails with the file and parameter named.
 */
final class SafetyParametersReader {

    static final String ID = "safety-v3";

    private static final Set<String> SCALARS = Set.of(
            "pregnancyConditionWindowDays",
            "pregnancyTestWindowDays",
            "hcgPositiveIuPerL",
            "hcgEquivocalFromIuPerL",
            "lactationWindowDays",
            "olderAdultAgeYears",
            "olderAdultNewCourseDays");
    private static final Set<String> REPEATED = Set.of("hcgUnit", "suicideRiskHighWord", "suicideRiskNotHighWord");

    private SafetyParametersReader() {}

    static SafetyParameters read(Parameters parameters, String path) {
        Map<String, ParametersParameterComponent> scalars = new HashMap<>();
        Map<String, Double> units = new HashMap<>();
        List<String> high = new ArrayList<>();
        List<String> notHigh = new ArrayList<>();
        for (ParametersParameterComponent parameter : parameters.getParameter()) {
            String name = parameter.getName();
            if (SCALARS.contains(name)) {
                if (scalars.put(name, parameter) != null) {
                    throw fail(path, name, "appears more than once");
                }
            } else if ("hcgUnit".equals(name)) {
                ParameterParts parts = new ParameterParts(parameter, path);
                units.put(parts.text("unit"), parts.decimal("factorToIuPerL"));
            } else if ("suicideRiskHighWord".equals(name)) {
                high.add(word(parameter, path));
            } else if ("suicideRiskNotHighWord".equals(name)) {
                notHigh.add(word(parameter, path));
            } else {
                throw fail(path, name, "is not a safety parameter (known: " + SCALARS + " and " + REPEATED + ")");
            }
        }
        for (String name : SCALARS) {
            if (!scalars.containsKey(name)) {
                throw fail(path, name, "is missing");
            }
        }
        if (units.isEmpty() || high.isEmpty() || notHigh.isEmpty()) {
            throw fail(path, "hcgUnit/suicideRiskHighWord/suicideRiskNotHighWord", "must each appear at least once");
        }
        return new SafetyParameters(
                integer(scalars, "pregnancyConditionWindowDays", path),
                integer(scalars, "pregnancyTestWindowDays", path),
                decimal(scalars, "hcgPositiveIuPerL", path),
                decimal(scalars, "hcgEquivocalFromIuPerL", path),
                units,
                integer(scalars, "lactationWindowDays", path),
                integer(scalars, "olderAdultAgeYears", path),
                integer(scalars, "olderAdultNewCourseDays", path),
                high,
                notHigh);
    }

    private static String word(ParametersParameterComponent parameter, String path) {
        if (parameter.getValue() instanceof PrimitiveType<?> text
                && text.hasValue()
                && !text.getValueAsString().isBlank()) {
            return text.getValueAsString().toLowerCase(Locale.ROOT);
        }
        throw fail(path, parameter.getName(), "must be a non-empty valueString");
    }

    private static int integer(Map<String, ParametersParameterComponent> scalars, String name, String path) {
        if (scalars.get(name).getValue() instanceof IntegerType value && value.getValue() != null) {
            return value.getValue();
        }
        throw fail(path, name, "must be a valueInteger");
    }

    private static double decimal(Map<String, ParametersParameterComponent> scalars, String name, String path) {
        var value = scalars.get(name).getValue();
        if (value instanceof DecimalType d && d.getValue() != null) {
            return d.getValue().doubleValue();
        }
        if (value instanceof IntegerType i && i.getValue() != null) {
            return i.getValue();
        }
        throw fail(path, name, "must be a valueDecimal");
    }

    private static KnowledgeLoadException fail(String path, String name, String problem) {
        return new KnowledgeLoadException(path + ": safety parameter '" + name + "' " + problem);
    }
}
