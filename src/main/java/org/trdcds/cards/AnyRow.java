package org.trdcds.cards;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code any} template value: for every detail that is a table (a list of rows), which row fields are set in at
 * least one row. A template states a table's footnote once with {@code {{#any.trials.minimumDosePending}}...{{/...}}}
 * instead of repeating it in every cell; {@code any.table.<field>} is true when a row of any table has it set.
 */
final class AnyRow {

    static final String KEY = "any";
    static final String ANY_TABLE = "table";

    private AnyRow() {}

    /** list key -> (row field -> true when some row has it set: not null, not false, not empty). */
    static Map<String, Map<String, Boolean>> of(Map<String, Object> details) {
        Map<String, Map<String, Boolean>> any = new HashMap<>();
        Map<String, Boolean> anyTable = new HashMap<>();
        details.forEach((key, value) -> {
            if (value instanceof Collection<?> rows) {
                Map<String, Boolean> fields = new HashMap<>();
                for (Object row : rows) {
                    if (row instanceof Map<?, ?> map) {
                        map.forEach((field, v) -> fields.merge(String.valueOf(field), set(v), Boolean::logicalOr));
                    }
                }
                any.put(key, fields);
                fields.forEach((field, set) -> anyTable.merge(field, set, Boolean::logicalOr));
            }
        });
        any.putIfAbsent(ANY_TABLE, anyTable);
        return any;
    }

    private static boolean set(Object v) {
        return v != null
                && !Boolean.FALSE.equals(v)
                && !(v instanceof Collection<?> c && c.isEmpty())
                && !(v instanceof String s && s.isEmpty());
    }
}
