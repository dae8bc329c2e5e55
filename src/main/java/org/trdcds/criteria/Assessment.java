package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.trdcds.knowledge.Knowledge;
import org.trdcds.knowledge.ProtocolParameters;

/**
 * Everything the criteria conclude about one patient at one instant, computed once per call and read by the
 * screening and the order checks.
 *
 * @param depressed the active major depressive disorders / bipolar depressed episodes (narrow set)
 * @param baseline  the latest severity score within severityWindowDays, null when none
 * @param weight    the latest plausible body weight within weightWindowDays (ref null when none)
 * @param minor     the patient is younger than minAgeYears
 */
record Assessment(
        Instant now,
        Terms terms,
        Diagnoses diagnoses,
        List<ConditionFact> depressed,
        Scores scores,
        Trd.Result trd,
        List<Course> courses,
        Score baseline,
        BloodPressure.Result bloodPressure,
        Weight.Result weight,
        Suicide.Result suicide,
        boolean minor) {

    static Assessment of(
            PatientFacts facts,
            Knowledge knowledge,
            Terms terms,
            Diagnoses diagnoses,
            Trd trd,
            Suicide suicide,
            Instant now) {
        ProtocolParameters p = knowledge.parameters();
        Scores scores = Scores.of(facts.observations(), terms, now);
        boolean bipolar = diagnoses.bipolar();
        List<Trial> trials = Trials.of(
                facts.medications(),
                terms,
                bipolar ? Trials.BIPOLAR_TREATMENTS : Trials.ANTIDEPRESSANTS,
                p.trialMergeGapDays(),
                now);
        Score baseline = scores.latestBetween(now.minus(Duration.ofDays(p.severityWindowDays())), now);
        Weight.Result weight = Weight.latest(facts.observations(), terms, p, now);
        List<Course> courses = Courses.of(facts, terms, scores, p, now, weight.ref() == null ? null : weight.kg());
        boolean unavailable = facts.unavailable().contains("MedicationStatement")
                || facts.unavailable().contains("MedicationRequest");
        LocalDate birth = facts.birthDate();
        boolean minor =
                birth != null && birth.plusYears(p.minAgeYears()).isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC));
        return new Assessment(
                now,
                terms,
                diagnoses,
                diagnoses.depressed(),
                scores,
                trd.assess(trials, scores, now, unavailable, bipolar, lithiumLevels(facts, terms)),
                courses,
                baseline,
                BloodPressure.of(facts.observations(), terms, p, now, ketamineSessions(facts, terms, now)),
                weight,
                suicide.assess(diagnoses, facts.observations(), facts.procedures(), terms, now, minor),
                minor);
    }

    static final String LITHIUM_LEVEL = "lithium-level";

    private static List<Trd.Level> lithiumLevels(PatientFacts facts, Terms terms) {
        List<Trd.Level> levels = new ArrayList<>();
        for (ObservationFact o : facts.observations()) {
            if (o.value() != null && o.effective() != null && terms.any(LITHIUM_LEVEL, o.codes())) {
                levels.add(new Trd.Level(o.effective(), o.value(), o.ref()));
            }
        }
        return levels;
    }

    /** Every ketamine or esketamine record given (whatever its reason): readings during sessions are excluded. */
    private static List<Segment> ketamineSessions(PatientFacts facts, Terms terms, Instant now) {
        List<Segment> sessions = new ArrayList<>();
        for (MedicationFact m : facts.medications()) {
            if (m.start() != null && Segment.taken(m.status()) && Courses.isKetamineOrEsketamine(m.codes(), terms)) {
                Instant end = m.end() == null && !"active".equals(m.status()) ? m.start() : m.end();
                sessions.add(Segment.of(m.ref(), m.status(), m.start(), end, now, null));
            }
        }
        return sessions;
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
