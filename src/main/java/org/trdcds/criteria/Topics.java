package org.trdcds.criteria;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The card topics the Java decision names itself (docs/protocol.md sections 4-5; identifiers of the contract, not
 * clinical knowledge). A contraindication or caution of fhir-profiles/knowledge/Parameters-safety-rules.json needs no
 * constant here: its rule gets its topic from its row ({@link RuleContext#topic()}); psychosis-caution is here only
 * because the screening reads it (it holds the candidate card back).
 */
public final class Topics {

    public static final String COMBINATION_CANDIDATE = "combination-candidate";
    public static final String MONOTHERAPY_FIRST = "monotherapy-first";
    public static final String TRD_INCOMPLETE_DATA = "trd-incomplete-data";
    public static final String BASELINE_SEVERITY_MISSING = "baseline-severity-missing";
    public static final String BLOOD_PRESSURE_UNKNOWN = "blood-pressure-unknown";
    public static final String TREATMENT_RESPONSE = "treatment-response";
    public static final String SUICIDE_RISK_URGENT = "suicide-risk-urgent";
    public static final String SUICIDE_RISK_SCREEN_POSITIVE = "suicide-risk-screen-positive";
    public static final String PSYCHOSIS_CAUTION = "psychosis-caution";
    public static final String NOT_FIRST_LINE = "not-first-line";
    public static final String KETAMINE_DOSE_CHECK = "ketamine-dose-check";
    public static final String WEIGHT_MISSING = "weight-missing";
    public static final String SESSION_MONITORING = "session-monitoring";
    public static final String OLDER_ADULT_CAUTION = "older-adult-caution";
    public static final String ORDER_CHECK_INCOMPLETE = "order-check-incomplete";
    public static final String OUTSIDE_PROTOCOL_AGE = "outside-protocol-age";
    public static final String ESKETAMINE_DOSE_CHECK = "esketamine-dose-check";

    /**
     * Topics the decision reads although the rules file issues them (screening holds the candidate card back for a
     * psychosis caution): each must have its row in Parameters-safety-rules.json, checked at start-up.
     */
    public static final Set<String> FROM_RULES_FILE = Set.of(PSYCHOSIS_CAUTION);

    /**
     * Every topic named here, read from the constants above (no second list to keep); with the rules file's topics,
     * what the decision can issue ({@link DecisionFactory#topics()}). The contract is the card-topics CodeSystem of
     * fhir-profiles/; {@code ContraindicationCompletenessTest} lists what a topic still lacks.
     */
    public static final List<String> ALL = constants();

    private static List<String> constants() {
        List<String> topics = new ArrayList<>();
        for (Field field : Topics.class.getDeclaredFields()) {
            int m = field.getModifiers();
            if (Modifier.isStatic(m) && Modifier.isFinal(m) && field.getType() == String.class) {
                try {
                    topics.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return List.copyOf(topics);
    }

    private Topics() {}
}
