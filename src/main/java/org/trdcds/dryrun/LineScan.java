package org.trdcds.dryrun;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the dry run needs of one NDJSON line before any FHIR parsing: its type, id, whose it is (subject or patient)
 * and the codings of its code (or medicationCodeableConcept), read with Jackson's streaming parser, everything else
 * skipped. A line that is not one JSON object, or whose owner cannot be told, has a {@link #problem()}.
 */
record LineScan(
        String resourceType,
        String id,
        String patientId,
        List<Coding> codings,
        boolean medicationReference,
        String problem) {

    /** Problems of a line that was read but whose owner cannot be told (a Medication needs none). */
    static final String NO_OWNER = "no subject or patient";

    static final String NOT_A_PATIENT = "subject is not a Patient/id reference";
    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    record Coding(String system, String code, String display) {}

    static LineScan of(byte[] bytes, int len) {
        String type = null;
        String id = null;
        String subject = null;
        String patient = null;
        boolean medicationReference = false;
        List<Coding> codings = new ArrayList<>(2);
        try (JsonParser p = JSON.createParser(bytes, 0, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return failed(null, "not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "resourceType" -> type = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "id" -> id = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "subject" -> subject = reference(p, value);
                    case "patient" -> patient = reference(p, value);
                    case "code", "medicationCodeableConcept" -> codings(p, value, codings);
                    case "medicationReference" -> {
                        medicationReference = true;
                        p.skipChildren();
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                return failed(type, "not one JSON object per line");
            }
        } catch (IOException | RuntimeException e) {
            return failed(type, "not JSON");
        }
        if (type == null || type.isBlank()) {
            return failed(null, "no resourceType");
        }
        if ("Patient".equals(type)) {
            return id != null && FHIR_ID.matcher(id).matches()
                    ? new LineScan(type, id, id, codings, false, null)
                    : failed(type, "Patient without a valid id");
        }
        String owner = subject != null ? subject : patient;
        if (owner == null) {
            return new LineScan(type, id, null, codings, medicationReference, NO_OWNER);
        }
        String patientId = patientId(owner);
        if (patientId == null) {
            return new LineScan(type, id, null, codings, medicationReference, NOT_A_PATIENT);
        }
        return new LineScan(type, id, patientId, codings, medicationReference, null);
    }

    /** Whether the line could not be read at all (not JSON, no resourceType, a Patient without id). */
    boolean unreadable() {
        return problem != null && !NO_OWNER.equals(problem) && !NOT_A_PATIENT.equals(problem);
    }

    private static LineScan failed(String type, String problem) {
        return new LineScan(type, null, null, List.of(), false, problem);
    }

    /** The id of "Patient/x", ".../Patient/x" or ".../Patient/x/_history/n", else null. */
    static String patientId(String reference) {
        int at = reference.lastIndexOf("Patient/");
        if (at < 0 || (at > 0 && reference.charAt(at - 1) != '/')) {
            return null;
        }
        String rest = reference.substring(at + "Patient/".length());
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        return FHIR_ID.matcher(id).matches() ? id : null;
    }

    private static String reference(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        String reference = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken token = p.nextToken();
            if ("reference".equals(field) && token == JsonToken.VALUE_STRING) {
                reference = p.getText();
            } else {
                p.skipChildren();
            }
        }
        return reference;
    }

    private static void codings(JsonParser p, JsonToken value, List<Coding> into) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken token = p.nextToken();
            if (!"coding".equals(field) || token != JsonToken.START_ARRAY) {
                p.skipChildren();
                continue;
            }
            for (JsonToken element = p.nextToken();
                    element != null && element != JsonToken.END_ARRAY;
                    element = p.nextToken()) {
                if (element != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                String system = null;
                String code = null;
                String display = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    String text = t == JsonToken.VALUE_STRING ? p.getText() : null;
                    switch (name) {
                        case "system" -> system = text;
                        case "code" -> code = text;
                        case "display" -> display = text;
                        default -> p.skipChildren();
                    }
                }
                if (code != null) {
                    into.add(new Coding(system, code, display));
                }
            }
        }
    }
}
