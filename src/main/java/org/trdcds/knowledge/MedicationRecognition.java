package org.trdcds.knowledge;

import java.time.Duration;

/**
 * How medication records are recognised beyond their codes (PROTOCOL-v3 section A), from
 * Parameters-medication-recognition.json and medication-names.json.
 *
 * @param referenceFetchBudget  the time one batched {@code Medication?_id=...} fetch may take (inside the call's
 *                              deadline); beyond it the references stay unresolved
 * @param maxReferencesPerFetch at most this many Medication ids in the one fetch (the rest stay unresolved)
 * @param medications           ingredient names and brands -> RxNorm ingredient (the value sets' ingredients too)
 * @param procedures            procedure names -> the code that stands for them (TMS -> a CPT code of tms-procedures)
 * @param intravenousRoutes     route names and codes that are intravenous
 * @param nasalRoutes           route names and codes that are nasal
 */
public record MedicationRecognition(
        Duration referenceFetchBudget,
        int maxReferencesPerFetch,
        NameTable medications,
        NameTable procedures,
        NameTable intravenousRoutes,
        NameTable nasalRoutes) {

    /** No names, the default budget: codes and Medication resources only. */
    public static final MedicationRecognition NONE = new MedicationRecognition(
            Duration.ofMillis(300), 50, NameTable.EMPTY, NameTable.EMPTY, NameTable.EMPTY, NameTable.EMPTY);
}
