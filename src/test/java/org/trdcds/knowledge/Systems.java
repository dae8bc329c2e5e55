package org.trdcds.knowledge;

import java.util.Map;

/** Short names of the code systems for membership tables (cm = ICD-10-CM, who = WHO ICD-10). */
final class Systems {

    static final Map<String, String> BY_ALIAS = Map.of(
            "cm", "http://hl7.org/fhir/sid/icd-10-cm",
            "who", "http://hl7.org/fhir/sid/icd-10",
            "sct", "http://snomed.info/sct",
            "loinc", "http://loinc.org",
            "rx", "http://www.nlm.nih.gov/research/umls/rxnorm",
            "cpt", "http://www.ama-assn.org/go/cpt");

    private Systems() {}

    static String uri(String alias) {
        String uri = BY_ALIAS.get(alias);
        if (uri == null) {
            throw new IllegalArgumentException("unknown system alias " + alias);
        }
        return uri;
    }
}
