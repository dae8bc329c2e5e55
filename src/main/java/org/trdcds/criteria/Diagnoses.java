package org.trdcds.criteria;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The patient's conditions by value set (docs/protocol.md "What the decision reads", "Two depression sets"). */
final class Diagnoses {

    static final String DEPRESSIVE_DISORDERS = "depressive-disorders";
    static final String DEPRESSIVE_SPECTRUM = "depressive-spectrum";
    static final String BIPOLAR_DEPRESSED = "bipolar-depressed-episode";
    static final String BIPOLAR = "bipolar-disorders";
    static final String SUICIDAL_IDEATION = "suicidal-ideation";
    static final String SUICIDE_ATTEMPT = "suicide-attempt";
    /** The broad set, with the narrow ones (in case a knowledge edit left a code out of the broad list). */
    static final List<String> SPECTRUM =
            List.of(DEPRESSIVE_SPECTRUM, DEPRESSIVE_DISORDERS, BIPOLAR_DEPRESSED, SUICIDAL_IDEATION);

    private final List<ConditionFact> conditions;
    /** The active conditions, judged once per call (every rule reads them). */
    private final List<ConditionFact> activeConditions;

    private final Terms terms;

    Diagnoses(List<ConditionFact> conditions, Terms terms) {
        this.conditions = conditions;
        this.terms = terms;
        this.activeConditions = new ArrayList<>();
        for (ConditionFact c : conditions) {
            if (Conditions.isActive(c, terms)) {
                activeConditions.add(c);
            }
        }
    }

    /** Active conditions coded in the value set. */
    List<ConditionFact> active(String valueSetId) {
        List<ConditionFact> found = new ArrayList<>();
        if (!terms.has(valueSetId)) {
            return found;
        }
        for (ConditionFact c : activeConditions) {
            if (terms.any(valueSetId, c.codes())) {
                found.add(c);
            }
        }
        return found;
    }

    /** Active conditions of the value set dated (onset, else recorded) at or after {@code from}. */
    List<ConditionFact> activeSince(String valueSetId, Instant from) {
        List<ConditionFact> found = new ArrayList<>();
        for (ConditionFact c : active(valueSetId)) {
            if (c.date() != null && !c.date().isBefore(from)) {
                found.add(c);
            }
        }
        return found;
    }

    /** Conditions coded in the value set that are not resolved. */
    List<ConditionFact> present(String valueSetId) {
        List<ConditionFact> found = new ArrayList<>();
        for (ConditionFact c : conditions) {
            if (Conditions.isPresent(c) && terms.any(valueSetId, c.codes())) {
                found.add(c);
            }
        }
        return found;
    }

    /** Confirmed conditions of the value set whatever their clinical status, dated in [from, to] when from is set. */
    List<ConditionFact> ever(String valueSetId, Instant from, Instant to) {
        List<ConditionFact> found = new ArrayList<>();
        for (ConditionFact c : conditions) {
            if (!Conditions.confirmed(c) || !terms.any(valueSetId, c.codes())) {
                continue;
            }
            Instant date = c.date();
            if (from == null || (date != null && !date.isBefore(from) && !date.isAfter(to))) {
                found.add(c);
            }
        }
        return found;
    }

    /** Narrow: an active major depressive disorder or bipolar depressed episode (TRD eligibility, protocol cards). */
    List<ConditionFact> depressed() {
        List<ConditionFact> found = active(DEPRESSIVE_DISORDERS);
        for (ConditionFact c : active(BIPOLAR_DEPRESSED)) {
            if (!found.contains(c)) {
                found.add(c);
            }
        }
        return found;
    }

    /** Broad: on the depressive spectrum (safety scope): an active spectrum condition or a recent suicide attempt. */
    boolean onSpectrum(Instant now, int attemptWindowDays) {
        for (String id : SPECTRUM) {
            if (!active(id).isEmpty()) {
                return true;
            }
        }
        return !ever(SUICIDE_ATTEMPT, now.minus(Duration.ofDays(attemptWindowDays)), now)
                .isEmpty();
    }

    /** Any active bipolar diagnosis routes the patient to the bipolar pathway. */
    boolean bipolar() {
        return !active(BIPOLAR).isEmpty() || !active(BIPOLAR_DEPRESSED).isEmpty();
    }

    static List<String> refs(List<ConditionFact> conditions) {
        List<String> refs = new ArrayList<>(conditions.size());
        for (ConditionFact c : conditions) {
            refs.add(c.ref());
        }
        return refs;
    }
}
