package org.trdcds.criteria;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.trdcds.knowledge.SafetyParameters;

/**
 * Suicide risk assessments documented after an urgent trigger (PROTOCOL-v3 section C): a completed Procedure of the
 * governance list (SNOMED 225337009 ...) whose outcome, when coded, is not high or imminent; or a final Observation of
 * a listed risk instrument whose result reads as not high or imminent. A ServiceRequest never counts (it is an order,
 * not a documented assessment). An Observation whose result cannot be read lifts nothing.
 */
final class RiskAssessments {

    /** A documented suicide risk assessment (Procedure, SNOMED 225337009 or codes governance lists). */
    static final String RISK_ASSESSMENT = "suicide-risk-assessment";
    /** Observation codes of the risk instruments whose result counts. */
    static final String INSTRUMENTS = "suicide-risk-instruments";
    /** Result or outcome codes meaning high or imminent risk. */
    static final String HIGH = "suicide-risk-result-high";

    private static final List<String> FINAL = List.of("final", "amended", "corrected");

    /** @param result the result as the card names it; {@code high}: high or imminent risk */
    record Assessed(String ref, Instant at, Object result, boolean high) {}

    /**
     * @param decisive   the latest readable assessment after the trigger, or null
     * @param unreadable the latest unreadable Observation after the trigger and after the decisive one, or null
     */
    record Found(Assessed decisive, Assessed unreadable) {}

    private final SafetyParameters s;

    RiskAssessments(SafetyParameters parameters) {
        this.s = parameters;
    }

    Found after(
            Instant trigger,
            List<ProcedureFact> procedures,
            List<ObservationFact> observations,
            Terms terms,
            Instant now) {
        Assessed decisive = null;
        Assessed unreadable = null;
        if (trigger == null) {
            return new Found(null, null);
        }
        for (ProcedureFact pr : procedures) {
            Instant at = pr.start();
            if (at == null
                    || !at.isAfter(trigger)
                    || at.isAfter(now)
                    || !"completed".equals(pr.status())
                    || !terms.any(RISK_ASSESSMENT, pr.codes())) {
                continue;
            }
            boolean high = terms.any(HIGH, pr.outcomes())
                    || words(pr.outcomeText(), s.suicideRiskHighWords())
                    || anyDisplay(pr.outcomes(), s.suicideRiskHighWords());
            Object result = pr.outcomeText() != null ? pr.outcomeText() : Phrase.of("risk.noHighRecorded");
            decisive = later(decisive, new Assessed(pr.ref(), at, result, high));
        }
        for (ObservationFact o : observations) {
            Instant at = o.effective();
            if (at == null
                    || !at.isAfter(trigger)
                    || at.isAfter(now)
                    || (o.status() == null || !FINAL.contains(o.status()))
                    || !terms.any(INSTRUMENTS, o.codes())) {
                continue;
            }
            String text = o.valueText();
            boolean high = terms.any(HIGH, o.valueCodes())
                    || words(text, s.suicideRiskHighWords())
                    || anyDisplay(o.valueCodes(), s.suicideRiskHighWords());
            boolean low = !high
                    && (words(text, s.suicideRiskNotHighWords())
                            || anyDisplay(o.valueCodes(), s.suicideRiskNotHighWords()));
            if (high || low) {
                decisive = later(decisive, new Assessed(o.ref(), at, text, high));
            } else {
                unreadable = later(unreadable, new Assessed(o.ref(), at, null, false));
            }
        }
        if (unreadable != null && decisive != null && !unreadable.at().isAfter(decisive.at())) {
            unreadable = null;
        }
        return new Found(decisive, unreadable);
    }

    private static Assessed later(Assessed a, Assessed b) {
        return a == null || b.at().isAfter(a.at()) ? b : a;
    }

    private static boolean anyDisplay(List<Code> codes, List<String> words) {
        for (Code c : codes) {
            if (words(c.display(), words)) {
                return true;
            }
        }
        return false;
    }

    /** The text holds one of the words as a whole word, case-insensitive. */
    static boolean words(String text, List<String> words) {
        if (text == null) {
            return false;
        }
        String lower = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ") + " ";
        for (String w : words) {
            if (lower.contains(" " + w + " ")) {
                return true;
            }
        }
        return false;
    }
}
