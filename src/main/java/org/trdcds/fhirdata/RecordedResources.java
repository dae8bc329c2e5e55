package org.trdcds.fhirdata;

import org.hl7.fhir.instance.model.api.IBaseResource;

/** A patient's record given as resources (e.g. the Bundle of a sample patient) -> {@link PatientData}. */
public final class RecordedResources {

    private RecordedResources() {
    }

    /** The resources (bare or inside Bundles), gathered by type and de-duplicated as a loaded record is. */
    public static PatientData patientData(IBaseResource... resources) {
        PatientDataCollector collector = new PatientDataCollector();
        for (IBaseResource resource : resources) {
            collector.add(resource);
        }
        return collector.build();
    }
}
