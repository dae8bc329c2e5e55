package org.trdcds.knowledge;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * The clinical knowledge the decision reads, loaded once at start-up from fhir-profiles/ (and never from Java).
 * Implementations are immutable and thread-safe; every lookup is a hash lookup.
 */
public interface Knowledge {

    /** The knowledge version (from the protocol parameters file); every card states it. */
    String version();

    /** The protocol parameters (windows, thresholds, percentages). */
    ProtocolParameters parameters();

    /** True when (system, code) is in the value set with this local id (e.g. "depressive-disorders"). */
    boolean inValueSet(String valueSetId, String system, String code);

    /** The ids of all value sets loaded (for completeness checks). */
    Set<String> valueSetIds();

    /**
     * The expansion of a value set: code system URI -> codes, both sorted (e.g. to build prefetch queries).
     *
     * @throws IllegalArgumentException for an unknown value-set id
     */
    SortedMap<String, SortedSet<String>> expansion(String valueSetId);

    /** An RxNorm product (SCD/SBD) mapped to its ingredient and strength, or empty when unknown. */
    Optional<Product> product(String rxnormCode);

    /** The name of an RxNorm ingredient (e.g. "36437" -> "sertraline") if the ingredient is known. */
    Optional<String> ingredientName(String ingredientRxcui);

    /**
     * Minimum adequate daily dose for an antidepressant ingredient, or empty when the table has none. A combination
     * product with its own row (dextromethorphan-bupropion) is keyed by its product code: look the product code up
     * first, then the ingredient. A row with a route applies only to that route.
     */
    Optional<MinimumDose> minimumDailyDose(String ingredientRxcui);

    /**
     * Minimum adequate daily dose for a bipolar-depression treatment (bipolar pathway), from
     * Parameters-bipolar-minimum-doses.json; olanzapine-fluoxetine rows are keyed by the combination product codes.
     */
    Optional<MinimumDose> bipolarMinimumDailyDose(String ingredientRxcui);

    /** The order-hook parameters of PROTOCOL-v3 section E (Parameters-orders-v3.json). */
    OrderParameters orderParameters();

    /** Numeric score of a LOINC answer code (LA6568-5 -> 0 ... LA6571-9 -> 3), or empty. */
    Optional<Integer> answerScore(String system, String code);

    /** The parameters of PROTOCOL-v3 sections C and D (Parameters-safety-v3.json). */
    SafetyParameters safetyParameters();

    /**
     * The contraindications and cautions in card order (Parameters-safety-rules.json): each a data rule or the name
     * of a rule class of the decision, checked at load (topics with a template, known value sets, one rule a topic).
     */
    List<SafetyRuleEntry> safetyRules();

    /**
     * Which codes no value set holds but that look relevant to the knowledge (code ranges, words, names), for the
     * go-live dry run's coverage table (Parameters-dry-run-coverage.json). None by default.
     */
    default CoverageRules coverageRules() {
        return CoverageRules.NONE;
    }

    /**
     * How medication records are recognised beyond their codes (PROTOCOL-v3 section A): the names table, the budget
     * of the fetch by reference, route names. The default knows no names.
     */
    default MedicationRecognition medicationRecognition() {
        return MedicationRecognition.NONE;
    }

    /**
     * What the card templates of cds-cards/ tell the decision: the topics with a template, the modalities each topic
     * blocks or concerns. None by default.
     */
    default TopicModalities topicModalities() {
        return TopicModalities.NONE;
    }

    /** The phrases of cds-cards/shared/ by key (card wording governance edits, never Java). None by default. */
    default java.util.Map<String, String> phrases() {
        return java.util.Map.of();
    }

    /**
     * @param rxnormCode  the product code
     * @param ingredient  ingredient RxCUI
     * @param ingredientName e.g. "sertraline"
     * @param strengthMg  mg per unit (tablet, capsule, mL, patch per 24 h) or null when not a mg strength
     * @param doseUnit    "tablet", "capsule", "mL", "patch", ... the unit the strength applies to
     */
    record Product(String rxnormCode, String ingredient, String ingredientName, Double strengthMg, String doseUnit) {}

    /**
     * @param ingredient    RxCUI
     * @param name          ingredient name
     * @param mgPerDay      minimum adequate daily dose in mg
     * @param status        e.g. "placeholder-pending-clinical-review"
     * @param source        where the number came from, for the card
     * @param route         the only route the row applies to (e.g. "transdermal"), or null for any route
     */
    record MinimumDose(String ingredient, String name, double mgPerDay, String status, String source, String route) {}
}
