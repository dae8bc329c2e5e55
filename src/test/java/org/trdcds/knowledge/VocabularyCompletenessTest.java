package org.trdcds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.junit.jupiter.api.Test;

/** The vocabulary covers the contract: every card topic of docs/protocol.md sections 4-5 is a card-topics concept. */
class VocabularyCompletenessTest {

    static final Path PROTOCOL = Path.of("docs/protocol.md");
    static final Path VOCABULARY = Path.of(KnowledgeFiles.ROOT, "vocabulary");
    static final FhirContext FHIR = FhirContext.forR4();

    @Test
    void everyCardTopicOfTheProtocolIsInTheCardTopicsCodeSystem() throws IOException {
        Set<String> topics = protocolTopics();
        assertThat(topics)
                .hasSizeGreaterThanOrEqualTo(28)
                .contains("combination-candidate", "session-monitoring", "suicide-risk-screen-positive");

        assertThat(concepts("CodeSystem-card-topics.json")).containsExactlyInAnyOrderElementsOf(topics);
    }

    @Test
    void theAssessmentScalesCodeSystemDefinesTheMadrsTotal() throws IOException {
        assertThat(concepts("CodeSystem-assessment-scales.json")).containsExactly("madrs-total");
    }

    /** Topics are the backticked first cells of the tables in sections 4 and 5. */
    private static Set<String> protocolTopics() throws IOException {
        String protocol = Files.readString(PROTOCOL);
        String sections = protocol.substring(protocol.indexOf("## 4."), protocol.indexOf("## 6."));
        Matcher row = Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\|").matcher(sections);
        return row.results().map(m -> m.group(1)).collect(Collectors.toSet());
    }

    private static List<String> concepts(String file) throws IOException {
        CodeSystem codeSystem =
                FHIR.newJsonParser().parseResource(CodeSystem.class, Files.readString(VOCABULARY.resolve(file)));
        return codeSystem.getConcept().stream()
                .map(ConceptDefinitionComponent::getCode)
                .toList();
    }
}
