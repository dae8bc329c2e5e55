package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.trdcds.terminology.Knowledge;

/**
 * Treatment-resistant depression (PROTOCOL.md section 2): at least minFailedTrials failed adequate trials of
 * different ingredients, counting only trials ongoing or ended within trdWindowDays. On the bipolar pathway the
 * trials are of bipolar-depression treatments with their own dose table. Unknown when the known failures fall short
 * but trials of unknown adequacy or failure could make up the difference.
 */
final class Trd {

    enum Status { ESTABLISHED, UNKNOWN, NOT_ESTABLISHED }

    /**
     * @param failed    one failed adequate trial per ingredient (the ones that establish TRD)
     * @param uncertain trials that could count once documented
     * @param older     trials left out because they ended before the TRD window
     * @param historyUnavailable the medication history could not be fetched: "not established" becomes unknown
     * @param bipolar   the bipolar pathway was applied
     */
    record Result(Status status, List<TrialAssessment> failed, List<TrialAssessment> uncertain,
                  List<TrialAssessment> all, boolean historyUnavailable, List<Trial> older, boolean bipolar) {

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
        return assess(trials, scores, now, historyUnavailable, false);
    }

    /**
     * @param historyUnavailable MedicationStatement or MedicationRequest could not be fetched: unknown is not false
     * @param bipolar            trials are bipolar-depression treatments (judged with the bipolar dose table)
     */
    Result assess(List<Trial> trials, Scores scores, Instant now, boolean historyUnavailable, boolean bipolar) {
        Adequacy adequacy = bipolar ? bipolarTreatments : antidepressants;
        Failure failure = new Failure(knowledge.parameters(), adequacy);
        Instant windowStart = now.minus(Duration.ofDays(knowledge.parameters().trdWindowDays()));
        List<Trial> recent = new ArrayList<>();
        List<Trial> older = new ArrayList<>();
        for (Trial t : trials) {
            boolean old = !t.segments().isEmpty() && !t.ongoing() && t.knownEnd().isBefore(windowStart);
            (old ? older : recent).add(t);
        }
        List<TrialAssessment> all = new ArrayList<>(recent.size());
        for (Trial trial : recent) {
            Adequacy.Result adequate = adequacy.assess(trial, now);
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
            if (a.couldBeFailedAdequate() && !failedIngredients.contains(a.trial().ingredient())) {
                uncertain.add(a);
                uncertainIngredients.add(a.trial().ingredient());
            }
        }
        Status status = failed.size() >= minFailedTrials ? Status.ESTABLISHED
                : failed.size() + uncertainIngredients.size() >= minFailedTrials || historyUnavailable
                ? Status.UNKNOWN : Status.NOT_ESTABLISHED;
        return new Result(status, failed, uncertain, all, historyUnavailable, older, bipolar);
    }
}
