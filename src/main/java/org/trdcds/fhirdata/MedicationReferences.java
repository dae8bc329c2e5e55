package org.trdcds.fhirdata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;

/**
 * The Medication ids that medication records and draft orders name by {@code medicationReference} and that neither a
 * contained resource, the prefetch nor the draft-orders bundle holds: the ones a fetch by reference may look for
 * (PROTOCOL-v3 section A). Only relative references "Medication/{id}" with a FHIR id qualify: anything else can only
 * be recognised by its display.
 */
public final class MedicationReferences {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final String PREFIX = "Medication/";

    private MedicationReferences() {}

    /** Whether there is anything to fetch: a fhirServer to ask and at least one unresolved reference. */
    public static boolean toFetch(FetchPlan plan, PatientData data, Bundle draftOrders) {
        return plan != null
                && plan.fhirServer() != null
                && !unresolved(data, draftOrders, 1).isEmpty();
    }

    /** Up to max unresolved Medication ids, in the order the records name them. */
    static List<String> unresolved(PatientData data, Bundle draftOrders, int max) {
        Set<String> known = new HashSet<>();
        data.medications().forEach(m -> known.add(m.getIdElement().getIdPart()));
        List<Type> named = new ArrayList<>();
        data.medicationStatements().forEach(s -> named.add(medication(s)));
        data.medicationRequests().forEach(r -> named.add(medication(r)));
        data.medicationAdministrations().forEach(a -> named.add(medication(a)));
        if (draftOrders != null) {
            for (Bundle.BundleEntryComponent entry : draftOrders.getEntry()) {
                if (entry.getResource() instanceof Medication m) {
                    known.add(m.getIdElement().getIdPart());
                } else if (entry.getResource() instanceof MedicationRequest r) {
                    named.add(medication(r));
                }
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Type medication : named) {
            String id = id(medication);
            if (id != null && !known.contains(id) && ids.size() < max) {
                ids.add(id);
            }
        }
        return List.copyOf(ids);
    }

    /** The id of a relative reference Medication/{id} that is not contained; else null. */
    static String id(Type medication) {
        if (!(medication instanceof Reference reference)
                || reference.getResource() != null
                || !reference.hasReference()) {
            return null;
        }
        String value = reference.getReference();
        if (!value.startsWith(PREFIX)) {
            return null;
        }
        String id = value.substring(PREFIX.length());
        return ID.matcher(id).matches() ? id : null;
    }

    private static Type medication(MedicationStatement s) {
        return safe(() -> s.getMedication());
    }

    private static Type medication(MedicationRequest r) {
        return safe(() -> r.getMedication());
    }

    private static Type medication(MedicationAdministration a) {
        return safe(() -> a.getMedication());
    }

    private static Type safe(java.util.function.Supplier<Type> get) {
        try {
            return get.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The data with the fetched Medications added (as if they had been prefetched). */
    static PatientData with(PatientData data, List<Medication> fetched) {
        if (fetched.isEmpty()) {
            return data;
        }
        List<Medication> medications = new ArrayList<>(data.medications());
        medications.addAll(fetched);
        return new PatientData(
                data.patient(),
                data.conditions(),
                data.observations(),
                data.medicationStatements(),
                data.medicationRequests(),
                data.procedures(),
                data.medicationAdministrations(),
                List.copyOf(medications));
    }
}
