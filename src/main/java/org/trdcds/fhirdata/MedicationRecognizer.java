package org.trdcds.fhirdata;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;
import org.trdcds.criteria.Code;
import org.trdcds.criteria.Recognition;
import org.trdcds.knowledge.Knowledge;
import org.trdcds.knowledge.NameTable;

/**
 * PROTOCOL-v3 section A: a medication[x] is identified by the first of (1) an RxNorm ingredient code of the
 * knowledge, (2) an RxNorm product code of the product map, (3) a Medication resource (contained, in the request, or
 * fetched by reference) whose code codings go through 1-2, then its ingredient codings, and (4) a name of the
 * knowledge in the medication's text, its codings' displays, the reference's display or the Medication's code.text
 * (never the dosage text). A record identified by name gets the named ingredients' RxNorm codes added to its own.
 */
final class MedicationRecognizer {

    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

    /** The codes, text and recognition of one medication[x]. */
    record Identified(List<Code> codes, String text, Recognition recognition) {
        static final Identified NOTHING = new Identified(List.of(), null, Recognition.NONE);
    }

    private final Knowledge knowledge;
    private final NameTable names;

    /** @param knowledge null: codes only, as recorded (no names, nothing said about how) */
    MedicationRecognizer(Knowledge knowledge) {
        this.knowledge = knowledge;
        this.names = knowledge == null
                ? NameTable.EMPTY
                : knowledge.medicationRecognition().medications();
    }

    /**
     * @param resolved the Medication a reference names, when it could be resolved (null otherwise)
     */
    Identified identify(Type medication, Medication resolved) {
        if (medication instanceof CodeableConcept concept) {
            List<Code> codes = FhirValues.codes(concept);
            Recognition.By by = byCode(codes);
            return by != null
                    ? new Identified(codes, FhirValues.text(concept), recognition(by, null, null))
                    : byName(codes, FhirValues.text(concept), null, texts(concept, null));
        }
        if (!(medication instanceof Reference reference)) {
            return Identified.NOTHING;
        }
        String display = reference.hasDisplay() ? reference.getDisplay() : null;
        if (resolved == null) {
            String unresolved = reference.hasReference() ? reference.getReference() : null;
            return byName(List.of(), display, unresolved, display == null ? List.of() : List.of(display));
        }
        List<Code> codes = new ArrayList<>(FhirValues.codes(resolved.getCode()));
        boolean known = byCode(codes) != null;
        for (var ingredient : resolved.getIngredient()) {
            if (ingredient.getItem() instanceof CodeableConcept item) {
                List<Code> itemCodes = FhirValues.codes(item);
                known |= byCode(itemCodes) != null;
                codes.addAll(itemCodes);
            }
        }
        String text = FhirValues.text(resolved.getCode());
        if (text == null) {
            text = display;
        }
        return known
                ? new Identified(codes, text, recognition(Recognition.By.MEDICATION_RESOURCE, null, null))
                : byName(codes, text, null, texts(resolved.getCode(), display));
    }

    private Recognition recognition(Recognition.By by, String nameText, String unresolved) {
        return knowledge == null ? Recognition.NONE : new Recognition(by, nameText, unresolved);
    }

    /** INGREDIENT_CODE or PRODUCT_CODE for the first RxNorm coding the knowledge knows; null when none. */
    private Recognition.By byCode(List<Code> codes) {
        if (knowledge == null) {
            return null;
        }
        for (Code c : codes) {
            if (!RXNORM.equals(c.system()) || c.code() == null) {
                continue;
            }
            if (knowledge.product(c.code()).isPresent()) {
                return Recognition.By.PRODUCT_CODE;
            }
            if (knowledge.ingredientName(c.code()).isPresent()) {
                return Recognition.By.INGREDIENT_CODE;
            }
        }
        return null;
    }

    /** Step 4 over the texts in order: the first that names something of the knowledge. */
    private Identified byName(List<Code> codes, String text, String unresolved, List<String> texts) {
        for (String candidate : texts) {
            List<NameTable.Match> matches = names.find(candidate);
            if (matches.isEmpty()) {
                continue;
            }
            Set<Code> named = new LinkedHashSet<>();
            for (NameTable.Match m : matches) {
                named.add(new Code(m.name().system(), m.name().code(), m.name().display()));
            }
            List<Code> all = new ArrayList<>(codes);
            all.addAll(named);
            return new Identified(
                    List.copyOf(all),
                    text != null ? text : candidate,
                    new Recognition(Recognition.By.NAME, candidate, unresolved));
        }
        return new Identified(
                codes, text, unresolved == null ? Recognition.NONE : new Recognition(null, null, unresolved));
    }

    /** The concept's text, its codings' displays, then the reference's display. */
    private static List<String> texts(CodeableConcept concept, String referenceDisplay) {
        List<String> texts = new ArrayList<>();
        if (concept != null) {
            if (concept.hasText()) {
                texts.add(concept.getText());
            }
            for (Coding coding : concept.getCoding()) {
                if (coding.hasDisplay()) {
                    texts.add(coding.getDisplay());
                }
            }
        }
        if (referenceDisplay != null) {
            texts.add(referenceDisplay);
        }
        return texts;
    }
}
