package org.trdcds.knowledge;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * Builds {@link ProtocolParameters} from the protocol Parameters file: one parameter per record component, named
 * exactly like it (valueInteger for int, valueDecimal or valueInteger for double, valueString for String), plus
 * {@code version}. A missing, duplicated, unknown or mistyped parameter fails with the file and parameter named.
 */
final class ProtocolParametersReader {

    static final String VERSION = "version";

    private final Parameters parameters;
    private final String path;
    private final Map<String, ParametersParameterComponent> byName = new HashMap<>();

    ProtocolParametersReader(Parameters parameters, String path) {
        this.parameters = parameters;
        this.path = path;
        Set<String> known = Arrays.stream(ProtocolParameters.class.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toSet());
        known.add(VERSION);
        for (ParametersParameterComponent parameter : parameters.getParameter()) {
            if (!known.contains(parameter.getName())) {
                throw fail(parameter.getName(), "is not a protocol parameter (known: " + known + ")");
            }
            if (byName.put(parameter.getName(), parameter) != null) {
                throw fail(parameter.getName(), "appears more than once");
            }
        }
    }

    String version() {
        String version = string(VERSION);
        if (version.isBlank()) {
            throw fail(VERSION, "is blank");
        }
        return version;
    }

    ProtocolParameters protocolParameters() {
        RecordComponent[] components = ProtocolParameters.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i]);
        }
        try {
            return ProtocolParameters.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct ProtocolParameters", e);
        }
    }

    private Object value(RecordComponent component) {
        String name = component.getName();
        if (component.getType() == String.class) {
            return string(name);
        }
        Type value = present(name);
        double number;
        if (value instanceof IntegerType integer && integer.getValue() != null) {
            number = integer.getValue();
        } else if (value instanceof DecimalType decimal && decimal.getValue() != null) {
            number = decimal.getValue().doubleValue();
        } else {
            throw fail(name, "must be a valueInteger or valueDecimal");
        }
        if (number < 0) {
            throw fail(name, "must not be negative");
        }
        if (component.getType() == int.class) {
            if (number != Math.rint(number)) {
                throw fail(name, "must be a whole number");
            }
            return (int) number;
        }
        return number;
    }

    private String string(String name) {
        if (present(name) instanceof StringType string && string.getValue() != null) {
            return string.getValue();
        }
        throw fail(name, "must be a valueString");
    }

    private Type present(String name) {
        ParametersParameterComponent parameter = byName.get(name);
        if (parameter == null || !parameter.hasValue()) {
            throw fail(name, "is missing");
        }
        return parameter.getValue();
    }

    private KnowledgeLoadException fail(String name, String problem) {
        return new KnowledgeLoadException(path + " (Parameters/"
                + parameters.getIdElement().getIdPart() + "): parameter '" + name + "' " + problem);
    }
}
