package org.trdcds.knowledge;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cds.knowledge.*}.
 *
 * @param dir a folder that contains fhir-profiles/ and cds-cards/ (governance's edited copy, used without a
 *            release); unset or blank: the copy shipped in the jar
 */
@ConfigurationProperties("cds.knowledge")
public record KnowledgeProperties(String dir) {

    public KnowledgeProperties {
        dir = dir == null || dir.isBlank() ? null : dir.strip();
    }

    /** The files to load: from {@link #dir()} when set, else from the classpath. */
    public KnowledgeFiles files() {
        return dir == null ? KnowledgeFiles.fromClasspath() : KnowledgeFiles.fromDirectory(Path.of(dir));
    }
}
