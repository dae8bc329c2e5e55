package org.trdcds.knowledge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;

/**
 * {@link Knowledge} indexed from the parsed files of fhir-profiles/ ({@link KnowledgeLoader} reads and parses them):
 * the local ValueSets (expanded against the VSAC copies), the RxNorm product map, the minimum-dose tables, the LOINC
 * answer scores, the protocol parameters, plus what the card templates and shared phrases of cds-cards/ give the
 * decision. Immutable; every lookup is two or three hash lookups and allocates nothing.
 */
public final class FileKnowledge implements Knowledge {

    static final String LOCAL_VALUE_SETS = LocalValueSets.LOCAL_VALUE_SETS;
    static final String PROTOCOL_PARAMETERS = "protocol-parameters";
    static final String MINIMUM_DOSES = "antidepressant-minimum-doses";
    static final String BIPOLAR_MINIMUM_DOSES = "bipolar-minimum-doses";
    static final String ANSWER_SCORES = "loinc-answer-scores";
    static final String PRODUCTS = "rxnorm-products";
    static final String ORDER_PARAMETERS = "orders-v3";

    private final String version;
    private final TopicModalities topicModalities;
    private final Map<String, String> phrases;
    private final ProtocolParameters parameters;
    private final Map<String, Map<String, Set<String>>> valueSets;
    private final Map<String, Product> products;
    private final Map<String, String> ingredientNames;
    private final Map<String, MinimumDose> minimumDoses;
    private final Map<String, MinimumDose> bipolarMinimumDoses;
    private final Map<String, Map<String, Integer>> answerScores;
    private final CoverageRules coverageRules;
    private final SafetyParameters safetyParameters;
    private final MedicationRecognition medicationRecognition;
    private final OrderParameters orderParameters;
    private final List<SafetyRuleEntry> safetyRules;

    FileKnowledge(ParsedResources loaded, TopicModalities topicModalities, Map<String, String> phrases) {
        this.topicModalities = topicModalities;
        this.phrases = Map.copyOf(phrases);
        ProtocolParametersReader protocol = new ProtocolParametersReader(
                loaded.parameters(PROTOCOL_PARAMETERS), loaded.pathOf(PROTOCOL_PARAMETERS));
        this.version = protocol.version();
        this.parameters = protocol.protocolParameters();
        this.valueSets = LocalValueSets.expand(loaded);
        this.products = Map.copyOf(ProductMapReader.read(loaded.bundle(PRODUCTS), loaded.pathOf(PRODUCTS)));
        this.minimumDoses = MinimumDoseTable.read(loaded.parameters(MINIMUM_DOSES), loaded.pathOf(MINIMUM_DOSES));
        this.bipolarMinimumDoses =
                MinimumDoseTable.read(loaded.parameters(BIPOLAR_MINIMUM_DOSES), loaded.pathOf(BIPOLAR_MINIMUM_DOSES));
        this.answerScores = answerScores(loaded.parameters(ANSWER_SCORES), loaded.pathOf(ANSWER_SCORES));
        this.ingredientNames = LocalValueSets.ingredientNames(loaded, products, minimumDoses, bipolarMinimumDoses);
        this.coverageRules = CoverageRules.read(
                loaded.parametersIfAny(CoverageRules.ID),
                loaded.pathOf(CoverageRules.ID),
                LocalValueSets.knownNames(loaded, valueSets, ingredientNames),
                valueSets.keySet());
        this.safetyParameters = SafetyParametersReader.read(
                loaded.parameters(SafetyParametersReader.ID), loaded.pathOf(SafetyParametersReader.ID));
        this.medicationRecognition = MedicationRecognitionReader.read(
                loaded.optionalParameters(MedicationRecognitionReader.PARAMETERS),
                loaded.pathOf(MedicationRecognitionReader.PARAMETERS),
                loaded.optionalParameters(MedicationRecognitionReader.NAMES),
                loaded.pathOf(MedicationRecognitionReader.NAMES),
                ingredientNames,
                products.keySet());
        this.orderParameters = RecordParametersReader.read(
                OrderParameters.class, loaded.parameters(ORDER_PARAMETERS), loaded.pathOf(ORDER_PARAMETERS));
        this.safetyRules = SafetyRulesReader.read(
                loaded.parameters(SafetyRulesReader.ID),
                loaded.pathOf(SafetyRulesReader.ID),
                valueSets.keySet(),
                topicModalities.topics());
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public ProtocolParameters parameters() {
        return parameters;
    }

    @Override
    public boolean inValueSet(String valueSetId, String system, String code) {
        Map<String, Set<String>> valueSet = valueSet(valueSetId);
        if (system == null || code == null) {
            return false;
        }
        Set<String> codes = valueSet.get(system);
        return codes != null && codes.contains(code);
    }

    @Override
    public Set<String> valueSetIds() {
        return valueSets.keySet();
    }

    @Override
    public SortedMap<String, SortedSet<String>> expansion(String valueSetId) {
        SortedMap<String, SortedSet<String>> expansion = new TreeMap<>();
        valueSet(valueSetId).forEach((system, codes) -> expansion.put(system, new TreeSet<>(codes)));
        return expansion;
    }

    private Map<String, Set<String>> valueSet(String valueSetId) {
        Map<String, Set<String>> valueSet = valueSets.get(valueSetId);
        if (valueSet == null) {
            throw new IllegalArgumentException(
                    "unknown value set id '" + valueSetId + "'; known: " + valueSets.keySet());
        }
        return valueSet;
    }

    @Override
    public Optional<Product> product(String rxnormCode) {
        return Optional.ofNullable(rxnormCode == null ? null : products.get(rxnormCode));
    }

    @Override
    public Optional<String> ingredientName(String ingredientRxcui) {
        return Optional.ofNullable(ingredientRxcui == null ? null : ingredientNames.get(ingredientRxcui));
    }

    @Override
    public Optional<MinimumDose> minimumDailyDose(String ingredientRxcui) {
        return Optional.ofNullable(ingredientRxcui == null ? null : minimumDoses.get(ingredientRxcui));
    }

    @Override
    public Optional<MinimumDose> bipolarMinimumDailyDose(String ingredientRxcui) {
        return Optional.ofNullable(ingredientRxcui == null ? null : bipolarMinimumDoses.get(ingredientRxcui));
    }

    @Override
    public OrderParameters orderParameters() {
        return orderParameters;
    }

    @Override
    public Optional<Integer> answerScore(String system, String code) {
        Map<String, Integer> scores = system == null ? null : answerScores.get(system);
        return Optional.ofNullable(scores == null || code == null ? null : scores.get(code));
    }

    @Override
    public CoverageRules coverageRules() {
        return coverageRules;
    }

    @Override
    public SafetyParameters safetyParameters() {
        return safetyParameters;
    }

    @Override
    public List<SafetyRuleEntry> safetyRules() {
        return safetyRules;
    }

    @Override
    public MedicationRecognition medicationRecognition() {
        return medicationRecognition;
    }

    @Override
    public TopicModalities topicModalities() {
        return topicModalities;
    }

    @Override
    public Map<String, String> phrases() {
        return phrases;
    }

    /** For the start-up log line. */
    String summary() {
        return valueSets.size() + " value sets, " + products.size() + " products, " + minimumDoses.size() + " + "
                + bipolarMinimumDoses.size() + " minimum doses";
    }

    private static Map<String, Map<String, Integer>> answerScores(Parameters table, String path) {
        Map<String, Map<String, Integer>> scores = new HashMap<>();
        for (ParametersParameterComponent parameter : table.getParameter()) {
            ParameterParts parts = new ParameterParts(parameter, path);
            Coding answer = parts.coding("code");
            scores.computeIfAbsent(answer.getSystem(), s -> new HashMap<>())
                    .put(answer.getCode(), parts.integer("score"));
        }
        Map<String, Map<String, Integer>> immutable = new HashMap<>();
        scores.forEach((system, codes) -> immutable.put(system, Map.copyOf(codes)));
        return Map.copyOf(immutable);
    }
}
