package org.trdcds.fhirdata;

import org.hl7.fhir.instance.model.api.IBaseResource;

/** A patient's record given as resources (e.g. the Bundle of a sample patient) -> {@link PatientData}. */
public final class RecordedResources {

    private RecordedResources() {}

    /** The resources (bare or inside Bundles), gathered by type and de-duplicated as a loaded record is. */
    public static PatientData patientData(IBaseResource... resources) {
        PatientDataCollector collector = new PatientDataCollector();
        for (IBaseResource resource : resources) {
            collector.add(resource);
        }
        return collector.build();
    }

    /**
     * One patient's resources (e.g. a patient's lines of a bulk export), gathered as a hook call's prefetch is:
     * only this patient's data is kept, de-duplicated by type + id.
     */
    public static PatientData patientData(String patientId, Iterable<? extends IBaseResource> resources) {
        PatientDataCollector collector = new PatientDataCollector(patientId);
        for (IBaseResource resource : resources) {
            collector.add(resource);
        }
        return collector.build();
    }
}
