package org.trdcds.knowledge;

/** The knowledge files are missing or malformed: the service must not start. */
public class KnowledgeLoadException extends RuntimeException {

    public KnowledgeLoadException(String message) {
        super(message);
    }
}
