package org.trdcds.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The phrases of cds-cards/shared/ (detail-lines.json and any other JSON file put there), by key: a string, or an
 * array of lines joined with newlines; a nested object's keys are prefixed with its own ("rows.noScore"). The same
 * key in two files fails loading. Governance edits the wording there, never in Java.
 */
final class SharedPhrases {

    static final String FOLDER = KnowledgeFiles.CARDS + "/shared/";

    private SharedPhrases() {}

    /** @param files path -> parsed JSON of the files of {@link #FOLDER} */
    static Map<String, String> read(Map<String, JsonNode> files) {
        Map<String, String> phrases = new TreeMap<>();
        Map<String, String> fileOf = new TreeMap<>();
        files.forEach((path, json) -> {
            if (!json.isObject()) {
                throw new KnowledgeLoadException(path + ": the phrases must be a JSON object");
            }
            add("", json, path, phrases, fileOf);
        });
        return Map.copyOf(phrases);
    }

    private static void add(
            String prefix, JsonNode object, String path, Map<String, String> phrases, Map<String, String> fileOf) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (key.startsWith("_")) {
                continue; // "_comment"
            }
            if (value.isObject()) {
                add(key + ".", value, path, phrases, fileOf);
                continue;
            }
            String text = text(value);
            if (text == null) {
                throw new KnowledgeLoadException(path + ": phrase " + key + " must be a string or a list of lines");
            }
            String previous = fileOf.put(key, path);
            if (previous != null) {
                throw new KnowledgeLoadException(path + " and " + previous + " both define the phrase " + key);
            }
            phrases.put(key, text);
        }
    }

    private static String text(JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (!value.isArray()) {
            return null;
        }
        StringBuilder lines = new StringBuilder();
        for (JsonNode line : value) {
            if (!line.isTextual()) {
                return null;
            }
            lines.append(lines.isEmpty() ? "" : "\n").append(line.asText());
        }
        return lines.toString();
    }
}
