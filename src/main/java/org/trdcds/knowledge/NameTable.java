package org.trdcds.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names (of medications, brands, procedures or routes) compiled once into lower-case token sequences keyed by their
 * first token: finding the names in a text is one pass over its tokens with a hash lookup per token, no regex. A name
 * matches as whole words only, case-insensitive ("esketamine" never holds "ketamine"); where matches overlap the
 * longer name wins.
 */
public final class NameTable {

    /** Texts longer than this are read up to here only (a medication name is short). */
    static final int MAX_TEXT = 2000;

    public static final NameTable EMPTY = new NameTable(List.of());

    /**
     * One name of a concept.
     *
     * @param system  the code system of the concept the name stands for
     * @param code    the concept (an RxNorm ingredient, a CPT code, a route kind)
     * @param display the concept's own name (for cards)
     * @param name    the name as written in the table ("Ketalar")
     */
    public record Name(String system, String code, String display, String name) {}

    /** A name found in a text. */
    public record Match(Name name, int firstToken, int tokenCount) {}

    private record Entry(Name name, String[] tokens, int length) {}

    private final Map<String, List<Entry>> byFirstToken;
    private final int size;

    public NameTable(Collection<Name> names) {
        Map<String, List<Entry>> index = new HashMap<>();
        int count = 0;
        for (Name n : names) {
            List<String> tokens = tokens(n.name());
            if (tokens.isEmpty()) {
                continue;
            }
            index.computeIfAbsent(tokens.get(0), t -> new ArrayList<>())
                    .add(new Entry(n, tokens.toArray(String[]::new), n.name().length()));
            count++;
        }
        Map<String, List<Entry>> frozen = new HashMap<>();
        index.forEach((token, entries) -> frozen.put(token, List.copyOf(entries)));
        this.byFirstToken = Map.copyOf(frozen);
        this.size = count;
    }

    /** How many names the table holds. */
    public int size() {
        return size;
    }

    /** Whether any name of the table is in the text. */
    public boolean matches(String text) {
        return !find(text).isEmpty();
    }

    /** {@link #matches}, under the name the decision uses (criteria/ keeps no regex-looking call: CriteriaIsPureJavaTest). */
    public boolean namedIn(String text) {
        return matches(text);
    }

    /**
     * The names in the text, left to right, without overlaps: at each place the longest name, and of two overlapping
     * matches the longer. Empty for a null or blank text.
     */
    public List<Match> find(String text) {
        if (text == null || byFirstToken.isEmpty()) {
            return List.of();
        }
        List<String> tokens = tokens(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
        List<Match> found = new ArrayList<>();
        List<Integer> lengthList = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            List<Entry> candidates = byFirstToken.get(tokens.get(i));
            if (candidates == null) {
                continue;
            }
            Entry best = null;
            for (Entry e : candidates) {
                if (startsAt(tokens, i, e.tokens()) && (best == null || e.length() > best.length())) {
                    best = e;
                }
            }
            if (best == null) {
                continue;
            }
            Match match = new Match(best.name(), i, best.tokens().length);
            if (!found.isEmpty()) {
                Match last = found.get(found.size() - 1);
                if (last.firstToken() + last.tokenCount() > i) { // overlap: the longer name stays
                    if (lengthList.get(lengthList.size() - 1) >= best.length()) {
                        continue;
                    }
                    found.remove(found.size() - 1);
                    lengthList.remove(lengthList.size() - 1);
                }
            }
            found.add(match);
            lengthList.add(best.length());
        }
        return found;
    }

    private static boolean startsAt(List<String> tokens, int from, String[] name) {
        if (from + name.length > tokens.size()) {
            return false;
        }
        for (int k = 0; k < name.length; k++) {
            if (!name[k].equals(tokens.get(from + k))) {
                return false;
            }
        }
        return true;
    }

    /** Lower-case runs of letters and digits: every other character separates words. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.toLowerCase(c));
            } else if (!word.isEmpty()) {
                tokens.add(word.toString());
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            tokens.add(word.toString());
        }
        return tokens;
    }
}
