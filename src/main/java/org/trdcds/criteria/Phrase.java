package org.trdcds.criteria;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Words a clinician reads, by key: the decision names the phrase and its values, the card renderer writes the text
 * of cds-cards/shared/detail-lines.json ({@code phrases}) so governance can change the wording without a release.
 * A value is a String, a Number or another Phrase (rendered first).
 *
 * @param key    a key of {@code phrases} in cds-cards/shared/detail-lines.json, e.g. "adequacy.startDateMissing"
 * @param values the phrase's placeholders by name
 */
public record Phrase(String key, Map<String, Object> values) {

    public Phrase {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A phrase from its key and alternating placeholder names and values. */
    static Phrase of(String key, Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Phrase(key, values);
    }
}
