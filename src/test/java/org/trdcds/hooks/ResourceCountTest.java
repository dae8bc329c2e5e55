package org.trdcds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The resources HAPI would build from a value are counted, wherever FHIR puts resources, and nothing else. */
class ResourceCountTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static int count(String json) throws Exception {
        JsonNode node = JSON.readTree(json);
        return ResourceCount.of(node);
    }

    @Test
    void countsEveryPlaceAResourceCanBe() throws Exception {
        assertThat(count("{\"resourceType\":\"Patient\",\"id\":\"p\"}")).isEqualTo(1);
        assertThat(
                        count(
                                "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Condition\"}},"
                                        + "{\"resource\":{\"resourceType\":\"MedicationRequest\",\"contained\":"
                                        + "[{\"resourceType\":\"Medication\"},{\"resourceType\":\"Medication\"}]}},"
                                        + "{\"response\":{\"outcome\":{\"resourceType\":\"OperationOutcome\"}}},"
                                        + "{\"resource\":{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\"}}]}}]}"))
                .as("bundle, 2 entries, 2 contained, an outcome, a nested bundle and its entry")
                .isEqualTo(8);
        assertThat(count("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"a\",\"resource\":"
                        + "{\"resourceType\":\"Patient\"}},{\"name\":\"b\",\"part\":[{\"name\":\"c\",\"resource\":"
                        + "{\"resourceType\":\"Condition\"}}]}]}"))
                .isEqualTo(3);
    }

    @Test
    void countsNothingThatIsNotAResourceWhereHapiReadsOne() throws Exception {
        assertThat(count("{\"resourceType\":\"Bundle\",\"entry\":{\"resource\":{\"resourceType\":\"Condition\","
                        + "\"contained\":{\"resourceType\":\"Medication\"}}}}"))
                .as(
                        "a repeating element given as one object still counts: HAPI reads it as one item (checked on 8.8.0)")
                .isEqualTo(3);
        assertThat(count("{\"resourceType\":\"Patient\",\"contained\":[[{\"resourceType\":\"Basic\"},"
                        + "{\"resourceType\":\"Basic\"}],[[{\"resourceType\":\"Basic\"}]]]}"))
                .as("arrays nested in a repeating element: HAPI flattens them (checked on 8.8.0), so they count")
                .isEqualTo(4);
        assertThat(count("{\"resourceType\":\"Bundle\",\"entry\":[[{\"resource\":{\"resourceType\":\"Patient\"}}]],"
                        + "\"parameter\":[[{\"resource\":{\"resourceType\":\"Patient\"},\"part\":[[{\"resource\":"
                        + "{\"resourceType\":\"Patient\"}}]]}]]}"))
                .isEqualTo(4);
        assertThat(count("null")).isZero();
        assertThat(count("[{\"resourceType\":\"Patient\"}]"))
                .as("an array is no resource")
                .isZero();
        assertThat(count("{\"id\":\"no type\"}")).isZero();
        assertThat(count("{\"resourceType\":7}")).isZero();
        assertThat(count(
                        "{\"resourceType\":\"Observation\",\"extension\":[{\"valueX\":{\"resourceType\":\"Patient\"}}],"
                                + "\"code\":{\"resourceType\":\"Patient\"}}"))
                .as("objects named like resources in element positions are unknown elements HAPI skips")
                .isEqualTo(1);
    }
}
