package org.trdcds.criteria;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds treatment trials from medication facts (docs/protocol.md section 1). */
final class Trials {

    static final String ANTIDEPRESSANTS = "antidepressants";
    static final String BIPOLAR_TREATMENTS = "bipolar-depression-treatments";

    private Trials() {}

    static List<Trial> of(List<MedicationFact> medications, Terms terms, int gapDays, Instant now) {
        return of(medications, terms, ANTIDEPRESSANTS, gapDays, now);
    }

    /**
     * Trials of the ingredients in the value set, in order of start (undated ones last). Records of ketamine or
     * esketamine are courses, not trials, even where the value set lists esketamine.
     */
    static List<Trial> of(List<MedicationFact> medications, Terms terms, String valueSetId, int gapDays, Instant now) {
        Map<String, List<Segment>> dated = new LinkedHashMap<>();
        Map<String, List<String>> undated = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<String>> routes = new LinkedHashMap<>();
        boolean bipolar = BIPOLAR_TREATMENTS.equals(valueSetId);
        for (MedicationFact m : medications) {
            if (!Segment.taken(m.status()) || Courses.isKetamineOrEsketamine(m.codes(), terms)) {
                continue;
            }
            Optional<Terms.Ingredient> found = terms.ingredient(valueSetId, m.codes(), m.text());
            if (found.isEmpty()) {
                continue;
            }
            Terms.Ingredient ingredient = found.get();
            String key = ingredient.rxcui();
            String name = ingredient.name();
            var product = ingredient.product();
            // a combination product with its own dose-table row (dextromethorphan-bupropion) is its own trial; for
            // the candidate card's options (neither antidepressant nor bipolar trials) either table's row counts
            var ownRow = product == null
                    ? java.util.Optional.<org.trdcds.knowledge.Knowledge.MinimumDose>empty()
                    : bipolar
                            ? terms.knowledge().bipolarMinimumDailyDose(product.rxnormCode())
                            : terms.knowledge()
                                    .minimumDailyDose(product.rxnormCode())
                                    .or(() -> ANTIDEPRESSANTS.equals(valueSetId)
                                            ? java.util.Optional.empty()
                                            : terms.knowledge().bipolarMinimumDailyDose(product.rxnormCode()));
            if (ownRow.isPresent()) {
                key = product.rxnormCode();
                name = ownRow.get().name();
            }
            names.putIfAbsent(key, name);
            List<String> trialRoutes = routes.computeIfAbsent(key, k -> new ArrayList<>());
            if (product != null && "patch".equalsIgnoreCase(product.doseUnit())) {
                trialRoutes.add("transdermal");
            }
            for (Dose d : m.doses()) {
                if (d.route() != null) {
                    trialRoutes.add(d.route());
                }
            }
            if (m.start() == null) {
                undated.computeIfAbsent(key, k -> new ArrayList<>()).add(m.ref());
            } else {
                Double mgPerDay = DailyDose.mgPerDay(m.doses(), product);
                dated.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(Segment.of(m.ref(), m.status(), m.start(), m.end(), now, mgPerDay));
            }
        }
        List<Trial> trials = new ArrayList<>();
        dated.forEach((rxcui, segments) -> {
            for (List<Segment> group : Episodes.merge(segments, gapDays)) {
                trials.add(new Trial(rxcui, names.get(rxcui), group, List.of(), routes.get(rxcui)));
            }
        });
        trials.sort((a, b) -> a.start().compareTo(b.start()));
        undated.forEach(
                (rxcui, refs) -> trials.add(new Trial(rxcui, names.get(rxcui), List.of(), refs, routes.get(rxcui))));
        return trials;
    }
}
