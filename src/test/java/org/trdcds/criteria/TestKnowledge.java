package org.trdcds.criteria;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.trdcds.knowledge.CoverageRules;
import org.trdcds.knowledge.Knowledge;
import org.trdcds.knowledge.MedicationRecognition;
import org.trdcds.knowledge.OrderParameters;
import org.trdcds.knowledge.ProjectKnowledge;
import org.trdcds.knowledge.ProtocolParameters;
import org.trdcds.knowledge.SafetyParameters;
import org.trdcds.knowledge.SafetyRuleEntry;
import org.trdcds.knowledge.TopicModalities;

/**
 * The real knowledge of fhir-profiles/ and cds-cards/ (loaded by the service's loader, {@link ProjectKnowledge}) for
 * the unit tests of the decision, with at most a variant a test states: other protocol parameters ({@link #with}) or
 * one extra product ({@link #withProduct}), a missing dose row ({@link #withoutMinimumDose}), a fixed version
 * ({@link #withVersion}), other rows of the safety rules file ({@link #withSafetyRules}). Nothing here copies a code
 * of the knowledge files.
 */
public final class TestKnowledge implements Knowledge {

    public static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String LOINC = "http://loinc.org";
    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public static final String CPT = "http://www.ama-assn.org/go/cpt";
    public static final String SCALES = "https://fhir.trd-cds-hooks.org/CodeSystem/assessment-scales";

    /** The protocol parameters of Parameters-protocol-parameters.json. */
    public static final ProtocolParameters DEFAULTS = ProjectKnowledge.get().parameters();

    /** The parameters of Parameters-safety-v3.json. */
    public static final SafetyParameters SAFETY = ProjectKnowledge.get().safetyParameters();

    /** The order parameters of Parameters-orders-v3.json. */
    public static final OrderParameters ORDER_DEFAULTS = ProjectKnowledge.get().orderParameters();

    /** The real knowledge's decision factory, for tests that decide with the real knowledge unchanged. */
    public static DecisionFactory decisions() {
        return ProjectKnowledge.decisions();
    }

    /** The real parameters with one changed (by record component name). */
    public static ProtocolParameters with(String name, Object value) {
        try {
            var components = ProtocolParameters.class.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            boolean found = false;
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                found |= components[i].getName().equals(name);
                values[i] = components[i].getName().equals(name)
                        ? value
                        : components[i].getAccessor().invoke(DEFAULTS);
            }
            if (!found) {
                throw new IllegalArgumentException("no protocol parameter " + name);
            }
            return ProtocolParameters.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    private final Knowledge real = ProjectKnowledge.get();
    private final String version;
    private final ProtocolParameters parameters;
    private final Map<String, Product> extraProducts;
    private final Map<String, Map<String, Set<String>>> extraCodes;
    private final Set<String> withoutMinimumDose;
    private final List<SafetyRuleEntry> safetyRules;
    private final Set<String> retired;

    /** The real knowledge. */
    public TestKnowledge() {
        this(DEFAULTS);
    }

    /** The real knowledge with these protocol parameters. */
    public TestKnowledge(ProtocolParameters parameters) {
        this(null, parameters, Map.of(), Map.of(), Set.of(), null, Set.of());
    }

    private TestKnowledge(
            String version,
            ProtocolParameters parameters,
            Map<String, Product> extraProducts,
            Map<String, Map<String, Set<String>>> extraCodes,
            Set<String> withoutMinimumDose,
            List<SafetyRuleEntry> safetyRules,
            Set<String> retired) {
        this.version = version;
        this.retired = retired;
        this.safetyRules = safetyRules;
        this.withoutMinimumDose = withoutMinimumDose;
        this.parameters = parameters;
        this.extraProducts = extraProducts;
        this.extraCodes = extraCodes;
    }

    /**
     * This knowledge with one more RxNorm product in a value set: for a test of a product form the product map does
     * not hold (its code should say it is a test code, e.g. "test-ketamine-50-mg-ml").
     */
    public TestKnowledge withProduct(String valueSetId, Product product) {
        Map<String, Product> products = new HashMap<>(extraProducts);
        products.put(product.rxnormCode(), product);
        Map<String, Map<String, Set<String>>> codes = new HashMap<>(extraCodes);
        codes.put(valueSetId, Map.of(RXNORM, Set.of(product.rxnormCode())));
        return new TestKnowledge(
                version, parameters, Map.copyOf(products), Map.copyOf(codes), withoutMinimumDose, safetyRules, retired);
    }

    /** This knowledge without the minimum-dose row of an ingredient (every antidepressant listed has one). */
    public TestKnowledge withoutMinimumDose(String ingredientRxcui) {
        Set<String> without = new java.util.HashSet<>(withoutMinimumDose);
        without.add(ingredientRxcui);
        return new TestKnowledge(
                version, parameters, extraProducts, extraCodes, Set.copyOf(without), safetyRules, retired);
    }

    /** This knowledge under another version (golden cards state a fixed one, not each release's). */
    public TestKnowledge withVersion(String version) {
        return new TestKnowledge(
                version, parameters, extraProducts, extraCodes, withoutMinimumDose, safetyRules, retired);
    }

    /** This knowledge with other rows for the safety rules file (a reordered or broken list, as governance might). */
    public TestKnowledge withSafetyRules(List<SafetyRuleEntry> rules) {
        return new TestKnowledge(
                version, parameters, extraProducts, extraCodes, withoutMinimumDose, List.copyOf(rules), retired);
    }

    /** This knowledge with a contraindication or caution retired as governance would: its row and its template gone. */
    public TestKnowledge retiring(String topic) {
        List<SafetyRuleEntry> rows =
                safetyRules().stream().filter(row -> !row.topic().equals(topic)).toList();
        Set<String> gone = new java.util.HashSet<>(retired);
        gone.add(topic);
        return new TestKnowledge(
                version, parameters, extraProducts, extraCodes, withoutMinimumDose, rows, Set.copyOf(gone));
    }

    /** The decision factory of this knowledge. */
    public DecisionFactory factory() {
        return new DecisionFactory(this);
    }

    @Override
    public String version() {
        return version == null ? real.version() : version;
    }

    @Override
    public ProtocolParameters parameters() {
        return parameters;
    }

    @Override
    public boolean inValueSet(String valueSetId, String system, String code) {
        Set<String> extra = extraCodes.getOrDefault(valueSetId, Map.of()).get(system);
        return (extra != null && extra.contains(code)) || real.inValueSet(valueSetId, system, code);
    }

    @Override
    public Set<String> valueSetIds() {
        return real.valueSetIds();
    }

    @Override
    public SortedMap<String, SortedSet<String>> expansion(String valueSetId) {
        SortedMap<String, SortedSet<String>> expansion = new TreeMap<>(real.expansion(valueSetId));
        extraCodes
                .getOrDefault(valueSetId, Map.of())
                .forEach((system, codes) ->
                        expansion.computeIfAbsent(system, s -> new TreeSet<>()).addAll(codes));
        return expansion;
    }

    @Override
    public Optional<Product> product(String rxnormCode) {
        Product extra = rxnormCode == null ? null : extraProducts.get(rxnormCode);
        return extra != null ? Optional.of(extra) : real.product(rxnormCode);
    }

    @Override
    public Optional<String> ingredientName(String ingredientRxcui) {
        return real.ingredientName(ingredientRxcui);
    }

    @Override
    public Optional<MinimumDose> minimumDailyDose(String ingredientRxcui) {
        return withoutMinimumDose.contains(ingredientRxcui) ? Optional.empty() : real.minimumDailyDose(ingredientRxcui);
    }

    @Override
    public Optional<MinimumDose> bipolarMinimumDailyDose(String ingredientRxcui) {
        return real.bipolarMinimumDailyDose(ingredientRxcui);
    }

    @Override
    public OrderParameters orderParameters() {
        return real.orderParameters();
    }

    @Override
    public Optional<Integer> answerScore(String system, String code) {
        return real.answerScore(system, code);
    }

    @Override
    public SafetyParameters safetyParameters() {
        return real.safetyParameters();
    }

    @Override
    public List<SafetyRuleEntry> safetyRules() {
        return safetyRules == null ? real.safetyRules() : safetyRules;
    }

    @Override
    public CoverageRules coverageRules() {
        return real.coverageRules();
    }

    @Override
    public MedicationRecognition medicationRecognition() {
        return real.medicationRecognition();
    }

    @Override
    public TopicModalities topicModalities() {
        TopicModalities all = real.topicModalities();
        if (retired.isEmpty()) {
            return all;
        }
        Map<String, Set<String>> blocks = new HashMap<>(all.blocksByTopic());
        Map<String, String> concerns = new HashMap<>(all.concernsByTopic());
        Set<String> topics = new java.util.HashSet<>(all.topics());
        retired.forEach(topic -> {
            topics.remove(topic);
            blocks.remove(topic);
            concerns.remove(topic);
        });
        return new TopicModalities(topics, blocks, concerns);
    }

    @Override
    public Map<String, String> phrases() {
        return real.phrases();
    }
}
