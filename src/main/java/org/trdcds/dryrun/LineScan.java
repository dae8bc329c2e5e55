package org.trdcds.dryrun;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.trdcds.fhirdata.HapiFactExtractor;

/**
 * What the dry run needs of one NDJSON line before any FHIR parsing: its type, id, whose it is (subject or patient)
 * and the codings of its code (or medicationCodeableConcept), read with {@link JsonCursor} (every byte validated,
 * everything else skipped); and which top-level members to copy into the spill ({@code kept}: the members but
 * {@link HapiFactExtractor#UNREAD_ELEMENTS}, or null to copy the line as it is). A line that is not one JSON object,
 * or whose owner cannot be told, has a {@link #problem()}.
 */
record LineScan(
        String resourceType,
        String id,
        String patientId,
        List<Coding> codings,
        boolean medicationReference,
        String problem,
        int[] kept) {

    /** Problems of a line that was read but whose owner cannot be told (a Medication needs none). */
    static final String NO_OWNER = "no subject or patient";

    static final String NOT_A_PATIENT = "subject is not a Patient/id reference";

    private static final List<String> FIELDS = List.of(
            "resourceType", "id", "subject", "patient", "code", "medicationCodeableConcept", "medicationReference");
    private static final byte[][] NAMES = Stream.concat(FIELDS.stream(), HapiFactExtractor.UNREAD_ELEMENTS.stream())
            .map(name -> name.getBytes(StandardCharsets.UTF_8))
            .toArray(byte[][]::new);
    private static final byte[][] REFERENCE = {"reference".getBytes(StandardCharsets.UTF_8)};
    private static final byte[][] CONCEPT = {"coding".getBytes(StandardCharsets.UTF_8)};
    private static final byte[][] CODING = {
        "system".getBytes(StandardCharsets.UTF_8),
        "code".getBytes(StandardCharsets.UTF_8),
        "display".getBytes(StandardCharsets.UTF_8)
    };

    record Coding(String system, String code, String display) {}

    static LineScan of(byte[] bytes, int len) {
        String type = null;
        String id = null;
        String subject = null;
        String patient = null;
        boolean medicationReference = false;
        List<Coding> codings = new ArrayList<>(2);
        int[] members = new int[32];
        int count = 0;
        boolean leftOut = false;
        JsonCursor json = new JsonCursor(bytes, len);
        try {
            if (!json.next('{')) {
                return failed(null, json.valueStarts() ? "not a JSON object" : "not JSON");
            }
            if (!json.next('}')) {
                do {
                    json.peek();
                    int start = json.pos();
                    int field = json.name(NAMES);
                    switch (field) {
                        case 0 -> type = json.stringOrSkip(1);
                        case 1 -> id = json.stringOrSkip(1);
                        case 2 -> subject = reference(json);
                        case 3 -> patient = reference(json);
                        case 4, 5 -> codings(json, codings);
                        case 6 -> {
                            medicationReference = true;
                            json.skipValue(1);
                        }
                        default -> json.skipValue(1);
                    }
                    if (field >= FIELDS.size()) {
                        leftOut = true;
                    } else {
                        if (count + 2 > members.length) {
                            members = Arrays.copyOf(members, members.length * 2);
                        }
                        members[count++] = start;
                        members[count++] = json.pos();
                    }
                } while (json.next(','));
                json.expect('}');
            }
            if (json.peek() != -1) {
                return failed(type, json.valueStarts() ? "not one JSON object per line" : "not JSON");
            }
        } catch (JsonCursor.Malformed e) {
            return failed(type, "not JSON");
        }
        if (type == null || type.isBlank()) {
            return failed(null, "no resourceType");
        }
        int[] kept = leftOut ? Arrays.copyOf(members, count) : null;
        if ("Patient".equals(type)) {
            return fhirId(id)
                    ? new LineScan(type, id, id, codings, false, null, kept)
                    : failed(type, "Patient without a valid id");
        }
        String owner = subject != null ? subject : patient;
        if (owner == null) {
            return new LineScan(type, id, null, codings, medicationReference, NO_OWNER, kept);
        }
        String patientId = patientId(owner);
        if (patientId == null) {
            return new LineScan(type, id, null, codings, medicationReference, NOT_A_PATIENT, kept);
        }
        return new LineScan(type, id, patientId, codings, medicationReference, null, kept);
    }

    /** Whether the line could not be read at all (not JSON, no resourceType, a Patient without id). */
    boolean unreadable() {
        return problem != null && !NO_OWNER.equals(problem) && !NOT_A_PATIENT.equals(problem);
    }

    private static LineScan failed(String type, String problem) {
        return new LineScan(type, null, null, List.of(), false, problem, null);
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
        return fhirId(id) ? id : null;
    }

    /** [A-Za-z0-9\-.]{1,64}: a FHIR id. */
    static boolean fhirId(String id) {
        if (id == null || id.isEmpty() || id.length() > 64) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /** The reference of a Reference (null when the value is not an object or has no string reference). */
    private static String reference(JsonCursor json) throws JsonCursor.Malformed {
        if (json.peek() != '{') {
            json.skipValue(1);
            return null;
        }
        json.expect('{');
        String reference = null;
        if (!json.next('}')) {
            do {
                if (json.name(REFERENCE) == 0) {
                    reference = json.stringOrSkip(2);
                } else {
                    json.skipValue(2);
                }
            } while (json.next(','));
            json.expect('}');
        }
        return reference;
    }

    /** The codings (with a string code) of a CodeableConcept; anything else in it is skipped. */
    private static void codings(JsonCursor json, List<Coding> into) throws JsonCursor.Malformed {
        if (json.peek() != '{') {
            json.skipValue(1);
            return;
        }
        json.expect('{');
        if (json.next('}')) {
            return;
        }
        do {
            if (json.name(CONCEPT) != 0 || json.peek() != '[') {
                json.skipValue(2);
                continue;
            }
            json.expect('[');
            if (json.next(']')) {
                continue;
            }
            do {
                if (json.peek() != '{') {
                    json.skipValue(3);
                    continue;
                }
                json.expect('{');
                String[] values = new String[3];
                if (!json.next('}')) {
                    do {
                        int field = json.name(CODING);
                        if (field >= 0) {
                            values[field] = json.stringOrSkip(4);
                        } else {
                            json.skipValue(4);
                        }
                    } while (json.next(','));
                    json.expect('}');
                }
                if (values[1] != null) {
                    into.add(new Coding(values[0], values[1], values[2]));
                }
            } while (json.next(','));
            json.expect(']');
        } while (json.next(','));
        json.expect('}');
    }
}
