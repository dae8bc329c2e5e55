package org.trdcds.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.trdcds.criteria.Finding;
import org.trdcds.criteria.Phrase;
import org.trdcds.criteria.TestKnowledge;

/** The decision's phrase keys and the phrases of cds-cards/shared/detail-lines.json match, and render as cards did. */
class PhrasesTest {

    private static final Pattern KEY = Pattern.compile("Phrase\\.of\\(\\s*\"([A-Za-z0-9.]+)\"");
    private static final Pattern KEY_CHOICE =
            Pattern.compile("\\?\\s*\"([a-z]+\\.[A-Za-z0-9.]+)\"\\s*:\\s*\"([a-z]+\\.[A-Za-z0-9.]+)\"");
    private static final Phrases SHIPPED =
            Phrases.of(org.trdcds.knowledge.ProjectKnowledge.get().phrases());

    @Test
    void everyPhraseKeyTheDecisionUsesExistsAndEveryPhraseIsUsed() throws IOException {
        Set<String> used = usedKeys();
        assertThat(used).hasSizeGreaterThanOrEqualTo(30);
        assertThat(SHIPPED.keys())
                .as("phrases of cds-cards/shared/detail-lines.json")
                .containsAll(used);
        assertThat(used).as("phrases no criteria class names").containsAll(SHIPPED.keys());
    }

    @Test
    void aPhraseRendersItsValuesAndNestedPhrasesAsPlainText() {
        Phrase only = new Phrase("adequacy.routeOnly", Map.of("drug", "lithium <b>", "route", "oral"));
        assertThat(SHIPPED.text(new Phrase("adequacy.routeNotDocumented", Map.of("only", only))))
                .isEqualTo("route not documented; the minimum dose of lithium <b> applies to oral use only");
        assertThat(SHIPPED.text(new Phrase("list.semicolons", Map.of("items", List.of("a", only)))))
                .isEqualTo("a; the minimum dose of lithium <b> applies to oral use only");
    }

    @Test
    void anUnknownKeyOrPlaceholderFailsClearly() {
        assertThatThrownBy(() -> SHIPPED.text(new Phrase("no.such.key", Map.of())))
                .hasMessageContaining("no phrase no.such.key");
        assertThatThrownBy(() -> SHIPPED.text(new Phrase("adequacy.routeOf", Map.of())))
                .hasMessageContaining("refs");
    }

    @Test
    void theCardEscapesPatientTextInAPhraseOnce() {
        TemplateCardRenderer renderer = new TemplateCardRenderer(
                new TestKnowledge(),
                org.trdcds.knowledge.ProjectKnowledge.loaded().templates());
        Map<String, Object> row =
                Map.of("drug", "x", "item", new Phrase("adequacy.noMinimumDose", Map.of("drug", "*bold*")));
        Card card = renderer.render(
                        List.of(new Finding("trd-incomplete-data", Map.of("missing", List.of(row)), List.of())),
                        "s",
                        "p",
                        Map.of())
                .get(0);
        assertThat(card.detail())
                .contains("no minimum adequate dose in the dose table for \\*bold\\*")
                .doesNotContain("\\\\*");
    }

    static Set<String> usedKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/trdcds/criteria"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                KEY.matcher(source).results().forEach(m -> keys.add(m.group(1)));
                KEY_CHOICE.matcher(source).results().forEach(m -> {
                    keys.add(m.group(1));
                    keys.add(m.group(2));
                });
            }
        }
        return keys;
    }
}
