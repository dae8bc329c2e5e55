package org.trdcds.fhirdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntryCounterTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"resourceType\":\"Bundle\",\"entry\":[{},{\"resource\":{\"entry\":[{},{}]}},{}]}|3",
                "{\"entry\":\"[{},{}]\",\"link\":[{},{}]}|0",
                "{\"a\":{\"entry\":[{},{}]},\"entry\":[{}]}|1",
                "{\"\\u0065ntry\":[{},{}]}|2",
                "{\"text\":\"\\\"entry\\\":[{}]\",\"entry\":[ {} , {} ]}|2"
            })
    void countsTheTopLevelEntriesOfJson(String json, long expected) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        EntryCounter whole = EntryCounter.json();
        assertThat(whole.feed(bytes, 0, bytes.length)).isEqualTo(expected);
        EntryCounter byteByByte = EntryCounter.json();
        long count = 0;
        for (int i = 0; i < bytes.length; i++) {
            count = byteByByte.feed(bytes, i, 1);
        }
        assertThat(count).isEqualTo(expected);
    }

    @Test
    void countsEntryStartTagsOfXml() {
        byte[] xml = "<Bundle><entry><resource/></entry><entry >x</entry><entryX/><<entry/></Bundle>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(EntryCounter.xml().feed(xml, 0, xml.length)).isEqualTo(3);
    }
}
