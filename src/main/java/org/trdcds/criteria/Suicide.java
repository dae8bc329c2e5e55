package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trdcds.terminology.Knowledge;
import org.trdcds.terminology.ProtocolParameters;

/**
 * Suicide risk (docs/protocol.md section 5): tiered, from the latest PHQ-9 item 9 answer in suicideItemWindowDays (a
 * stand-alone item-9 Observation or a component of a panel) and from conditions. Urgent safety, never a
 * contraindication: no tier deletes an order.
 */
final class Suicide {

    static final String PHQ9_ITEM9 = "phq9-item9";
    static final String HISTORY = "suicidal-behaviour-history";
    /** A documented suicide risk assessment (Procedure, SNOMED 225337009): after the urgent data, it releases the candidate. */
    static final String RISK_ASSESSMENT = "suicide-risk-assessment";

    enum Tier { NONE, SCREEN_POSITIVE, URGENT }

    /**
     * @param holdsCandidate urgent, and no suicide risk assessment documented after the data that made it urgent
     *                       (PROTOCOL-v2 section 5): the candidate card is held back
     */
    record Result(Tier tier, Finding finding, boolean holdsCandidate) {
    }

    private record Answer(double score, Instant at, String ref) {
    }

    private final Knowledge knowledge;
    private final ProtocolParameters p;

    Suicide(Knowledge knowledge) {
        this.knowledge = knowledge;
        this.p = knowledge.parameters();
    }

    Result assess(Diagnoses diagnoses, List<ObservationFact> observations, List<ProcedureFact> procedures, Terms terms,
                  Instant now) {
        Answer latest = latestAnswer(observations, terms, now);
        Instant itemFrom = now.minus(Duration.ofDays(p.suicideItemWindowDays()));
        List<ConditionFact> ideation = new ArrayList<>();
        for (ConditionFact c : diagnoses.active(Diagnoses.SUICIDAL_IDEATION)) {
            if (c.date() == null || !c.date().isBefore(itemFrom)) {
                ideation.add(c);
            }
        }
        List<ConditionFact> attempts = diagnoses.ever(Diagnoses.SUICIDE_ATTEMPT,
                now.minus(Duration.ofDays(p.suicideAttemptWindowDays())), now);
        boolean urgent = (latest != null && latest.score() >= p.phqItem9UrgentThreshold()) || !ideation.isEmpty()
                || !attempts.isEmpty();
        boolean positive = latest != null && latest.score() >= p.phqItem9Threshold();
        if (!urgent && !positive) {
            return new Result(Tier.NONE, null, false);
        }
        List<ConditionFact> history = diagnoses.present(HISTORY);
        Map<String, Object> d = new LinkedHashMap<>();
        List<String> evidence = new ArrayList<>();
        if (latest != null && latest.score() >= p.phqItem9Threshold()) {
            d.put("item9Answer", Details.number(latest.score()));
            d.put("item9Date", Details.date(latest.at()));
            d.put("item9Ref", latest.ref());
            evidence.add(latest.ref());
        }
        d.put("ideation", Details.conditionRows(ideation));
        d.put("attempts", Details.conditionRows(attempts));
        d.put("history", Details.conditionRows(history));
        d.put("windowDays", p.suicideItemWindowDays());
        d.put("attemptWindowDays", p.suicideAttemptWindowDays());
        evidence.addAll(Diagnoses.refs(ideation));
        evidence.addAll(Diagnoses.refs(attempts));
        evidence.addAll(Diagnoses.refs(history));
        if (!urgent) {
            return new Result(Tier.SCREEN_POSITIVE, new Finding(Topics.SUICIDE_RISK_SCREEN_POSITIVE, d, evidence), false);
        }
        Instant trigger = latest != null && latest.score() >= p.phqItem9UrgentThreshold() ? latest.at() : null;
        for (ConditionFact c : concat(ideation, attempts)) {
            trigger = c.date() == null ? now : trigger == null || c.date().isAfter(trigger) ? c.date() : trigger;
        }
        return new Result(Tier.URGENT, new Finding(Topics.SUICIDE_RISK_URGENT, d, evidence),
                !assessedAfter(trigger, procedures, terms, now));
    }

    private static List<ConditionFact> concat(List<ConditionFact> a, List<ConditionFact> b) {
        List<ConditionFact> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** A completed (or ongoing) suicide risk assessment Procedure dated after the trigger, not in the future. */
    private static boolean assessedAfter(Instant trigger, List<ProcedureFact> procedures, Terms terms, Instant now) {
        for (ProcedureFact procedure : procedures) {
            Instant at = procedure.start();
            if (trigger != null && at != null && at.isAfter(trigger) && !at.isAfter(now)
                    && ("completed".equals(procedure.status()) || "in-progress".equals(procedure.status()))
                    && terms.any(RISK_ASSESSMENT, procedure.codes())) {
                return true;
            }
        }
        return false;
    }

    /** The latest item-9 answer in the window (stand-alone or a panel component), or null. */
    private Answer latestAnswer(List<ObservationFact> observations, Terms terms, Instant now) {
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
            if (score != null) {
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
