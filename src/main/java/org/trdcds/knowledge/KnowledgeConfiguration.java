package org.trdcds.knowledge;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The {@link Knowledge} bean: fhir-profiles/ from the folder named by {@code cds.knowledge.dir} (a folder that
 * contains fhir-profiles/ and cds-cards/), or from the classpath when the property is unset.
 */
@Configuration(proxyBeanMethods = false)
public class KnowledgeConfiguration {

    @Bean
    public Knowledge knowledge(
            ObjectProvider<FhirContext> fhirContext, @Value("${cds.knowledge.dir:}") String knowledgeDir) {
        KnowledgeFiles files = knowledgeDir.isBlank()
                ? KnowledgeFiles.fromClasspath(
                        new PathMatchingResourcePatternResolver(getClass().getClassLoader()))
                : KnowledgeFiles.fromDirectory(Path.of(knowledgeDir));
        return FileKnowledge.load(files, fhirContext.getIfAvailable(FhirContext::forR4));
    }
}
