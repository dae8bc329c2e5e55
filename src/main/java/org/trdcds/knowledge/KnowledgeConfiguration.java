package org.trdcds.knowledge;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The knowledge beans, loaded once at start-up from {@code cds.knowledge.dir} or the jar ({@link
 * KnowledgeProperties}): a bad file stops the start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KnowledgeProperties.class)
public class KnowledgeConfiguration {

    @Bean
    public LoadedKnowledge loadedKnowledge(ObjectProvider<FhirContext> fhirContext, KnowledgeProperties properties) {
        return KnowledgeLoader.load(properties.files(), fhirContext.getIfAvailable(FhirContext::forR4));
    }

    @Bean
    public Knowledge knowledge(LoadedKnowledge loaded) {
        return loaded.knowledge();
    }

    @Bean
    public CardTemplates cardTemplates(LoadedKnowledge loaded) {
        return loaded.templates();
    }

    @Bean
    public KnowledgeDocuments knowledgeDocuments(LoadedKnowledge loaded) {
        return loaded.documents();
    }
}
