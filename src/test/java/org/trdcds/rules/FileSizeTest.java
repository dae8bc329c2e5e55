package org.trdcds.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No main source file grows past {@value #MAX_LINES} lines (ARCHITECTURE.md): a class that needs more holds two
 * concerns, and is split before it lands.
 */
class FileSizeTest {

    static final int MAX_LINES = 300;

    @Test
    void noMainSourceFileIsLongerThanTheLimit() throws IOException {
        Map<String, Integer> tooLong = longerThan(Path.of("src/main/java"), MAX_LINES);
        assertThat(tooLong)
                .as("main files over " + MAX_LINES + " lines: split them (one concern per class)")
                .isEmpty();
    }

    @Test
    void theCheckSeesALongFile() throws IOException {
        Path dir = Files.createTempDirectory("file-size");
        Files.write(dir.resolve("Long.java"), java.util.Collections.nCopies(MAX_LINES + 1, "//"));
        Files.write(dir.resolve("Short.java"), List.of("class Short {}"));
        Files.write(dir.resolve("Long.txt"), java.util.Collections.nCopies(MAX_LINES + 1, "x"));

        assertThat(longerThan(dir, MAX_LINES)).containsOnlyKeys("Long.java").containsEntry("Long.java", 301);
    }

    /** The .java files under {@code root} longer than {@code max} lines, with their line counts. */
    static Map<String, Integer> longerThan(Path root, int max) throws IOException {
        Map<String, Integer> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                int lines = Files.readAllLines(file).size();
                if (lines > max) {
                    found.put(root.relativize(file).toString(), lines);
                }
            }
        }
        return found;
    }
}
