package org.trdcds.criteria;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.trdcds.terminology.Knowledge;

/**
 * Treatment-resistant depression (PROTOCOL.md section 2): at least minFailedTrials failed adequate trials of
 * different ingredients. Unknown when the known failures fall short but trials of unknown adequacy or failure could
 * make up the difference. (The active depressive disorder is checked by {@link Diagnoses#depressed}.)
 */
final class Trd {

    enum Status { ESTABLISHED, UNKNOWN, NOT_ESTABLISHED }

    /**
     * @param failed    one failed adequate trial per ingredient (the ones that establish TRD)
     * @param uncertain trials that could count once documented
     * @param historyUnavailable the medication history could not be fetched: "not established" becomes unknown
     */
    record Result(Status status, List<TrialAssessment> failed, List<TrialAssessment> uncertain,
                  List<TrialAssessment> all, boolean historyUnavailable) {

        /** At least one trial already counts, or could: the patient is near the criteria. */
        boolean anyEvidence() {
            return !failed.isEmpty() || !uncertain.isEmpty() || historyUnavailable;
        }
    }

    private final Adequacy adequacy;
    private final Failure failure;
    private final int minFailedTrials;

    Trd(Knowledge knowledge) {
        this.adequacy = new Adequacy(knowledge);
        this.failure = new Failure(knowledge.parameters());
        this.minFailedTrials = knowledge.parameters().minFailedTrials();
    }

    /**
     * @param historyUnavailable MedicationStatement or MedicationRequest could not be fetched: unknown is not false
     */
    Result assess(List<Trial> trials, Scores scores, Instant now, boolean historyUnavailable) {
        List<TrialAssessment> all = new ArrayList<>(trials.size());
        for (Trial trial : trials) {
            all.add(new TrialAssessment(trial, adequacy.assess(trial, now), failure.assess(trial, trials, scores, now)));
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
        return new Result(status, failed, uncertain, all, historyUnavailable);
    }
}
