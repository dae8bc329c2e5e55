package org.trdcds.knowledge;

/**
 * The knowledge files are missing or malformed, or do not fit the decision (a topic without a template, a template
 * no rule issues, a rule class that does not exist): the service must not start. The message names the file and what
 * is wrong; {@code config.KnowledgeFailureAnalyzer} prints it as the reason the service did not start.
 */
public class KnowledgeLoadException extends RuntimeException {

    public KnowledgeLoadException(String message) {
        super(message);
    }

    public KnowledgeLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
