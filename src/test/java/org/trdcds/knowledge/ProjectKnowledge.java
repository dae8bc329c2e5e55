package org.trdcds.knowledge;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;

/** The real knowledge of this working tree (fhir-profiles/), loaded once per test JVM and shared. */
public final class ProjectKnowledge {

    private static final class Holder {
        static final FhirContext FHIR = FhirContext.forR4();
        static final Knowledge KNOWLEDGE = FileKnowledge.load(KnowledgeFiles.fromDirectory(Path.of("")), FHIR);
    }

    private ProjectKnowledge() {}

    public static Knowledge get() {
        return Holder.KNOWLEDGE;
    }

    public static FhirContext fhirContext() {
        return Holder.FHIR;
    }
}
