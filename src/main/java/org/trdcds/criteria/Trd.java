package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.trdcds.knowledge.Knowledge;

/**
 * Treatment-resistant depression (docs/protocol.md section 2): at least minFailedTrials failed adequate trials of
 * different ingredients, counting only trials ongoing or ended within trdWindowDays. On the bipolar pathway the
 * trials are of bipolar-depression treatments with their own dose table. Unknown when the known failures fall short
 * but trials of unknown adequacy or failure could make up the difference.
 */
final class Trd {

    enum Status {
        ESTABLISHED,
        UNKNOWN,
        NOT_ESTABLISHED
    }

    /**
     * @param failed    one failed adequate trial per ingredient (the ones that establish TRD)
     * @param uncertain trials that could count once documented
     * @param older     trials left out because they ended before the TRD window
     * @param historyUnavailable the medication history could not be fetched: "not established" becomes unknown
     * @param bipolar   the bipolar pathway was applied
     */
    record Result(
            Status status,
            List<TrialAssessment> failed,
            List<TrialAssessment> uncertain,
            List<TrialAssessment> all,
            boolean historyUnavailable,
            List<Trial> older,
            boolean bipolar) {

        /** At least one trial already counts, or could: the patient is near the criteria. */
        boolean anyEvidence() {
            return !failed.isEmpty() || !uncertain.isEmpty() || historyUnavailable;
        }
    }

    private final Knowledge knowledge;
    private final Adequacy antidepressants;
    private final Adequacy bipolarTreatments;
    private final int minFailedTrials;

    Trd(Knowledge knowledge) {
        this.knowledge = knowledge;
        this.antidepressants = new Adequacy(knowledge.parameters(), knowledge::minimumDailyDose);
        this.bipolarTreatments = new Adequacy(knowledge.parameters(), knowledge::bipolarMinimumDailyDose);
        this.minFailedTrials = knowledge.parameters().minFailedTrials();
    }

    Result assess(List<Trial> trials, Scores scores, Instant now, boolean historyUnavailable) {
        return assess(trials, scores, now, historyUnavailable, false, List.of());
    }

    /** A serum lithium level (value set lithium-level). */
    record Level(Instant at, double value, String ref) {}

    /**
     * @param historyUnavailable MedicationStatement or MedicationRequest could not be fetched: unknown is not false
     * @param bipolar            trials are bipolar-depression treatments (judged with the bipolar dose table)
     */
    Result assess(
            List<Trial> trials,
            Scores scores,
            Instant now,
            boolean historyUnavailable,
            boolean bipolar,
            List<Level> lithiumLevels) {
        Adequacy adequacy = bipolar ? bipolarTreatments : antidepressants;
        Failure failure = new Failure(knowledge.parameters(), adequacy);
        Instant windowStart = now.minus(Duration.ofDays(knowledge.parameters().trdWindowDays()));
        List<Trial> recent = new ArrayList<>();
        List<Trial> older = new ArrayList<>();
        for (Trial t : trials) {
            boolean old =
                    !t.segments().isEmpty() && !t.ongoing() && t.knownEnd().isBefore(windowStart);
            (old ? older : recent).add(t);
        }
        List<TrialAssessment> all = new ArrayList<>(recent.size());
        for (Trial trial : recent) {
            Adequacy.Result adequate = bipolar ? lithium(trial, lithiumLevels, now) : null;
            if (adequate == null) {
                adequate = adequacy.assess(trial, now);
            }
            all.add(new TrialAssessment(trial, adequate, failure.assess(trial, adequate, trials, scores, now)));
        }
        List<TrialAssessment> failed = new ArrayList<>();
        Set<String> failedIngredients = new LinkedHashSet<>();
        for (TrialAssessment a : all) {
            if (a.failedAdequate() && failedIngredients.add(a.trial().ingredient())) {
                failed.add(a);
            }
        }
        List<TrialAssessment> uncertain = new ArrayList<>();
        Set<String> uncertainIngredients = new LinkedHashSet<>();
        for (TrialAssessment a : all) {
            if (a.couldBeFailedAdequate()
                    && !failedIngredients.contains(a.trial().ingredient())) {
                uncertain.add(a);
                uncertainIngredients.add(a.trial().ingredient());
            }
        }
        Status status = failed.size() >= minFailedTrials
                ? Status.ESTABLISHED
                : failed.size() + uncertainIngredients.size() >= minFailedTrials || historyUnavailable
                        ? Status.UNKNOWN
                        : Status.NOT_ESTABLISHED;
        return new Result(status, failed, uncertain, all, historyUnavailable, older, bipolar);
    }

    /**
     * Lithium on the bipolar pathway is adequate by a serum level of at least lithiumLevelMin during the trial (held for
     * adequateTrialDays); by the dose table only when no level exists (null).
     */
    private Adequacy.Result lithium(Trial trial, List<Level> levels, Instant now) {
        var p = knowledge.parameters();
        if (!trial.ingredient().equals(p.lithiumIngredient())
                || trial.segments().isEmpty()) {
            return null;
        }
        Instant end = trial.segments().get(trial.segments().size() - 1).latestPossibleEnd(now);
        Level best = null;
        for (Level l : levels) {
            if (!l.at().isBefore(trial.start()) && !l.at().isAfter(end) && (best == null || l.value() > best.value())) {
                best = l;
            }
        }
        if (best == null) {
            return null;
        }
        Phrase level =
                Phrase.of("lithium.level", "level", Details.number(best.value()), "date", Details.date(best.at()));
        String minimum = Details.number(p.lithiumLevelMin());
        if (best.value() < p.lithiumLevelMin()) {
            return new Adequacy.Result(
                    Adequacy.Status.INADEQUATE,
                    null,
                    Phrase.of("lithium.belowMinimum", "level", level, "minimum", minimum),
                    List.of());
        }
        return trial.knownDays() >= p.adequateTrialDays()
                ? new Adequacy.Result(
                        Adequacy.Status.ADEQUATE,
                        null,
                        Phrase.of("lithium.adequate", "level", level, "minimum", minimum),
                        List.of(),
                        trial.start())
                : new Adequacy.Result(
                        Adequacy.Status.INADEQUATE,
                        null,
                        Phrase.of("lithium.tooShort", "level", level, "days", p.adequateTrialDays()),
                        List.of());
    }
}
