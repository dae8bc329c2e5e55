package org.trdcds.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Project rule: the words a clinician reads are in cds-cards/ (templates and cds-cards/shared/detail-lines.json),
 * never in criteria/. The decision emits a {@link Phrase} key and its values; the card renderer turns it into text.
 * Heuristic: a string literal (comments left out) holding two lowercase words separated by a space is a sentence.
 */
class NoEnglishInCriteriaTest {

    static final Path CRITERIA = Path.of("src/main/java/org/trdcds/criteria");
    private static final Pattern TWO_WORDS = Pattern.compile("\\b[a-z]{2,} +[a-z]{2,}\\b");
    /**
     * Literals that look like words but no clinician reads: the start-up failures for operators of DecisionFactory
     * and SafetyRules (a rules-file row naming no rule class).
     */
    private static final Set<String> ALLOWED = Set.of(
            "no card template for topics ",
            " in the knowledge loaded",
            ", rule of ",
            "unknown rule class ",
            " does not implement ",
            " has no constructor taking a ",
            " failed to start",
            " cannot be built",
            "card templates ",
            " are issued by no rule: add each one's row",
            " to Parameters-safety-rules.json, or remove its template to retire it",
            " are issued by the decision itself, not by a rule: remove their rows",
            " must keep its row: the decision reads it (the candidate card is held back for it)");

    @Test
    void criteriaHoldsNoEnglishSentence() throws IOException {
        List<String> found = sentences();
        assertThat(found)
                .as("English in criteria/: move it to cds-cards/shared/detail-lines.json (phrases) and emit a"
                        + " Phrase key instead")
                .isEmpty();
    }

    @Test
    void theHeuristicFindsASentenceAndSkipsCommentsAndKeys() {
        List<String> found = new ArrayList<>();
        literals(
                "// \"in a comment\"\n/* \"in a block\" */ String a = \"no score since\"; String k = \"adequacy.route\";"
                        + " char q = '\"'; String e = \"esc \\\" aped quote\";",
                found);
        assertThat(found).containsExactly("no score since", "adequacy.route", "esc \\\" aped quote");
        assertThat(found.stream().filter(NoEnglishInCriteriaTest::sentence))
                .containsExactly("no score since", "esc \\\" aped quote");
    }

    static List<String> sentences() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CRITERIA)) {
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> literals = new ArrayList<>();
                literals(Files.readString(p), literals);
                literals.stream()
                        .filter(NoEnglishInCriteriaTest::sentence)
                        .forEach(l -> found.add(p.getFileName() + ": \"" + l + "\""));
            }
        }
        return found;
    }

    private static boolean sentence(String literal) {
        return !ALLOWED.contains(literal) && TWO_WORDS.matcher(literal).find();
    }

    /** The string literals of Java source, comments and character literals skipped. */
    static void literals(String source, List<String> out) {
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                i = source.indexOf('\n', i);
                i = i < 0 ? n : i;
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                i = source.indexOf("*/", i + 2);
                i = i < 0 ? n : i + 2;
            } else if (c == '\'') {
                i = skipQuoted(source, i, '\'');
            } else if (c == '"') {
                int end = skipQuoted(source, i, '"');
                out.add(source.substring(i + 1, end - 1));
                i = end;
            } else {
                i++;
            }
        }
    }

    private static int skipQuoted(String source, int start, char quote) {
        int i = start + 1;
        while (i < source.length() && source.charAt(i) != quote) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }
}
