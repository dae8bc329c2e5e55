package org.trdcds.knowledge;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Medication.MedicationIngredientComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Ratio;
import org.trdcds.knowledge.Knowledge.Product;

/**
 * Reads the RxNorm product map (a Bundle of Medication): product code -> the first ingredient that carries an
 * RxNorm coding, with its strength in mg per tablet, capsule or mL, or per patch for strengths given per hours
 * (mg per 24 h). Packs and strengths not in mg have no strength (the dose is then unknown unless given in mg).
 */
final class ProductMapReader {

    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    private static final double HOURS_PER_PATCH = 24;

    private ProductMapReader() {}

    static Map<String, Product> read(Bundle bundle, String path) {
        Map<String, Product> products = new HashMap<>();
        for (BundleEntryComponent entry : bundle.getEntry()) {
            if (!(entry.getResource() instanceof Medication medication)) {
                throw new KnowledgeLoadException(path + ": every entry must be a Medication");
            }
            String where = path + " Medication/" + medication.getIdElement().getIdPart();
            String code = rxnorm(medication.getCode())
                    .orElseThrow(() -> new KnowledgeLoadException(where + ": code has no RxNorm coding"))
                    .getCode();
            Product product = medication.getIngredient().stream()
                    .filter(i -> i.hasItemCodeableConcept()
                            && rxnorm(i.getItemCodeableConcept()).isPresent())
                    .findFirst()
                    .map(i -> product(code, i))
                    .orElseThrow(() -> new KnowledgeLoadException(where + ": no ingredient with an RxNorm coding"));
            if (products.put(code, product) != null) {
                throw new KnowledgeLoadException(where + ": product " + code + " appears more than once");
            }
        }
        return products;
    }

    private static Product product(String code, MedicationIngredientComponent ingredient) {
        Coding coding = rxnorm(ingredient.getItemCodeableConcept()).orElseThrow();
        String name = coding.hasDisplay()
                ? coding.getDisplay()
                : ingredient.getItemCodeableConcept().getText();
        Ratio strength = ingredient.getStrength();
        Quantity numerator = strength.getNumerator();
        Quantity denominator = strength.getDenominator();
        if (!numerator.hasValue()
                || !"mg".equals(numerator.getCode())
                || !denominator.hasValue()
                || denominator.getValue().signum() == 0) {
            return new Product(code, coding.getCode(), name, null, null);
        }
        double mg = numerator.getValue().doubleValue() / denominator.getValue().doubleValue();
        if ("h".equals(denominator.getCode())) {
            return new Product(code, coding.getCode(), name, mg * HOURS_PER_PATCH, "patch");
        }
        return new Product(code, coding.getCode(), name, mg, denominator.getUnit());
    }

    private static Optional<Coding> rxnorm(CodeableConcept concept) {
        return concept.getCoding().stream()
                .filter(c -> RXNORM.equals(c.getSystem()) && c.hasCode())
                .findFirst();
    }
}
