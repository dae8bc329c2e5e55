package org.trdcds.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file of this repository that the Markdown or the Java comments name exists: a relative Markdown link, a path
 * under one of the repository's top-level folders ({@code docs/protocol.md}, {@code cds-cards/README.md}), or a
 * capitalised Markdown file ({@code README.md}). A path with a placeholder or wildcard ({@code cds-cards/<topic>.json},
 * {@code docs/*.md}) names no one file and is not checked.
 */
class RepositoryReferencesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    /** Folders that are not the repository's content: build output, version control, the embedded database. */
    private static final Set<String> NOT_CONTENT = Set.of("target", "data", "node_modules");
    /** Documents outside the repository, named as such: the reference folder tools/ generates from (tools/README.md). */
    private static final Set<String> EXTERNAL = Set.of("CLINICAL-REFERENCE.md");

    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern CAPITALISED_MARKDOWN = Pattern.compile("(?<![\\w./-])([A-Z][A-Z0-9_-]*\\.md)\\b");
    private static final Pattern JAVA_COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void everyRepositoryFileTheMarkdownAndTheJavaCommentsNameExists() throws IOException {
        Pattern repositoryPath = repositoryPath(topLevelFolders());
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Path file : files()) {
            String name = file.getFileName().toString();
            String text = Files.readString(file);
            if (name.endsWith(".java")) {
                text = JAVA_COMMENT
                        .matcher(text)
                        .results()
                        .map(MatchResult::group)
                        .collect(Collectors.joining("\n"));
            } else {
                for (String link : links(text)) {
                    checked++;
                    if (!Files.exists(file.getParent().resolve(link))) {
                        missing.add(ROOT.relativize(file) + ": link " + link);
                    }
                }
            }
            for (String path : matches(repositoryPath, text)) {
                checked++;
                if (!Files.exists(ROOT.resolve(path))) {
                    missing.add(ROOT.relativize(file) + ": " + path);
                }
            }
            for (String markdown : matches(CAPITALISED_MARKDOWN, text)) {
                checked++;
                if (!EXTERNAL.contains(markdown)
                        && !Files.exists(ROOT.resolve(markdown))
                        && !Files.exists(file.getParent().resolve(markdown))) {
                    missing.add(ROOT.relativize(file) + ": " + markdown);
                }
            }
        }
        assertThat(checked).as("references checked").isGreaterThan(100);
        assertThat(missing).as("references to files that do not exist").isEmpty();
    }

    @Test
    void theScanFindsAMissingFileInACommentAndALink() {
        Pattern repositoryPath = repositoryPath(Set.of("docs"));
        String comment = JAVA_COMMENT
                .matcher("int a; // the rules of docs/" + "rules.md, not docs/*.md, docs/x-<y>.md.\n")
                .results()
                .map(MatchResult::group)
                .collect(Collectors.joining());
        assertThat(matches(repositoryPath, comment)).containsExactly("docs/rules.md");
        assertThat(matches(CAPITALISED_MARKDOWN, "see PROTOCOL.md, not shared/NOTES.md"))
                .containsExactly("PROTOCOL.md");
        assertThat(links("[a](testing.md#invariants) [b](https://example.org/x.md) [c](#top) [d](../README.md)"))
                .containsExactly("testing.md", "../README.md");
    }

    /** Relative Markdown link targets, without their #anchor; web, mail and in-page links are not files here. */
    private static List<String> links(String markdown) {
        List<String> links = new ArrayList<>();
        Matcher matcher = MARKDOWN_LINK.matcher(markdown);
        while (matcher.find()) {
            String target = matcher.group(1);
            if (target.matches("^[a-z][a-z0-9+.-]*:.*") || target.startsWith("#")) {
                continue;
            }
            int anchor = target.indexOf('#');
            links.add(anchor < 0 ? target : target.substring(0, anchor));
        }
        return links;
    }

    /**
     * A path that starts at a top-level folder, not inside a longer path or a URL, and is not followed by a
     * placeholder or wildcard; a sentence's full stop is not part of it.
     */
    private static Pattern repositoryPath(Set<String> folders) {
        String alternatives = folders.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        return Pattern.compile("(?<![\\w./@:-])((?:" + alternatives + ")/[\\w./-]*[\\w/])(?![\\w<*{$%./-]*[<*{$%])");
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Set<String> topLevelFolders() throws IOException {
        try (Stream<Path> entries = Files.list(ROOT)) {
            return entries.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith(".") && !NOT_CONTENT.contains(name))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** The Markdown of the repository and the Java sources. */
    private static List<Path> files() throws IOException {
        try (Stream<Path> all = Files.walk(ROOT)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> !isOutside(ROOT.relativize(p)))
                    .filter(p -> p.toString().endsWith(".md")
                            || p.toString().endsWith(".java")
                                    && ROOT.relativize(p).startsWith("src"))
                    .sorted()
                    .toList();
        }
    }

    private static boolean isOutside(Path relative) {
        String first = relative.getName(0).toString();
        return first.startsWith(".") || NOT_CONTENT.contains(first);
    }
}
