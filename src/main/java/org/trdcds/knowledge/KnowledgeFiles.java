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
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The JSON files of fhir-profiles/ and cds-cards/, read once, keyed by their path from the knowledge folder (e.g.
 * "fhir-profiles/vocabulary/ValueSet-epilepsy.json", "cds-cards/weight-missing.json"). They come from a directory
 * ({@code cds.knowledge.dir}) or from the classpath (the jar holds both folders at its root). An edited copy made
 * before the protocol page existed (no cds-cards/protocol/) gets the jar's protocol text.
 */
public final class KnowledgeFiles {

    static final String ROOT = "fhir-profiles";
    static final String CARDS = "cds-cards";
    static final String PROTOCOL = CARDS + "/protocol/";

    private final String origin;
    private final String folder;
    private final Map<String, String> contents;

    private KnowledgeFiles(String origin, String folder, Map<String, String> contents) {
        if (contents.keySet().stream().noneMatch(path -> path.startsWith(ROOT + "/"))) {
            throw new KnowledgeLoadException("no JSON files found under " + origin);
        }
        this.origin = origin;
        this.folder = folder;
        this.contents = Map.copyOf(contents);
    }

    /** @param knowledgeDir a folder that contains fhir-profiles/ (and cds-cards/) */
    public static KnowledgeFiles fromDirectory(Path knowledgeDir) {
        Path dir = knowledgeDir.toAbsolutePath().normalize();
        Path root = dir.resolve(ROOT);
        if (!Files.isDirectory(root)) {
            throw new KnowledgeLoadException(
                    "cds.knowledge.dir must contain " + ROOT + "/, but " + root + " is not a directory");
        }
        Map<String, String> contents = new TreeMap<>();
        read(dir, root, contents);
        read(dir, dir.resolve(CARDS), contents);
        if (contents.keySet().stream().noneMatch(path -> path.startsWith(PROTOCOL))) {
            contents.putAll(fromClasspath(PROTOCOL + "*.json"));
        }
        return new KnowledgeFiles(root.toString(), "cds.knowledge.dir = " + dir, contents);
    }

    /** The copy shipped in the jar. */
    public static KnowledgeFiles fromClasspath() {
        Map<String, String> contents = fromClasspath(ROOT + "/**/*.json");
        contents.putAll(fromClasspath(CARDS + "/**/*.json"));
        return new KnowledgeFiles(
                "classpath:" + ROOT, "the copy shipped in the jar (cds.knowledge.dir is not set)", contents);
    }

    private static void read(Path dir, Path folder, Map<String, String> contents) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".json")).toList()) {
                contents.put(
                        dir.relativize(path).toString().replace('\\', '/'),
                        Files.readString(path, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder, e);
        }
    }

    private static Map<String, String> fromClasspath(String pattern) {
        String top = "/" + pattern.substring(0, pattern.indexOf('/') + 1);
        ResourcePatternResolver resolver =
                new PathMatchingResourcePatternResolver(KnowledgeFiles.class.getClassLoader());
        Map<String, String> contents = new TreeMap<>();
        try {
            for (Resource resource : resolver.getResources("classpath*:" + pattern)) {
                String url = resource.getURL().toString();
                try (InputStream in = resource.getInputStream()) {
                    contents.putIfAbsent(
                            url.substring(url.lastIndexOf(top) + 1),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pattern + " from the classpath", e);
        }
        return contents;
    }

    /** Where fhir-profiles/ came from, for messages. */
    String origin() {
        return origin;
    }

    /** Where the knowledge comes from, for governance: the folder of cds.knowledge.dir or the jar's copy. */
    String folder() {
        return folder;
    }

    /** The files whose path starts with the folder (e.g. "fhir-profiles/vocabulary/"), path -> content. */
    Map<String, String> under(String folder) {
        Map<String, String> selected = new TreeMap<>();
        contents.forEach((path, content) -> {
            if (path.startsWith(folder)) {
                selected.put(path, content);
            }
        });
        return selected;
    }

    /** The files directly in the folder (e.g. "cds-cards/"), not in its subfolders, path -> content. */
    Map<String, String> in(String folder) {
        Map<String, String> selected = new TreeMap<>();
        under(folder).forEach((path, content) -> {
            if (path.indexOf('/', folder.length()) < 0) {
                selected.put(path, content);
            }
        });
        return selected;
    }
}
