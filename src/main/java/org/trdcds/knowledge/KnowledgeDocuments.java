package org.trdcds.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The knowledge files the pages describe, as JSON trees, from the same read as the rest of the loaded knowledge:
 * the local value sets and CodeSystems, the knowledge tables and the protocol page's text (not the large VSAC
 * expansions). The pages show exactly what is loaded; they never hold a list of topics or value sets of their own.
 */
public final class KnowledgeDocuments {

    public static final String VALUE_SETS = KnowledgeFiles.ROOT + "/vocabulary/";
    public static final String TABLES = KnowledgeFiles.ROOT + "/knowledge/";
    public static final String PROTOCOL = KnowledgeFiles.PROTOCOL;

    private final String folder;
    private final Map<String, JsonNode> files;

    KnowledgeDocuments(String folder, Map<String, JsonNode> files) {
        this.folder = folder;
        this.files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** Where the knowledge comes from, for governance: the folder of cds.knowledge.dir or the jar's copy. */
    public String origin() {
        return folder;
    }

    /** The files directly in one folder (e.g. {@link #VALUE_SETS}), path -> JSON, in path order. */
    public Map<String, JsonNode> in(String folder) {
        Map<String, JsonNode> selected = new TreeMap<>();
        files.forEach((path, json) -> {
            if (path.startsWith(folder) && path.indexOf('/', folder.length()) < 0) {
                selected.put(path, json);
            }
        });
        return selected;
    }
}
