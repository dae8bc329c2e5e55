package org.trdcds.pages;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trdcds.knowledge.ProtocolParameters;

/**
 * Every protocol parameter the service loaded, by its name in Parameters-protocol-parameters.json (the record
 * component names), in file order, formatted as a person reads it (0.5, 42, 140: no trailing ".0"). Read from the
 * record itself, so a parameter added to the knowledge appears without a change here.
 */
final class ParameterValues {

    private ParameterValues() {}

    static Map<String, String> of(ProtocolParameters parameters) {
        Map<String, String> values = new LinkedHashMap<>();
        for (RecordComponent component : ProtocolParameters.class.getRecordComponents()) {
            try {
                values.put(component.getName(), format(component.getAccessor().invoke(parameters)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read protocol parameter " + component.getName(), e);
            }
        }
        return values;
    }

    static String format(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d)
                    ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString()
                    : value.toString();
        }
        return value == null ? "" : value.toString();
    }
}
