package org.trdcds.fhirdata;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.trdcds.criteria.PatientFacts;

/** FHIR resources -> the typed facts the criteria read. Pure and thread-safe. */
public interface FactExtractor {

    /**
     * @param data        the patient's resources
     * @param draftOrders context.draftOrders for order hooks, else null
     * @param selections  context.selections ("MedicationRequest/ket-1") for order-select; null means all drafts count
     */
    PatientFacts extract(PatientData data, Bundle draftOrders, List<String> selections);
}
