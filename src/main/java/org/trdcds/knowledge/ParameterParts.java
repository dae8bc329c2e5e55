package org.trdcds.knowledge;

import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Type;

/** Typed access to the parts of one Parameters.parameter, failing with the file and parameter named. */
final class ParameterParts {

    private final ParametersParameterComponent parameter;
    private final String path;

    ParameterParts(ParametersParameterComponent parameter, String path) {
        this.parameter = parameter;
        this.path = path;
    }

    Coding coding(String part) {
        if (value(part) instanceof Coding coding && coding.hasSystem() && coding.hasCode()) {
            return coding;
        }
        throw fail(part, "must be a valueCoding with system and code");
    }

    double decimal(String part) {
        Type value = value(part);
        if (value instanceof DecimalType decimal && decimal.getValue() != null) {
            return decimal.getValue().doubleValue();
        }
        if (value instanceof IntegerType integer && integer.getValue() != null) {
            return integer.getValue();
        }
        throw fail(part, "must be a valueDecimal");
    }

    int integer(String part) {
        if (value(part) instanceof IntegerType integer && integer.getValue() != null) {
            return integer.getValue();
        }
        throw fail(part, "must be a valueInteger");
    }

    String text(String part) {
        if (value(part) instanceof PrimitiveType<?> primitive
                && primitive.hasValue()
                && !primitive.getValueAsString().isBlank()) {
            return primitive.getValueAsString();
        }
        throw fail(part, "must be a non-empty valueString or valueCode");
    }

    /** The text of an optional part, or null when the part is absent. */
    String optionalText(String part) {
        return parameter.getPart().stream().anyMatch(p -> part.equals(p.getName())) ? text(part) : null;
    }

    private Type value(String part) {
        List<ParametersParameterComponent> matches = parameter.getPart().stream()
                .filter(p -> part.equals(p.getName()))
                .toList();
        if (matches.size() != 1 || !matches.get(0).hasValue()) {
            throw fail(part, matches.isEmpty() ? "is missing" : "must appear once with a value");
        }
        return matches.get(0).getValue();
    }

    private KnowledgeLoadException fail(String part, String problem) {
        return new KnowledgeLoadException(
                path + ": parameter '" + parameter.getName() + "', part '" + part + "' " + problem);
    }
}
