package org.trdcds.fhirdata;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;

/**
 * Whose data a resource is: only the context patient's data counts. A resource is of another patient when it is a
 * Patient with another id, or its {@code subject} or {@code patient} references another Patient (relative or
 * absolute, versioned or not). References the service cannot resolve (contained, urn:uuid, identifier only) and
 * resources without a patient (Medication) are not judged.
 */
public final class PatientScope {

    private static final String[] PATIENT_ELEMENTS = {"subject", "patient"};
    /** Never modified: HAPI's getSubject() would add an empty subject to a resource that has none. */
    private static final Reference NO_SUBJECT = new Reference();

    private PatientScope() {}

    /** The resource and, for a Bundle, every entry's resource (nested Bundles too), Bundles themselves left out. */
    public static List<IBaseResource> resources(IBaseResource value) {
        List<IBaseResource> resources = new ArrayList<>();
        collect(value, resources, 0);
        return resources;
    }

    private static void collect(IBaseResource value, List<IBaseResource> into, int depth) {
        if (value instanceof Bundle bundle && depth < 8) {
            bundle.getEntry().forEach(entry -> collect(entry.getResource(), into, depth + 1));
        } else if (value != null && !(value instanceof Bundle)) {
            into.add(value);
        }
    }

    /** Whether this resource (not a Bundle) is another patient's than {@code patientId}. */
    public static boolean ofAnotherPatient(IBaseResource resource, String patientId) {
        if (resource instanceof Patient patient) {
            String id = patient.getIdElement().getIdPart();
            return id != null && !id.equals(patientId);
        }
        Reference subject = subjectOf(resource);
        if (subject != null) {
            return referencesAnotherPatient(subject, patientId);
        }
        if (!(resource instanceof Base base)) {
            return false;
        }
        for (String element : PATIENT_ELEMENTS) {
            Property property = base.getNamedProperty(element);
            if (property == null) {
                continue;
            }
            for (Base value : property.getValues()) {
                if (value instanceof Reference reference && referencesAnotherPatient(reference, patientId)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The subject of the types the decision reads, without HAPI's generic property lookup (the hot path). */
    private static Reference subjectOf(IBaseResource resource) {
        if (resource instanceof Condition condition) {
            return condition.hasSubject() ? condition.getSubject() : NO_SUBJECT;
        }
        if (resource instanceof Observation observation) {
            return observation.hasSubject() ? observation.getSubject() : NO_SUBJECT;
        }
        if (resource instanceof MedicationStatement statement) {
            return statement.hasSubject() ? statement.getSubject() : NO_SUBJECT;
        }
        if (resource instanceof MedicationRequest request) {
            return request.hasSubject() ? request.getSubject() : NO_SUBJECT;
        }
        if (resource instanceof MedicationAdministration administration) {
            return administration.hasSubject() ? administration.getSubject() : NO_SUBJECT;
        }
        if (resource instanceof Procedure procedure) {
            return procedure.hasSubject() ? procedure.getSubject() : NO_SUBJECT;
        }
        return null;
    }

    private static boolean referencesAnotherPatient(Reference reference, String patientId) {
        if (!reference.hasReference() || reference.getReference().startsWith("#")) {
            return false;
        }
        IIdType id = reference.getReferenceElement();
        return "Patient".equals(id.getResourceType())
                && id.getIdPart() != null
                && !id.getIdPart().equals(patientId);
    }
}
