package org.trdcds.fhirdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/**
 * The streaming entry count of the FHIR response bounds (F2): for a Bundle of arbitrary strings (Jackson-encoded, so
 * quotes, escapes, nested "entry" keys and brackets inside strings), the count is exactly the number of entries, and
 * it never depends on how the bytes are split into reads; arbitrary bytes never make it throw or count more objects
 * than there are '{' bytes.
 */
class ResponseBoundsFuzzTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest
    void entriesAreCountedExactlyHoweverTheBytesArrive(FuzzedDataProvider data) throws JsonProcessingException {
        int entries = data.consumeInt(0, 40);
        StringBuilder bundle = new StringBuilder("{\"resourceType\":\"Bundle\",");
        if (data.consumeBoolean()) {
            bundle.append("\"link\":[{\"relation\":")
                    .append(JSON.writeValueAsString(data.consumeString(20)))
                    .append("}],");
        }
        bundle.append("\"entry\":[");
        for (int i = 0; i < entries; i++) {
            bundle.append(i == 0 ? "" : " , ")
                    .append("{\"resource\":{\"resourceType\":\"Basic\",\"id\":")
                    .append(JSON.writeValueAsString(data.consumeString(30)))
                    .append(data.consumeBoolean() ? ",\"entry\":[{},{}]" : "")
                    .append("}}");
        }
        bundle.append("],\"total\":").append(entries).append('}');
        byte[] bytes = bundle.toString().getBytes(StandardCharsets.UTF_8);

        assertThat(countInChunks(bytes, data)).isEqualTo(entries);

        byte[] arbitrary = data.consumeRemainingAsBytes();
        long braces = 0;
        for (byte b : arbitrary) {
            braces += b == '{' ? 1 : 0;
        }
        EntryCounter whole = EntryCounter.json();
        long count = whole.feed(arbitrary, 0, arbitrary.length);
        assertThat(count).isBetween(0L, braces);
        assertThat(EntryCounter.xml().feed(arbitrary, 0, arbitrary.length)).isNotNegative();
    }

    private static long countInChunks(byte[] bytes, FuzzedDataProvider data) {
        EntryCounter counter = EntryCounter.json();
        long count = 0;
        for (int offset = 0; offset < bytes.length; ) {
            int length = Math.min(bytes.length - offset, 1 + data.consumeInt(0, 64));
            count = counter.feed(bytes, offset, length);
            offset += length;
        }
        return count;
    }
}
