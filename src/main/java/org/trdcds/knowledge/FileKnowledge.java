package org.trdcds.knowledge;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ConceptReferenceComponent;
import org.hl7.fhir.r4.model.ValueSet.ConceptSetComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Knowledge} loaded once from fhir-profiles/: the local ValueSets (expanded against the VSAC copies), the
 * RxNorm product map, the minimum-dose table, the LOINC answer scores and the protocol parameters. Immutable;
 * every lookup is two or three hash lookups and allocates nothing.
 */
public final class FileKnowledge implements Knowledge {

    static final String LOCAL_VALUE_SETS = "https://fhir.trd-cds-hooks.org/ValueSet/";
    static final String PROTOCOL_PARAMETERS = "protocol-parameters";
    static final String MINIMUM_DOSES = "antidepressant-minimum-doses";
    static final String BIPOLAR_MINIMUM_DOSES = "bipolar-minimum-doses";
    static final String ANSWER_SCORES = "loinc-answer-scores";
    static final String PRODUCTS = "rxnorm-products";
    static final String ORDER_PARAMETERS = "orders-v3";

    private static final Logger log = LoggerFactory.getLogger(FileKnowledge.class);

    private final String version;
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

    private FileKnowledge(Loaded loaded) {
        ProtocolParametersReader protocol = new ProtocolParametersReader(
                loaded.parameters(PROTOCOL_PARAMETERS), loaded.pathOf(PROTOCOL_PARAMETERS));
        this.version = protocol.version();
        this.parameters = protocol.protocolParameters();
        this.valueSets = expandLocalValueSets(loaded);
        this.products = Map.copyOf(ProductMapReader.read(loaded.bundle(PRODUCTS), loaded.pathOf(PRODUCTS)));
        this.minimumDoses = MinimumDoseTable.read(loaded.parameters(MINIMUM_DOSES), loaded.pathOf(MINIMUM_DOSES));
        this.bipolarMinimumDoses =
                MinimumDoseTable.read(loaded.parameters(BIPOLAR_MINIMUM_DOSES), loaded.pathOf(BIPOLAR_MINIMUM_DOSES));
        this.answerScores = answerScores(loaded.parameters(ANSWER_SCORES), loaded.pathOf(ANSWER_SCORES));
        this.ingredientNames = ingredientNames(loaded, products, minimumDoses, bipolarMinimumDoses);
        this.coverageRules = CoverageRules.read(
                loaded.byId.get(CoverageRules.ID) instanceof Parameters table ? table : null,
                loaded.pathOf(CoverageRules.ID),
                knownNames(loaded, valueSets, ingredientNames),
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
    }

    /** Parses and indexes the knowledge files; fails fast with the file and element named when one is wrong. */
    public static FileKnowledge load(KnowledgeFiles files, FhirContext fhirContext) {
        if (fhirContext.getVersion().getVersion() != FhirVersionEnum.R4) {
            throw new KnowledgeLoadException("the knowledge files are FHIR R4; got a "
                    + fhirContext.getVersion().getVersion() + " FhirContext");
        }
        long start = System.nanoTime();
        IParser parser = fhirContext.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
        Loaded loaded = new Loaded(files.origin());
        for (String folder : new String[] {"vocabulary/", "knowledge/"}) {
            files.under(folder)
                    .forEach((path, json) -> loaded.add(KnowledgeFiles.ROOT + "/" + path, parse(parser, path, json)));
        }
        FileKnowledge knowledge = new FileKnowledge(loaded);
        log.info(
                "Knowledge {} loaded from {} in {} ms: {} value sets, {} products, {} + {} minimum doses",
                knowledge.version,
                files.origin(),
                (System.nanoTime() - start) / 1_000_000,
                knowledge.valueSets.size(),
                knowledge.products.size(),
                knowledge.minimumDoses.size(),
                knowledge.bipolarMinimumDoses.size());
        return knowledge;
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

    /** The displays of the local value sets and the ingredient names, each -> a value set holding it. */
    private static Map<String, String> knownNames(
            Loaded loaded, Map<String, Map<String, Set<String>>> valueSets, Map<String, String> ingredientNames) {
        Map<String, String> names = new TreeMap<>();
        loaded.valueSetsByUrl.forEach((url, source) -> {
            if (url.startsWith(LOCAL_VALUE_SETS)) {
                for (ConceptSetComponent include :
                        source.valueSet().getCompose().getInclude()) {
                    include.getConcept().stream()
                            .filter(ConceptReferenceComponent::hasDisplay)
                            .forEach(concept -> names.merge(
                                    concept.getDisplay(),
                                    source.valueSet().getIdElement().getIdPart(),
                                    (a, b) -> a.compareTo(b) <= 0 ? a : b));
                }
            }
        });
        new TreeMap<>(ingredientNames)
                .forEach((rxcui, name) -> names.putIfAbsent(
                        name,
                        new TreeSet<>(valueSets.keySet())
                                .stream()
                                        .filter(id -> valueSets
                                                .get(id)
                                                .getOrDefault(ProductMapReader.RXNORM, Set.of())
                                                .contains(rxcui))
                                        .findFirst()
                                        .orElse("")));
        return names;
    }

    @Override
    public SafetyParameters safetyParameters() {
        return safetyParameters;
    }

    @Override
    public MedicationRecognition medicationRecognition() {
        return medicationRecognition;
    }

    private static IBaseResource parse(IParser parser, String path, String json) {
        try {
            return parser.parseResource(json);
        } catch (DataFormatException e) {
            throw new KnowledgeLoadException(
                    KnowledgeFiles.ROOT + "/" + path + " is not a FHIR R4 resource: " + e.getMessage());
        }
    }

    private static Map<String, Map<String, Set<String>>> expandLocalValueSets(Loaded loaded) {
        ValueSetExpander expander = new ValueSetExpander(loaded.valueSetsByUrl);
        Map<String, Map<String, Set<String>>> expanded = new HashMap<>();
        loaded.valueSetsByUrl.forEach((url, source) -> {
            if (!url.startsWith(LOCAL_VALUE_SETS)) {
                return;
            }
            String id = source.valueSet().getIdElement().getIdPart();
            if (!url.equals(LOCAL_VALUE_SETS + id)) {
                throw new KnowledgeLoadException(source.path() + ": url " + url + " does not end with the id " + id);
            }
            Map<String, Set<String>> codes = new HashMap<>();
            expander.expand(source).forEach((system, values) -> {
                if (!values.isEmpty()) {
                    codes.put(system, Set.copyOf(values));
                }
            });
            if (codes.isEmpty()) {
                throw new KnowledgeLoadException(source.path() + ": value set " + id + " expands to no codes");
            }
            expanded.put(id, Map.copyOf(codes));
        });
        return Map.copyOf(expanded);
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

    /** Ingredient names from the RxNorm concepts listed in our value sets, the products and the dose table. */
    private static Map<String, String> ingredientNames(
            Loaded loaded,
            Map<String, Product> products,
            Map<String, MinimumDose> doses,
            Map<String, MinimumDose> bipolarDoses) {
        Map<String, String> names = new HashMap<>();
        loaded.valueSetsByUrl.forEach((url, source) -> {
            if (url.startsWith(LOCAL_VALUE_SETS)) {
                for (ConceptSetComponent include :
                        source.valueSet().getCompose().getInclude()) {
                    if (ProductMapReader.RXNORM.equals(include.getSystem())) {
                        for (ConceptReferenceComponent concept : include.getConcept()) {
                            if (concept.hasDisplay()) {
                                names.put(concept.getCode(), concept.getDisplay());
                            }
                        }
                    }
                }
            }
        });
        products.values().forEach(p -> names.putIfAbsent(p.ingredient(), p.ingredientName()));
        doses.values().forEach(d -> names.putIfAbsent(d.ingredient(), d.name()));
        bipolarDoses.values().forEach(d -> names.putIfAbsent(d.ingredient(), d.name()));
        return Map.copyOf(names);
    }

    /** The parsed files: value sets by canonical URL, other resources by id, each with its path. */
    private static final class Loaded {
        private final String origin;
        private final Map<String, ValueSetExpander.Source> valueSetsByUrl = new HashMap<>();
        private final Map<String, IBaseResource> byId = new HashMap<>();
        private final Map<String, String> paths = new HashMap<>();

        Loaded(String origin) {
            this.origin = origin;
        }

        void add(String path, IBaseResource resource) {
            if (resource instanceof ValueSet valueSet) {
                if (!valueSet.hasUrl()) {
                    throw new KnowledgeLoadException(path + ": ValueSet without url");
                }
                ExpansionCompleteness.check(valueSet, path);
                ValueSetExpander.Source previous =
                        valueSetsByUrl.put(valueSet.getUrl(), new ValueSetExpander.Source(valueSet, path));
                if (previous != null) {
                    throw new KnowledgeLoadException(
                            path + " and " + previous.path() + " have the same url " + valueSet.getUrl());
                }
            } else if (resource instanceof Parameters || resource instanceof Bundle) {
                String id = resource.getIdElement().getIdPart();
                if (paths.put(id, path) != null) {
                    throw new KnowledgeLoadException(path + ": a second resource with id " + id);
                }
                byId.put(id, resource);
            }
        }

        Parameters parameters(String id) {
            return resource(id, Parameters.class);
        }

        /** A Parameters file that may be absent (an edited knowledge copy of an older release): null then. */
        Parameters optionalParameters(String id) {
            return byId.containsKey(id) ? parameters(id) : null;
        }

        Bundle bundle(String id) {
            return resource(id, Bundle.class);
        }

        String pathOf(String id) {
            return paths.get(id);
        }

        private <T extends IBaseResource> T resource(String id, Class<T> type) {
            IBaseResource resource = byId.get(id);
            if (!type.isInstance(resource)) {
                throw new KnowledgeLoadException(
                        "no " + type.getSimpleName() + " with id '" + id + "' in " + origin + "/knowledge/");
            }
            return type.cast(resource);
        }
    }
}
