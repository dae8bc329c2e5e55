package org.trdcds.e2e;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Search semantics over a record, shared by the v3 runner's FHIR server and its prefetch filler, so that the prefetch
 * an EHR fills from a discovery template and the answer of the FHIR server to the same query hold the same resources:
 * by patient ({@code patient} or {@code subject}), by {@code code} (a token list {@code system|code,...}, on
 * {@code code} or, for medication records, on the medication concept), {@code _id}, and {@code _include} of a
 * reference element (e.g. {@code MedicationRequest:medication}, or {@code *}). Other parameters (dates, status,
 * category, counts) are not applied: the answer may hold more than asked, as a lenient EHR's does.
 */
final class RecordQueries {

    private RecordQueries() {}

    /** A query's parameters, decoded; a repeated parameter keeps every value. */
    static Map<String, List<String>> parameters(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters
                    .computeIfAbsent(name.replaceAll(":.*$", ""), k -> new ArrayList<>())
                    .add(value);
        }
        return parameters;
    }

    /** The searchset a query of {@code type} answers over {@code record} (matches, then the included resources). */
    static Bundle search(String type, Map<String, List<String>> parameters, List<Resource> record) {
        List<Resource> matches = matches(type, parameters, record);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(matches.size());
        matches.forEach(r -> bundle.addEntry().setResource(r).getSearch().setMode(Bundle.SearchEntryMode.MATCH));
        included(matches, parameters.getOrDefault("_include", List.of()), record)
                .forEach(r -> bundle.addEntry().setResource(r).getSearch().setMode(Bundle.SearchEntryMode.INCLUDE));
        return bundle;
    }

    static List<Resource> matches(String type, Map<String, List<String>> parameters, List<Resource> record) {
        String patient = first(parameters, "patient", first(parameters, "subject", null));
        String code = first(parameters, "code", null);
        String ids = first(parameters, "_id", null);
        return record.stream()
                .filter(r -> r.fhirType().equals(type))
                .filter(r -> patient == null || isOf(r, patient.replaceFirst("^.*Patient/", "")))
                .filter(r -> code == null || hasCode(r, code))
                .filter(r -> ids == null
                        || List.of(ids.split(",")).contains(r.getIdElement().getIdPart()))
                .toList();
    }

    /** The resources of the record that an {@code _include} of the matches names (each once). */
    static List<Resource> included(List<Resource> matches, List<String> includes, List<Resource> record) {
        Set<Resource> out = new LinkedHashSet<>();
        for (String include : includes) {
            String[] parts = include.split(":");
            String element = include.equals("*") ? null : parts.length > 1 ? parts[1] : null;
            if (element == null && !include.equals("*")) {
                continue;
            }
            for (Resource match : matches) {
                for (Reference reference : references(match, element)) {
                    String target = reference.getReference();
                    record.stream()
                            .filter(r -> target != null
                                    && !target.startsWith("#")
                                    && target.endsWith(r.fhirType() + "/"
                                            + r.getIdElement().getIdPart()))
                            .findFirst()
                            .ifPresent(out::add);
                }
            }
        }
        out.removeAll(matches);
        return List.copyOf(out);
    }

    private static List<Reference> references(Resource resource, String element) {
        List<Reference> references = new ArrayList<>();
        for (Property property : resource.children()) {
            String name = property.getName().replace("[x]", "");
            if (element != null && !name.equals(element)) {
                continue;
            }
            for (Base value : property.getValues()) {
                if (value instanceof Reference reference) {
                    references.add(reference);
                }
            }
        }
        return references;
    }

    static boolean isOf(Resource resource, String patientId) {
        if (resource.fhirType().equals("Patient")) {
            return patientId.equals(resource.getIdElement().getIdPart());
        }
        for (String name : List.of("subject", "patient")) {
            Property property = resource.getNamedProperty(name);
            if (property != null
                    && property.hasValues()
                    && property.getValues().get(0) instanceof Reference reference
                    && patientId.equals(reference.getReferenceElement().getIdPart())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasCode(Resource resource, String tokens) {
        for (String name : List.of("code", "medication[x]", "medication")) {
            Property property = resource.getNamedProperty(name);
            if (property != null && property.hasValues() && property.getValues().get(0) instanceof CodeableConcept c) {
                return List.of(tokens.split(",")).stream()
                        .anyMatch(token -> c.getCoding().stream().anyMatch(coding -> {
                            int bar = token.indexOf('|');
                            String system = bar < 0 ? null : token.substring(0, bar);
                            String code = bar < 0 ? token : token.substring(bar + 1);
                            return code.equals(coding.getCode())
                                    && (system == null || system.isEmpty() || system.equals(coding.getSystem()));
                        }));
            }
        }
        return false;
    }

    private static String first(Map<String, List<String>> parameters, String name, String otherwise) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? otherwise : values.get(0);
    }
}
