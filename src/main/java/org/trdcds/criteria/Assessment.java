package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.trdcds.terminology.Knowledge;
import org.trdcds.terminology.ProtocolParameters;

/**
 * Everything the criteria conclude about one patient at one instant, computed once per call and read by the
 * screening and the order checks.
 *
 * @param baseline the latest severity score within severityWindowDays, null when none
 * @param weight   the latest body weight within weightWindowDays, null when none
 */
record Assessment(Instant now, Terms terms, Diagnoses diagnoses, List<ConditionFact> depressed, Scores scores,
                  Trd.Result trd, List<Course> courses, Score baseline, BloodPressure.Result bloodPressure,
                  Weight.Result weight) {

    static Assessment of(PatientFacts facts, Knowledge knowledge, Trd trd, Instant now) {
        ProtocolParameters p = knowledge.parameters();
        Terms terms = new Terms(knowledge);
        Diagnoses diagnoses = new Diagnoses(facts.conditions(), terms);
        Scores scores = Scores.of(facts.observations(), terms, now);
        List<Trial> trials = Trials.of(facts.medications(), terms, p.trialMergeGapDays(), now);
        Score baseline = scores.latestBetween(now.minus(Duration.ofDays(p.severityWindowDays())), now);
        return new Assessment(now, terms, diagnoses, diagnoses.depressed(), scores, trd.assess(trials, scores, now,
                facts.unavailable().contains("MedicationStatement") || facts.unavailable().contains("MedicationRequest")),
                Courses.of(facts, terms, scores, p, now), baseline,
                BloodPressure.of(facts.observations(), terms, p, now),
                Weight.latest(facts.observations(), terms, p.weightWindowDays(), now));
    }

    boolean anyActiveCourse() {
        for (Course c : courses) {
            if (c.active()) {
                return true;
            }
        }
        return false;
    }

    /** Near the criteria: a trial counts or could count towards TRD, or a ketamine/TMS course is on record. */
    boolean nearCriteria() {
        return trd.anyEvidence() || !courses.isEmpty();
    }
}
