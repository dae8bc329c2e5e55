package org.trdcds.rules;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Every setting of the service is a component of one {@code @ConfigurationProperties} record per {@code cds.*}
 * prefix, with its default written there once: no {@code @Value} in main code, and docs/configuration.md lists
 * exactly the properties of the metadata Spring Boot's configuration processor generates from the records
 * ({@code META-INF/spring-configuration-metadata.json}), with the same defaults.
 */
class ConfigurationRulesTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(cds\\.[^`]+)` \\| ([^|]*) \\|");
    private static final Pattern LITERAL = Pattern.compile("^`([^`]*)`");

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.trdcds");
    }

    @Test
    void noValueAnnotationInMainCode() {
        noValue(Set.of()).check(main);
    }

    /** A class reading a setting with {@code @Value} on a constructor parameter (the rule's self-test). */
    static final class ReadsWithValue {
        ReadsWithValue(@Value("${cds.example:}") String example) {}
    }

    /** The rule sees {@code @Value} on a constructor parameter: it names such a class. */
    @Test
    void theValueRuleSeesAValueOnAConstructorParameter() {
        JavaClasses fixture = new ClassFileImporter().importClasses(ReadsWithValue.class);
        List<String> details =
                noValue(Set.of()).evaluate(fixture).getFailureReport().getDetails();
        assertThat(details).anyMatch(line -> line.contains(ReadsWithValue.class.getName()));
    }

    @Test
    void everyPropertyIsDocumentedWithItsDefault() throws IOException {
        Map<String, String> metadata = metadataDefaults();
        Map<String, String> documented = documentedDefaults();
        assertThat(metadata).as("the configuration processor ran").containsKeys("cds.limits.max-body-bytes");

        List<String> problems = new ArrayList<>();
        for (String property : metadata.keySet()) {
            if (!documented.containsKey(property)) {
                problems.add(property + " is missing from docs/configuration.md");
            }
        }
        for (Map.Entry<String, String> row : documented.entrySet()) {
            String property = row.getKey();
            if (!metadata.containsKey(property)) {
                problems.add(property + " is documented but no record binds it");
                continue;
            }
            String expected = metadata.get(property);
            Matcher literal = LITERAL.matcher(row.getValue());
            String written = row.getValue().startsWith("`") && literal.find() ? literal.group(1) : null;
            if (expected == null && written != null) {
                problems.add(property + " is documented with default " + written + " but its record has none");
            } else if (expected != null && !expected.equals(written == null ? null : written.replace(" ", ""))) {
                problems.add(property + " has default " + expected + " in its record but '"
                        + row.getValue().strip() + "' in docs/configuration.md");
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The check above reads what it compares: a table row and a default of the metadata. */
    @Test
    void theDocumentationCheckReadsTheTableAndTheDefaults() throws IOException {
        assertThat(documentedDefaults())
                .containsEntry("cds.limits.max-body-bytes", "`10MB`")
                .containsKey("cds.security.trusted-issuers")
                .containsKey("cds.services");
        assertThat(metadataDefaults())
                .containsEntry("cds.limits.max-body-bytes", "10MB")
                .containsEntry("cds.security.loopback-host-names", "localhost,127.0.0.1,[::1]")
                .containsEntry("cds.clock.fixed-instant", null);
    }

    private static ArchRule noValue(Set<String> allowed) {
        return noClasses()
                .that(com.tngtech.archunit.base.DescribedPredicate.not(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf(load(allowed))))
                .should()
                .dependOnClassesThat(belongToAnyOf(Value.class))
                .because("every setting is a component of its prefix's @ConfigurationProperties record "
                        + "(docs/configuration.md)");
    }

    private static Class<?>[] load(Set<String> names) {
        return names.stream()
                .map(name -> {
                    try {
                        return Class.forName(name);
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(name + " is allowlisted but does not exist", e);
                    }
                })
                .toArray(Class<?>[]::new);
    }

    /**
     * The service's properties (name → default as written, null for none) from the metadata the processor wrote
     * into target/classes (the jars' metadata files of the same name are skipped).
     */
    static Map<String, String> metadataDefaults() throws IOException {
        Map<String, String> defaults = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        for (URL url : Collections.list(ConfigurationRulesTest.class
                .getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            if (!"file".equals(url.getProtocol())) {
                continue;
            }
            try (InputStream in = url.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    defaults.put(property.path("name").asText(), normalise(property));
                }
            }
        }
        return defaults;
    }

    private static String normalise(JsonNode property) {
        JsonNode value = property.get("defaultValue");
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            return null;
        }
        String text = value.isArray() ? String.join(",", toList(value)) : value.asText();
        if (property.path("type").asText().startsWith("java.util.List") && text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        return text.replace(" ", "");
    }

    private static List<String> toList(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.asText()));
        return values;
    }

    /**
     * The rows of docs/configuration.md's table naming a {@code cds.*} property: name → the default column. A row of
     * list elements or map entries ({@code [n]}, {@code <id>}) stands for its list or map property.
     */
    static Map<String, String> documentedDefaults() throws IOException {
        Map<String, String> rows = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("docs/configuration.md"))) {
            Matcher row = ROW.matcher(line);
            if (!row.find()) {
                continue;
            }
            String name = row.group(1);
            int cut = name.length();
            for (String mark : List.of("[", ".<")) {
                int at = name.indexOf(mark);
                if (at >= 0) {
                    cut = Math.min(cut, at);
                }
            }
            if (cut < name.length()) {
                rows.putIfAbsent(name.substring(0, cut), "(elements)");
            } else {
                rows.put(name, row.group(2).strip());
            }
        }
        return rows;
    }
}
