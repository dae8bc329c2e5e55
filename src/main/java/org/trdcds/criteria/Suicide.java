package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trdcds.knowledge.Knowledge;
import org.trdcds.knowledge.ProtocolParameters;

/**
 * Suicide risk (PROTOCOL-v2 section 5 as changed by PROTOCOL-v3 section C): tiered, from the PHQ-9 item 9 answers in
 * suicideItemWindowDays (a stand-alone item-9 Observation or a component of a panel) and from conditions. An urgent
 * trigger (an answer at or above the urgent threshold, ideation, an attempt) stays in force for its window, whatever
 * later, lower answers say, until a suicide risk assessment is documented after the latest trigger with a readable
 * result that is not high or imminent ({@link RiskAssessments}); then the card is the screen-positive one, naming
 * both. Urgent safety, never a contraindication: no tier deletes an order.
 */
final class Suicide {

    static final String PHQ9_ITEM9 = "phq9-item9";
    static final String HISTORY = "suicidal-behaviour-history";

    enum Tier {
        NONE,
        SCREEN_POSITIVE,
        URGENT
    }

    /**
     * @param holdsCandidate urgent, and no suicide risk assessment with a readable result that is not high documented
     *                       after the latest trigger: the candidate card is held back
     * @param triggered      an urgent trigger is in force (shown for any patient, whatever the depression is coded as;
     *                       also when an assessment lifted the hold)
     */
    record Result(Tier tier, Finding finding, boolean holdsCandidate, boolean triggered) {

        Result(Tier tier, Finding finding, boolean holdsCandidate) {
            this(tier, finding, holdsCandidate, tier == Tier.URGENT);
        }
    }

    private record Answer(double score, Instant at, String ref) {}

    private final Knowledge knowledge;
    private final ProtocolParameters p;
    private final RiskAssessments assessments;

    Suicide(Knowledge knowledge) {
        this.knowledge = knowledge;
        this.p = knowledge.parameters();
        this.assessments = new RiskAssessments(knowledge.safetyParameters());
    }

    Result assess(
            Diagnoses diagnoses,
            List<ObservationFact> observations,
            List<ProcedureFact> procedures,
            Terms terms,
            Instant now) {
        return assess(diagnoses, observations, procedures, terms, now, false);
    }

    /** @param minor the patient is known to be under the minimum age (the esketamine sentence is for adults only) */
    Result assess(
            Diagnoses diagnoses,
            List<ObservationFact> observations,
            List<ProcedureFact> procedures,
            Terms terms,
            Instant now,
            boolean minor) {
        Answer latest = latestAnswer(observations, terms, now, 0);
        Answer urgentAnswer = latestAnswer(observations, terms, now, p.phqItem9UrgentThreshold());
        Instant itemFrom = now.minus(Duration.ofDays(p.suicideItemWindowDays()));
        List<ConditionFact> ideation = new ArrayList<>();
        for (ConditionFact c : diagnoses.active(Diagnoses.SUICIDAL_IDEATION)) {
            if (c.date() == null || !c.date().isBefore(itemFrom)) {
                ideation.add(c);
            }
        }
        List<ConditionFact> attempts = diagnoses.ever(
                Diagnoses.SUICIDE_ATTEMPT, now.minus(Duration.ofDays(p.suicideAttemptWindowDays())), now);
        boolean urgent = urgentAnswer != null || !ideation.isEmpty() || !attempts.isEmpty();
        boolean positive = latest != null && latest.score() >= p.phqItem9Threshold();
        if (!urgent && !positive) {
            return new Result(Tier.NONE, null, false);
        }
        List<ConditionFact> history = diagnoses.present(HISTORY);
        Map<String, Object> d = new LinkedHashMap<>();
        List<String> evidence = new ArrayList<>();
        Answer shown = urgentAnswer != null
                ? urgentAnswer
                : latest != null && latest.score() >= p.phqItem9Threshold() ? latest : null;
        if (shown != null) {
            d.put("item9Answer", Details.number(shown.score()));
            d.put("item9Date", Details.date(shown.at()));
            d.put("item9Ref", shown.ref());
            evidence.add(shown.ref());
        }
        if (urgentAnswer != null && latest.at().isAfter(urgentAnswer.at()) && latest.score() < urgentAnswer.score()) {
            d.put("laterAnswer", Map.of("answer", Details.number(latest.score()), "date", Details.date(latest.at())));
            evidence.add(latest.ref());
        }
        d.put("ideation", Details.conditionRows(ideation));
        d.put("attempts", Details.conditionRows(attempts));
        d.put("history", Details.conditionRows(history));
        d.put("windowDays", p.suicideItemWindowDays());
        d.put("attemptWindowDays", p.suicideAttemptWindowDays());
        d.put("adult", !minor);
        evidence.addAll(Diagnoses.refs(ideation));
        evidence.addAll(Diagnoses.refs(attempts));
        evidence.addAll(Diagnoses.refs(history));
        if (!urgent) {
            return new Result(
                    Tier.SCREEN_POSITIVE, new Finding(Topics.SUICIDE_RISK_SCREEN_POSITIVE, d, evidence), false);
        }
        Instant trigger = urgentAnswer != null ? urgentAnswer.at() : null;
        for (ConditionFact c : concat(ideation, attempts)) {
            trigger = c.date() == null ? now : trigger == null || c.date().isAfter(trigger) ? c.date() : trigger;
        }
        RiskAssessments.Found found = assessments.after(trigger, procedures, observations, terms, now);
        if (found.unreadable() != null) {
            d.put(
                    "assessmentUnreadable",
                    Map.of("date", Details.date(found.unreadable().at())));
            evidence.add(found.unreadable().ref());
        }
        if (found.decisive() != null) {
            RiskAssessments.Assessed a = found.decisive();
            d.put("assessment", Map.of("date", Details.date(a.at()), "result", a.result(), "high", a.high()));
            evidence.add(a.ref());
            if (!a.high()) {
                d.put("assessed", true);
                return new Result(
                        Tier.SCREEN_POSITIVE,
                        new Finding(Topics.SUICIDE_RISK_SCREEN_POSITIVE, d, evidence),
                        false,
                        true);
            }
        }
        d.put("heldBack", true);
        return new Result(Tier.URGENT, new Finding(Topics.SUICIDE_RISK_URGENT, d, evidence), true, true);
    }

    private static List<ConditionFact> concat(List<ConditionFact> a, List<ConditionFact> b) {
        List<ConditionFact> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The latest item-9 answer in the window scoring at least {@code atLeast} (stand-alone or a panel component). */
    private Answer latestAnswer(List<ObservationFact> observations, Terms terms, Instant now, double atLeast) {
        Instant from = now.minus(Duration.ofDays(p.suicideItemWindowDays()));
        Answer latest = null;
        for (ObservationFact o : observations) {
            Instant at = o.effective();
            if (at == null || at.isBefore(from) || at.isAfter(now) || (latest != null && !at.isAfter(latest.at()))) {
                continue;
            }
            Double score = null;
            if (terms.any(PHQ9_ITEM9, o.codes())) {
                score = score(o.value(), o.valueCodes());
            } else {
                for (ObservationFact.Component c : o.components()) {
                    if (terms.any(PHQ9_ITEM9, c.codes())) {
                        score = score(c.value(), c.valueCodes());
                    }
                }
            }
            if (score != null && score >= atLeast) {
                latest = new Answer(score, at, o.ref());
            }
        }
        return latest;
    }

    private Double score(Double value, List<Code> answers) {
        if (value != null) {
            return value >= 0 && value <= 3 ? value : null;
        }
        for (Code answer : answers) {
            var score = knowledge.answerScore(answer.system(), answer.code());
            if (score.isPresent()) {
                return score.get().doubleValue();
            }
        }
        return null;
    }
}
