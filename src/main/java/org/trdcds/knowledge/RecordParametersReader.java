package org.trdcds.knowledge;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.StringType;

/**
 * Builds a record of parameters from a Parameters file: one parameter per record component, named exactly like it
 * (valueInteger for int, valueDecimal or valueInteger for double, valueString for String). A missing, duplicated,
 * unknown or mistyped parameter fails with the file and parameter named.
 */
final class RecordParametersReader {

    private RecordParametersReader() {}

    static <T extends Record> T read(Class<T> type, Parameters parameters, String path) {
        Map<String, ParametersParameterComponent> byName = new HashMap<>();
        Map<String, RecordComponent> known = new HashMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            known.put(c.getName(), c);
        }
        for (ParametersParameterComponent parameter : parameters.getParameter()) {
            if (!known.containsKey(parameter.getName())) {
                throw fail(parameters, path, parameter.getName(), "is not a parameter of " + type.getSimpleName());
            }
            if (byName.put(parameter.getName(), parameter) != null) {
                throw fail(parameters, path, parameter.getName(), "appears more than once");
            }
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i], byName.get(components[i].getName()), parameters, path);
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getSimpleName(), e);
        }
    }

    private static Object value(
            RecordComponent component, ParametersParameterComponent parameter, Parameters parameters, String path) {
        String name = component.getName();
        if (parameter == null || !parameter.hasValue()) {
            throw fail(parameters, path, name, "is missing");
        }
        if (component.getType() == String.class) {
            if (parameter.getValue() instanceof StringType string && string.getValue() != null) {
                return string.getValue();
            }
            throw fail(parameters, path, name, "must be a valueString");
        }
        double number;
        if (parameter.getValue() instanceof IntegerType integer && integer.getValue() != null) {
            number = integer.getValue();
        } else if (parameter.getValue() instanceof DecimalType decimal && decimal.getValue() != null) {
            number = decimal.getValue().doubleValue();
        } else {
            throw fail(parameters, path, name, "must be a valueInteger or valueDecimal");
        }
        if (number < 0) {
            throw fail(parameters, path, name, "must not be negative");
        }
        if (component.getType() == int.class) {
            if (number != Math.rint(number)) {
                throw fail(parameters, path, name, "must be a whole number");
            }
            return (int) number;
        }
        return number;
    }

    private static KnowledgeLoadException fail(Parameters parameters, String path, String name, String problem) {
        return new KnowledgeLoadException(path + " (Parameters/"
                + parameters.getIdElement().getIdPart() + "): parameter '" + name + "' " + problem);
    }
}
