package org.trdcds.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.trdcds.knowledge.KnowledgeLoadException;

/**
 * When the knowledge stops the start (a malformed file, a topic without a template, a template no rule issues, a rule
 * class that does not exist), Spring Boot's "APPLICATION FAILED TO START" report says so in two lines, the file and
 * the problem first, instead of leaving it at the end of a chain of bean-creation errors. Registered in
 * META-INF/spring.factories.
 */
public class KnowledgeFailureAnalyzer extends AbstractFailureAnalyzer<KnowledgeLoadException> {

    static final String ACTION = "Correct the knowledge file named above (docs/knowledge.md says what each file holds;"
            + " docs/adding-a-contraindication.md how the pieces of a topic fit), or start without cds.knowledge.dir"
            + " to use the knowledge built into the jar.";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, KnowledgeLoadException cause) {
        return new FailureAnalysis("The knowledge was refused: " + cause.getMessage(), ACTION, cause);
    }
}
