package org.trdcds.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The knowledge files as JSON, read once at start-up from where the service reads them: the folder named by
 * {@code cds.knowledge.dir} (governance's edited copy) or the copy shipped in the jar. The pages describe exactly
 * what is loaded; they never hold a list of topics or value sets of their own. Only the folders the pages show are
 * read (not the large VSAC expansions): the local value sets, the knowledge tables, the card templates and the
 * protocol page's text.
 */
@Component
public class KnowledgeSource {

    static final String VALUE_SETS = "fhir-profiles/vocabulary/";
    static final String TABLES = "fhir-profiles/knowledge/";
    static final String CARDS = "cds-cards/";
    static final String PROTOCOL = "cds-cards/protocol/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String knowledgeDir;
    private final Map<String, JsonNode> files;

    @Autowired
    public KnowledgeSource(@Value("${cds.knowledge.dir:}") String knowledgeDir) {
        this.knowledgeDir = knowledgeDir == null ? "" : knowledgeDir.strip();
        Map<String, JsonNode> read = new TreeMap<>();
        for (String folder : new String[] {VALUE_SETS, TABLES, CARDS, PROTOCOL}) {
            read.putAll(read(folder, this.knowledgeDir));
        }
        if (!this.knowledgeDir.isEmpty() && read.keySet().stream().noneMatch(path -> path.startsWith(PROTOCOL))) {
            read.putAll(read(PROTOCOL, "")); // an edited copy made before the protocol page existed: the jar's text
        }
        this.files = Collections.unmodifiableMap(read);
    }

    /** Where the knowledge comes from, for governance: the folder of cds.knowledge.dir or the jar's copy. */
    public String origin() {
        return knowledgeDir.isEmpty()
                ? "the copy shipped in the jar (cds.knowledge.dir is not set)"
                : "cds.knowledge.dir = "
                        + Path.of(knowledgeDir).toAbsolutePath().normalize();
    }

    /** The files directly in one folder (e.g. {@link #CARDS}), path -> JSON, in path order. */
    public Map<String, JsonNode> in(String folder) {
        Map<String, JsonNode> selected = new TreeMap<>();
        files.forEach((path, json) -> {
            if (path.startsWith(folder) && path.indexOf('/', folder.length()) < 0) {
                selected.put(path, json);
            }
        });
        return selected;
    }

    private Map<String, JsonNode> read(String folder, String knowledgeDir) {
        String location = knowledgeDir.isEmpty()
                ? "classpath*:" + folder + "*.json"
                : Path.of(knowledgeDir).toAbsolutePath().normalize().toUri() + folder + "*.json";
        Map<String, JsonNode> read = new TreeMap<>();
        try {
            for (Resource resource :
                    new PathMatchingResourcePatternResolver(getClass().getClassLoader()).getResources(location)) {
                try (InputStream in = resource.getInputStream()) {
                    read.putIfAbsent(folder + resource.getFilename(), JSON.readTree(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the knowledge files " + location, e);
        }
        return read;
    }
}
