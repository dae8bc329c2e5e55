package org.trdcds.knowledge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.PrimitiveType;

/**
 * Reads Parameters-medication-recognition.json (fetch budget, route names) and medication-names.json (ingredient
 * and procedure names), and adds every ingredient the knowledge names elsewhere (value-set displays, product map,
 * dose tables) under its RxNorm name. A display with a digit is a product's, not an ingredient's name: left out.
 */
final class MedicationRecognitionReader {

    static final String PARAMETERS = "medication-recognition";
    static final String NAMES = "medication-names";

    private MedicationRecognitionReader() {}

    /**
     * @param parameters      the parameters file, or null (then the defaults of {@link MedicationRecognition#NONE})
     * @param names           the names table, or null
     * @param ingredientNames RxCUI -> RxNorm name of every ingredient of the knowledge
     * @param productCodes    the product map's codes (their names are not ingredient names)
     */
    static MedicationRecognition read(
            Parameters parameters,
            String parametersPath,
            Parameters names,
            String namesPath,
            Map<String, String> ingredientNames,
            java.util.Set<String> productCodes) {
        MedicationRecognition defaults = MedicationRecognition.NONE;
        Duration budget = defaults.referenceFetchBudget();
        int maxReferences = defaults.maxReferencesPerFetch();
        List<NameTable.Name> intravenous = new ArrayList<>();
        List<NameTable.Name> nasal = new ArrayList<>();
        if (parameters != null) {
            for (ParametersParameterComponent p : parameters.getParameter()) {
                switch (p.getName()) {
                    case "referenceFetchBudgetMs" -> budget = Duration.ofMillis(positive(p, parametersPath));
                    case "maxReferencesPerFetch" -> maxReferences = positive(p, parametersPath);
                    case "route" -> {
                        ParameterParts parts = new ParameterParts(p, parametersPath);
                        String kind = parts.text("kind");
                        List<NameTable.Name> target = switch (kind) {
                            case "intravenous" -> intravenous;
                            case "nasal" -> nasal;
                            default ->
                                throw new KnowledgeLoadException(
                                        parametersPath + ": unknown route kind '" + kind + "' (intravenous or nasal)");
                        };
                        for (String name : texts(p, "name")) {
                            target.add(new NameTable.Name(null, kind, kind, name));
                        }
                    }
                    default ->
                        throw new KnowledgeLoadException(parametersPath + ": unknown parameter '" + p.getName() + "'");
                }
            }
        }
        List<NameTable.Name> medications = new ArrayList<>();
        List<NameTable.Name> procedures = new ArrayList<>();
        if (names != null) {
            for (ParametersParameterComponent p : names.getParameter()) {
                ParameterParts parts = new ParameterParts(p, namesPath);
                Coding code = parts.coding("code");
                String display = code.hasDisplay() ? code.getDisplay() : code.getCode();
                List<NameTable.Name> target = switch (p.getName()) {
                    case "ingredient" -> medications;
                    case "procedure" -> procedures;
                    default ->
                        throw new KnowledgeLoadException(
                                namesPath + ": unknown parameter '" + p.getName() + "' (ingredient or procedure)");
                };
                List<String> all = new ArrayList<>(texts(p, "name"));
                all.addAll(texts(p, "brand"));
                if (all.isEmpty()) {
                    throw new KnowledgeLoadException(namesPath + ": " + display + " has no name");
                }
                for (String name : all) {
                    target.add(new NameTable.Name(code.getSystem(), code.getCode(), display, name));
                }
            }
        }
        ingredientNames.forEach((rxcui, name) -> {
            if (!productCodes.contains(rxcui) && name != null && name.chars().noneMatch(Character::isDigit)) {
                medications.add(new NameTable.Name(ProductMapReader.RXNORM, rxcui, name, name));
            }
        });
        return new MedicationRecognition(
                budget,
                maxReferences,
                new NameTable(medications),
                new NameTable(procedures),
                new NameTable(intravenous),
                new NameTable(nasal));
    }

    private static int positive(ParametersParameterComponent p, String path) {
        if (p.getValue() instanceof org.hl7.fhir.r4.model.IntegerType i && i.getValue() != null && i.getValue() > 0) {
            return i.getValue();
        }
        throw new KnowledgeLoadException(path + ": parameter '" + p.getName() + "' must be a positive valueInteger");
    }

    private static List<String> texts(ParametersParameterComponent p, String part) {
        List<String> texts = new ArrayList<>();
        for (ParametersParameterComponent c : p.getPart()) {
            if (part.equals(c.getName())
                    && c.getValue() instanceof PrimitiveType<?> v
                    && v.hasValue()
                    && !v.getValueAsString().isBlank()) {
                texts.add(v.getValueAsString());
            }
        }
        return texts;
    }
}
