package org.trdcds.knowledge;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import org.trdcds.criteria.DecisionFactory;

/**
 * The real knowledge of this working tree (fhir-profiles/ and cds-cards/), loaded once per test JVM by the service's
 * own loader and shared.
 */
public final class ProjectKnowledge {

    private static final class Holder {
        static final FhirContext FHIR = FhirContext.forR4();
        static final LoadedKnowledge LOADED = KnowledgeLoader.load(KnowledgeFiles.fromDirectory(Path.of("")), FHIR);
        static final DecisionFactory DECISIONS = new DecisionFactory(LOADED.knowledge());
    }

    private ProjectKnowledge() {}

    public static Knowledge get() {
        return Holder.LOADED.knowledge();
    }

    /** The knowledge, the compiled card templates and the documents the pages show. */
    public static LoadedKnowledge loaded() {
        return Holder.LOADED;
    }

    /** The decision factory of the real knowledge (as the service wires it). */
    public static DecisionFactory decisions() {
        return Holder.DECISIONS;
    }

    public static FhirContext fhirContext() {
        return Holder.FHIR;
    }

    /** Loads another knowledge folder (an edited copy in a temporary directory). */
    public static LoadedKnowledge load(Path knowledgeDir) {
        return KnowledgeLoader.load(KnowledgeFiles.fromDirectory(knowledgeDir), Holder.FHIR);
    }
}
