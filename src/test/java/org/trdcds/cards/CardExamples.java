package org.trdcds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trdcds.criteria.Finding;
import org.trdcds.knowledge.CardTemplate;
import org.trdcds.knowledge.ProjectKnowledge;

/**
 * The example finding of each card template of cds-cards/ (its {@code example}: details and evidence), as the golden
 * card tests render them.
 */
final class CardExamples {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CardExamples() {}

    /** Every template's example, by topic, fresh at each call (a test may change one). */
    static Map<String, Finding> all() {
        Map<String, Finding> examples = new LinkedHashMap<>();
        for (CardTemplate template : ProjectKnowledge.loaded().templates().all()) {
            JsonNode example = template.example();
            if (example != null) {
                examples.put(
                        template.topic(),
                        new Finding(
                                template.topic(),
                                JSON.convertValue(
                                        example.get("details"), new TypeReference<LinkedHashMap<String, Object>>() {}),
                                JSON.convertValue(example.get("evidence"), new TypeReference<List<String>>() {})));
            }
        }
        return examples;
    }

    /** The example of a topic; fails, saying what to add, when its template has none. */
    static Finding of(String topic) {
        Finding example = all().get(topic);
        assertThat(example)
                .as("cds-cards/" + topic + ".json has no \"example\" (details, evidence) for its golden card: add one"
                        + " (docs/adding-a-contraindication.md)")
                .isNotNull();
        return example;
    }
}
