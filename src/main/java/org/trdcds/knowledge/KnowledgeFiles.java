package org.trdcds.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The JSON files of fhir-profiles/, read once, keyed by their path inside fhir-profiles/ (e.g.
 * "vocabulary/ValueSet-epilepsy.json"). They come from a directory (cds.knowledge.dir) or from the classpath
 * (the jar holds fhir-profiles/ at its root).
 */
public final class KnowledgeFiles {

    static final String ROOT = "fhir-profiles";

    private final String origin;
    private final Map<String, String> contents;

    private KnowledgeFiles(String origin, Map<String, String> contents) {
        if (contents.isEmpty()) {
            throw new KnowledgeLoadException("no JSON files found under " + origin);
        }
        this.origin = origin;
        this.contents = Map.copyOf(contents);
    }

    /** @param knowledgeDir a folder that contains fhir-profiles/ (and cds-cards/) */
    public static KnowledgeFiles fromDirectory(Path knowledgeDir) {
        Path root = knowledgeDir.resolve(ROOT).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new KnowledgeLoadException(
                    "cds.knowledge.dir must contain " + ROOT + "/, but " + root + " is not a directory");
        }
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".json")).toList()) {
                contents.put(
                        root.relativize(path).toString().replace('\\', '/'),
                        Files.readString(path, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root, e);
        }
        return new KnowledgeFiles(root.toString(), contents);
    }

    public static KnowledgeFiles fromClasspath(ResourcePatternResolver resolver) {
        String marker = "/" + ROOT + "/";
        Map<String, String> contents = new TreeMap<>();
        try {
            for (Resource resource : resolver.getResources("classpath*:" + ROOT + "/**/*.json")) {
                String url = resource.getURL().toString();
                try (InputStream in = resource.getInputStream()) {
                    contents.put(
                            url.substring(url.lastIndexOf(marker) + marker.length()),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ROOT + " from the classpath", e);
        }
        return new KnowledgeFiles("classpath:" + ROOT, contents);
    }

    /** Where the files came from, for messages. */
    String origin() {
        return origin;
    }

    /** The files whose path starts with the folder (e.g. "vocabulary/"), path -> content, in path order. */
    Map<String, String> under(String folder) {
        Map<String, String> selected = new TreeMap<>();
        contents.forEach((path, content) -> {
            if (path.startsWith(folder)) {
                selected.put(path, content);
            }
        });
        return selected;
    }
}
