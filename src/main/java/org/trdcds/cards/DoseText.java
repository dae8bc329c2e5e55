package org.trdcds.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The free texts of a draft MedicationRequest that state its dose (medicationCodeableConcept.text,
 * medicationReference.display, every dosageInstruction's text and patientInstruction, note texts): a dose update
 * suggestion rewrites the ordered "N mg" there to the suggested dose, so the order never says "100 mg" beside a 36 mg
 * doseQuantity (PROTOCOL-v3 section F).
 */
final class DoseText {

    private DoseText() {}

    /** Rewrites "FROM mg" (also "FROM.0mg") to "TO mg" in the order's free texts; nothing when either is unknown. */
    static void rewrite(ObjectNode order, Object from, Object to) {
        String fromText = number(from);
        String toText = number(to);
        if (fromText == null || toText == null || fromText.equals(toText)) {
            return;
        }
        Pattern dose = Pattern.compile(
                "(?<![\\d.])" + Pattern.quote(fromText) + "(?:\\.0+)?\\s*mg\\b(?!\\s*/)", Pattern.CASE_INSENSITIVE);
        String replacement = Matcher.quoteReplacement(toText + " mg");
        replace(order.path("medicationCodeableConcept"), "text", dose, replacement);
        replace(order.path("medicationReference"), "display", dose, replacement);
        for (JsonNode dosage : order.path("dosageInstruction")) {
            replace(dosage, "text", dose, replacement);
            replace(dosage, "patientInstruction", dose, replacement);
        }
        for (JsonNode note : order.path("note")) {
            replace(note, "text", dose, replacement);
        }
    }

    private static void replace(JsonNode node, String field, Pattern dose, String replacement) {
        if (node instanceof ObjectNode object && object.path(field).isTextual()) {
            object.put(field, dose.matcher(object.path(field).asText()).replaceAll(replacement));
        }
    }

    /** A whole number without ".0", else one decimal; null when not a number. */
    private static String number(Object value) {
        if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            if (value instanceof String text && text.matches("\\d+(\\.\\d+)?")) {
                return number(Double.valueOf(text));
            }
            return null;
        }
        double d = n.doubleValue();
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }
}
