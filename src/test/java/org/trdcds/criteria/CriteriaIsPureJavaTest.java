package org.trdcds.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Project rule: the decision is plain Java (no Spring, HTTP, JSON or HAPI), and holds no regex on its hot path. */
class CriteriaIsPureJavaTest {

    @Test
    void criteriaImportsNoFrameworks() throws IOException {
        List<String> forbidden = List.of(
                "import org.springframework",
                "import jakarta.servlet",
                "import com.fasterxml",
                "import ca.uhn",
                "import org.hl7",
                "java.util.regex",
                ".matches(");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/trdcds/criteria"))) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                String source = read(p);
                assertThat(forbidden).as(p.toString()).noneMatch(source::contains);
            });
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
