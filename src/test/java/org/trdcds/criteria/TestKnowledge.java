package org.trdcds.criteria;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.trdcds.knowledge.Knowledge;
import org.trdcds.knowledge.ProtocolParameters;

/**
 * In-memory {@link Knowledge} for unit tests: codes from docs/clinical-reference.md, parameters = docs/protocol.md
 * defaults. (The real knowledge is loaded from fhir-profiles/ by the terminology layer.)
 */
public final class TestKnowledge implements Knowledge {

    public static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String LOINC = "http://loinc.org";
    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public static final String CPT = "http://www.ama-assn.org/go/cpt";
    public static final String SCALES = "https://fhir.trd-cds-hooks.org/CodeSystem/assessment-scales";
    /** A test-only RxNorm-like product code standing for a ketamine 50 mg/mL injection (maps to ingredient 6130). */
    public static final String KETAMINE_PRODUCT = "test-ketamine-50-mg-ml";

    public static final ProtocolParameters DEFAULTS = new ProtocolParameters(
            14,
            42,
            0.50,
            "< 50% reduction from the pre-trial score (non-response)",
            14,
            2,
            30,
            30,
            140,
            90,
            30,
            1,
            90,
            0.5,
            0.10,
            40,
            60,
            0.50,
            5,
            10,
            730,
            28,
            30,
            90,
            4,
            14,
            28,
            20,
            28,
            14,
            10,
            20,
            160,
            100,
            180,
            110,
            3,
            4,
            1.0,
            30,
            300,
            18,
            365,
            2,
            280,
            30,
            42,
            3,
            20,
            120,
            365,
            0.6,
            "42347",
            450,
            "6448");

    /** The defaults with one parameter changed (by record component name). */
    public static ProtocolParameters with(String name, Object value) {
        try {
            var components = ProtocolParameters.class.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getName().equals(name)
                        ? value
                        : components[i].getAccessor().invoke(DEFAULTS);
            }
            return ProtocolParameters.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    private final ProtocolParameters parameters;
    private final Map<String, Map<String, Set<String>>> valueSets = new HashMap<>();
    private final Map<String, Product> products = new HashMap<>();
    private final Map<String, MinimumDose> minimumDoses = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, MinimumDose> bipolarDoses = new HashMap<>();

    public TestKnowledge() {
        this(DEFAULTS);
    }

    public TestKnowledge(ProtocolParameters parameters) {
        this.parameters = parameters;
        add(
                "depressive-disorders",
                ICD10CM,
                "F32.0",
                "F32.1",
                "F32.2",
                "F32.3",
                "F32.4",
                "F32.5",
                "F32.9",
                "F33.0",
                "F33.1",
                "F33.2",
                "F33.3",
                "F33.40",
                "F33.41",
                "F33.42",
                "F33.8",
                "F33.9");
        add(
                "depressive-spectrum",
                ICD10CM,
                "F32.0",
                "F32.1",
                "F32.2",
                "F32.3",
                "F32.4",
                "F32.5",
                "F32.9",
                "F33.0",
                "F33.1",
                "F33.2",
                "F33.3",
                "F33.41",
                "F33.8",
                "F33.9",
                "F32.A",
                "F32.89",
                "F34.1",
                "F31.30",
                "F31.4",
                "F31.5",
                "F53.0",
                "R45.851",
                "T14.91XA");
        add("depressive-spectrum", SNOMED, "36923009", "370143000", "66344007", "1153570009");
        add("full-remission", ICD10CM, "F32.5", "F33.40", "F33.42", "F31.70", "F31.72", "F10.11", "F10.21");
        add("suicide-attempt", ICD10CM, "T14.91XA", "T43.222A", "T39.1X2A");
        add("suicide-attempt", SNOMED, "82313006");
        add("suicidal-behaviour-history", ICD10CM, "Z91.51");
        add("suicide-risk-assessment", SNOMED, "225337009");
        add("pregnancy", ICD10CM, "Z33.1", "Z34.90", "Z3A.20");
        add("pregnancy-status", LOINC, "82810-3");
        add("pregnant-answer", SNOMED, "77386006");
        add("vascular-aneurysm-avm", ICD10CM, "I67.1", "I72.0", "Q28.2");
        add("intracranial-hemorrhage", ICD10CM, "I60.9", "I61.9", "I69.10");
        add("myocardial-infarction", ICD10CM, "I21.9", "I22.9");
        add("cerebral-edema", ICD10CM, "G93.6");
        add("tms-implants", ICD10CM, "Z96.21", "Z96.82", "Z98.2");
        add("tms-implant-procedures", SNOMED, "230898002", "230916003");
        add("cardiac-devices", ICD10CM, "Z95.0");
        add("opioid-maintenance", "http://hl7.org/fhir/sid/icd-10", "F11.22");
        add("benzodiazepines", RXNORM, "6470", "2598");
        add("opioids", RXNORM, "7804");
        add("mao-inhibitors", RXNORM, "8123");
        add("stimulants", RXNORM, "6901");
        add("clozapine", RXNORM, "2626");
        add("bipolar-depression-treatments", RXNORM, "51272", "28439", "6448");
        names.put("51272", "quetiapine");
        names.put("6448", "lithium");
        add("lithium-level", LOINC, "14334-7");
        names.put("28439", "lamotrigine");
        bipolarDoses.put("51272", new MinimumDose("51272", "quetiapine", 300, "placeholder", "test", null));
        bipolarDoses.put("28439", new MinimumDose("28439", "lamotrigine", 200, "placeholder", "test", null));
        add("depressive-disorders", SNOMED, "36923009", "370143000", "66344007", "1153570009");
        add(
                "bipolar-disorders",
                ICD10CM,
                "F31.0",
                "F31.2",
                "F31.30",
                "F31.31",
                "F31.32",
                "F31.4",
                "F31.5",
                "F31.81",
                "F31.9");
        add("bipolar-disorders", SNOMED, "13746004", "371596008", "49468007");
        add("bipolar-depressed-episode", ICD10CM, "F31.30", "F31.31", "F31.32", "F31.4", "F31.5");
        add("bipolar-depressed-episode", SNOMED, "49468007");
        add(
                "psychotic-disorders",
                ICD10CM,
                "F20.0",
                "F20.9",
                "F22",
                "F25.0",
                "F29",
                "F32.3",
                "F33.3",
                "F31.5",
                "F31.2");
        add("psychotic-disorders", SNOMED, "58214004", "68890003");
        add("epilepsy", ICD10CM, "G40.909", "G40.919", "G40.803", "G40.801");
        add("epilepsy", SNOMED, "84757009", "314828009");
        add(
                "epilepsy-intractable",
                ICD10CM,
                "G40.919",
                "G40.019",
                "G40.311",
                "G40.803",
                "G40.804",
                "G40.813",
                "G40.814",
                "G40.823",
                "G40.824",
                "G40.833",
                "G40.834");
        add("epilepsy-intractable", SNOMED, "314828009");
        add("hypertension", ICD10CM, "I10", "I16.0", "I16.1", "I16.9");
        add("hypertensive-crisis", ICD10CM, "I16.0", "I16.1", "I16.9");
        add("hypertensive-crisis", SNOMED, "443482000");
        add(
                "substance-use-disorders-active",
                ICD10CM,
                "F10.10",
                "F10.20",
                "F11.20",
                "F12.20",
                "F14.20",
                "F16.20",
                "F19.20");
        add("substance-use-disorders-active", SNOMED, "66214007", "724713006", "724715004");
        add("suicidal-ideation", ICD10CM, "R45.851");
        add("suicidal-ideation", SNOMED, "6471006");
        ingredient("4493", "fluoxetine", 20);
        ingredient("36437", "sertraline", 50);
        ingredient("2556", "citalopram", 20);
        ingredient("321988", "escitalopram", 10);
        ingredient("39786", "venlafaxine", 75);
        ingredient("72625", "duloxetine", 60);
        ingredient("42347", "bupropion", 300);
        ingredient("15996", "mirtazapine", 15);
        ingredient("704", "amitriptyline", 150);
        add("antidepressants", RXNORM, "10737");
        names.put("10737", "trazodone");
        product("2611260", "42347", "bupropion", 105.0, "tablet");
        minimumDoses.put(
                "2611260",
                new MinimumDose(
                        "2611260",
                        "dextromethorphan-bupropion",
                        210,
                        "placeholder-pending-clinical-review",
                        "test",
                        null));
        ingredient("9639", "selegiline", 6);
        minimumDoses.put(
                "9639",
                new MinimumDose("9639", "selegiline", 6, "placeholder-pending-clinical-review", "test", "transdermal"));
        product("test-selegiline-patch", "9639", "selegiline", 6.0, "patch");
        add("antidepressants", RXNORM, "test-selegiline-patch");
        product("312941", "36437", "sertraline", 50.0, "tablet");
        product("312938", "36437", "sertraline", 100.0, "tablet");
        add("antidepressants", RXNORM, "312941", "312938");
        add("ketamine", RXNORM, "6130", KETAMINE_PRODUCT);
        product(KETAMINE_PRODUCT, "6130", "ketamine", 50.0, "mL");
        names.put("6130", "ketamine");
        add("esketamine", RXNORM, "2119365");
        names.put("2119365", "esketamine");
        add("tms-procedures", CPT, "90867", "90868", "90869");
        add("phq9-total", LOINC, "44261-6");
        add("madrs-total", SCALES, "madrs-total");
        add("phq9-item9", LOINC, "44260-8");
        add("bp-panel", LOINC, "85354-9");
        add("systolic-bp", LOINC, "8480-6");
        add("diastolic-bp", LOINC, "8462-4");
        add("body-weight", LOINC, "29463-7", "3141-9");
        v3Safety();
    }

    /** PROTOCOL-v3 sections C and D (v3safety): the defaults of Parameters-safety-v3.json. */
    public static final org.trdcds.knowledge.SafetyParameters SAFETY = new org.trdcds.knowledge.SafetyParameters(
            300,
            30,
            25,
            5,
            Map.of("[IU]/L", 1.0, "m[IU]/mL", 1.0, "mIU/mL", 1.0, "IU/L", 1.0, "[IU]/mL", 1000.0),
            365,
            65,
            14,
            List.of("high", "imminent"),
            List.of("low", "moderate", "minimal", "none"));

    private void v3Safety() {
        add("pregnancy", ICD10CM, "O99.342");
        add("pregnancy", SNOMED, "77386006");
        add("pregnancy-end", ICD10CM, "O80", "O82", "O03.9", "Z39.2", "Z37.0");
        add("pregnancy-end-procedures", CPT, "59400", "59510");
        add("pregnancy-test", LOINC, "2106-3", "2118-8", "19080-1", "21198-7", "55870-0");
        add("pregnancy-test-positive", SNOMED, "10828004", "260373001");
        add("pregnancy-test-negative", SNOMED, "260385009", "260415000");
        add("hcg-excluded-tests", LOINC, "55870-0");
        add("hcg-tumours", ICD10CM, "C58", "C62.90", "D39.2", "O01.9");
        add("breastfeeding", ICD10CM, "O91.03", "Z39.1");
        add("breastfeeding", SNOMED, "169741004");
        add("moud", RXNORM, "1819", "6813", "7243");
        names.put("1819", "buprenorphine");
        names.put("6813", "methadone");
        add("opioid-use-disorder", ICD10CM, "F11.20", "F11.23", "F11.24");
        add("substance-use-disorders-active", ICD10CM, "F11.23", "F11.24");
        add("neurostimulator-below-neck", SNOMED, "122496007", "69695003");
        add("dementia", ICD10CM, "F03.90", "G30.9", "G31.84");
        add("suicide-risk-instruments", LOINC, "93374-7");
        add("suicide-risk-result-high", SNOMED, "test-high-risk");
        add("pregnancy-test", LOINC, "2106-3", "2118-8", "19080-1"); // v3orders
        add("ect-procedures", CPT, "90870"); // v3orders
        add("augmentation-agents", RXNORM, "6448", "89013"); // v3orders: lithium, aripiprazole
        names.put("89013", "aripiprazole");
        add("broad-depression-only", ICD10CM, "F32.A"); // v3orders
    }

    private void add(String valueSet, String system, String... codes) {
        Set<String> set =
                valueSets.computeIfAbsent(valueSet, k -> new HashMap<>()).computeIfAbsent(system, k -> new HashSet<>());
        set.addAll(List.of(codes));
    }

    private void ingredient(String rxcui, String name, double mgPerDay) {
        add("antidepressants", RXNORM, rxcui);
        names.put(rxcui, name);
        minimumDoses.put(
                rxcui,
                new MinimumDose(
                        rxcui,
                        name,
                        mgPerDay,
                        "placeholder-pending-clinical-review",
                        "CLINICAL-REFERENCE.md section 4 (UNVERIFIED placeholder)",
                        null));
    }

    private void product(String code, String ingredient, String name, Double strengthMg, String unit) {
        products.put(code, new Product(code, ingredient, name, strengthMg, unit));
    }

    @Override
    public String version() {
        return "test-1";
    }

    @Override
    public ProtocolParameters parameters() {
        return parameters;
    }

    @Override
    public boolean inValueSet(String valueSetId, String system, String code) {
        Map<String, Set<String>> bySystem = valueSets.get(valueSetId);
        Set<String> set = bySystem == null ? null : bySystem.get(system);
        return set != null && set.contains(code);
    }

    @Override
    public java.util.SortedMap<String, java.util.SortedSet<String>> expansion(String valueSetId) {
        java.util.SortedMap<String, java.util.SortedSet<String>> expansion = new java.util.TreeMap<>();
        valueSets
                .getOrDefault(valueSetId, Map.of())
                .forEach((system, codes) -> expansion.put(system, new java.util.TreeSet<>(codes)));
        return expansion;
    }

    @Override
    public Set<String> valueSetIds() {
        return valueSets.keySet();
    }

    @Override
    public Optional<Product> product(String rxnormCode) {
        return Optional.ofNullable(products.get(rxnormCode));
    }

    @Override
    public Optional<String> ingredientName(String ingredientRxcui) {
        return Optional.ofNullable(names.get(ingredientRxcui));
    }

    @Override
    public Optional<MinimumDose> minimumDailyDose(String ingredientRxcui) {
        return Optional.ofNullable(minimumDoses.get(ingredientRxcui));
    }

    @Override
    public Optional<MinimumDose> bipolarMinimumDailyDose(String ingredientRxcui) {
        return Optional.ofNullable(bipolarDoses.get(ingredientRxcui));
    }

    @Override
    public Optional<Integer> answerScore(String system, String code) {
        if (!LOINC.equals(system)) {
            return Optional.empty();
        }
        int index = List.of("LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9").indexOf(code);
        return index < 0 ? Optional.empty() : Optional.of(index);
    }

    @Override
    public org.trdcds.knowledge.SafetyParameters safetyParameters() {
        return SAFETY;
    }

    /** The order parameters of Parameters-orders-v3.json (v3orders). */
    public static final org.trdcds.knowledge.OrderParameters ORDER_DEFAULTS =
            new org.trdcds.knowledge.OrderParameters(
                    20,
                    120,
                    1.0,
                    365,
                    "intravenous, intravenous route, iv, 47625008",
                    "nasal, nasal route, intranasal, 46713006",
                    "56, 84",
                    "28",
                    65,
                    84,
                    56,
                    28,
                    28,
                    28,
                    14,
                    "{device}, device, devices",
                    "{spray}, spray, sprays",
                    4,
                    2,
                    1,
                    "56, 84",
                    12,
                    55,
                    30);

    @Override
    public org.trdcds.knowledge.OrderParameters orderParameters() {
        return ORDER_DEFAULTS;
    }
}
