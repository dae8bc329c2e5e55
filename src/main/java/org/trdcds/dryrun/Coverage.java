package org.trdcds.dryrun;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.trdcds.knowledge.CoverageRules;
import org.trdcds.knowledge.Knowledge;

/**
 * What the knowledge covers of the export: codes no value set holds that look relevant ({@link CoverageRules}), with
 * counts, and the records that could not be read and why (a few file:line examples each). Thread-safe; the table of
 * distinct codes is capped, so an export of random codes cannot exhaust the heap.
 */
final class Coverage {

    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    private static final int EXAMPLES = 5;

    private final Knowledge knowledge;
    private final CoverageRules rules;
    private final Map<String, Set<String>> held = new HashMap<>();
    private final int maxDistinct;
    private final Map<Key, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Problem> problems = new ConcurrentHashMap<>();
    private final LongAdder beyondCap = new LongAdder();

    Coverage(Knowledge knowledge, int maxDistinct) {
        this.knowledge = knowledge;
        this.rules = knowledge.coverageRules();
        this.maxDistinct = maxDistinct;
        for (String id : knowledge.valueSetIds()) {
            knowledge
                    .expansion(id)
                    .forEach((system, values) ->
                            held.computeIfAbsent(system, s -> new HashSet<>()).addAll(values));
        }
    }

    /** In a value set (the decision may read it). */
    boolean inValueSet(LineScan.Coding coding) {
        Set<String> codes = held.get(coding.system());
        return codes != null && codes.contains(coding.code());
    }

    /** Any coding in a value set: an Observation or Procedure the decision may read. */
    boolean anyInValueSet(List<LineScan.Coding> codings) {
        for (LineScan.Coding coding : codings) {
            if (inValueSet(coding)) {
                return true;
            }
        }
        return false;
    }

    /** Counts a coding the knowledge does not hold, when it looks relevant. */
    void count(String resourceType, LineScan.Coding coding) {
        if (inValueSet(coding)
                || (RXNORM.equals(coding.system())
                        && (knowledge.product(coding.code()).isPresent()
                                || knowledge.ingredientName(coding.code()).isPresent()))) {
            return;
        }
        Key key = new Key(resourceType, coding.system(), coding.code()); // no concatenated string per line
        Code code = codes.get(key);
        if (code == null) {
            if (codes.size() >= maxDistinct) {
                beyondCap.increment();
                return;
            }
            code = codes.computeIfAbsent(
                    key,
                    k -> new Code(resourceType, coding, rules.near(coding.system(), coding.code(), coding.display())));
        }
        code.count.increment();
    }

    void problem(String resourceType, String reason, String where) {
        Problem problem = problems.computeIfAbsent(
                (resourceType == null ? "" : resourceType) + '|' + reason, k -> new Problem(resourceType, reason));
        long n = problem.count.incrementAndGet();
        if (n <= EXAMPLES && where != null) {
            synchronized (problem.examples) {
                problem.examples.add(where);
            }
        }
    }

    long problems() {
        return problems.values().stream().mapToLong(p -> p.count.get()).sum();
    }

    /** The relevant unrecognised codes, most frequent first. */
    List<Map<String, Object>> unrecognised() {
        List<Map<String, Object>> rows = new ArrayList<>();
        codes.values().stream()
                .filter(code -> code.near != null)
                .sorted(Comparator.comparingLong((Code code) -> code.count.sum())
                        .reversed()
                        .thenComparing(code -> code.coding.code()))
                .forEach(code -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("resourceType", code.resourceType);
                    row.put("system", code.coding.system());
                    row.put("code", code.coding.code());
                    row.put("display", code.coding.display());
                    row.put("count", code.count.sum());
                    row.put("nearConcept", code.near.valueSet());
                    row.put("because", code.near.because());
                    rows.add(row);
                });
        return rows;
    }

    /** Distinct codes not judged because the table was full. */
    long codesBeyondCap() {
        return beyondCap.sum();
    }

    List<Map<String, Object>> unreadable() {
        List<Map<String, Object>> rows = new ArrayList<>();
        problems.values().stream()
                .sorted(Comparator.comparingLong((Problem p) -> p.count.get()).reversed())
                .forEach(p -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("resourceType", p.resourceType);
                    row.put("reason", p.reason);
                    row.put("count", p.count.get());
                    synchronized (p.examples) {
                        row.put("examples", List.copyOf(p.examples));
                    }
                    rows.add(row);
                });
        return rows;
    }

    /** A code of one resource type (the system may be null). */
    private record Key(String resourceType, String system, String code) {}

    private static final class Code {
        final String resourceType;
        final LineScan.Coding coding;
        final CoverageRules.Near near;
        final LongAdder count = new LongAdder();

        Code(String resourceType, LineScan.Coding coding, CoverageRules.Near near) {
            this.resourceType = resourceType;
            this.coding = coding;
            this.near = near;
        }
    }

    private static final class Problem {
        final String resourceType;
        final String reason;
        final AtomicLong count = new AtomicLong();
        final List<String> examples = new ArrayList<>();

        Problem(String resourceType, String reason) {
            this.resourceType = resourceType;
            this.reason = reason;
        }
    }
}
