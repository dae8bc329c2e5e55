package org.trdcds.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonCursor} refuses what Jackson's default parser refuses and reads what it reads, and {@link LineScan}
 * reads the same fields from a line as the Jackson-based reader did (escapes, nesting, codings, references).
 */
class JsonCursorTest {

    static final List<String> LINES = List.of(
            "{}",
            "{\"a\":1}",
            "{\"a\":[1,-2.5e+3,0,0.1,true,false,null,\"x\",{},[]]}",
            "{\"a\":\"caf\u00e9 \\u00e9\\n\\\" \\/ \\\\\"}",
            "{ \"a\" : { \"b\" : [ ] } }",
            "{\"a\":01}",
            "{\"a\":1.}",
            "{\"a\":-}",
            "{\"a\":.5}",
            "{\"a\":+1}",
            "{\"a\":tru}",
            "{\"a\":nul}",
            "{\"a\":\"x\\q\"}",
            "{\"a\":\"\\u12G4\"}",
            "{\"a\":\"tab\there\"}",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{a:1}",
            "{'a':1}",
            "{\"a\":[1,2}",
            "{\"a\":{\"b\":1]}",
            "{\"a\":1",
            "{\"a\":\"unterminated}",
            "{\"a\":1} // comment",
            "[".repeat(999) + "]".repeat(999),
            "[".repeat(1001) + "]".repeat(1001));

    @Test
    void refusesWhatJacksonRefuses() {
        for (String line : LINES) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            JsonCursor cursor = new JsonCursor(bytes, bytes.length);
            boolean cursorReads;
            try {
                cursor.skipValue(0);
                cursorReads = cursor.peek() == -1;
            } catch (JsonCursor.Malformed e) {
                cursorReads = false;
            }
            assertThat(cursorReads).as(line).isEqualTo(jacksonReads(bytes));
        }
        byte[] badUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, 'x', '"', '}'};
        assertThat(LineScan.of(badUtf8, badUtf8.length).problem()).isEqualTo("not JSON");
    }

    /**
     * Strings read eight bytes at a time must still stop at every byte that needs a look, wherever it falls in a word:
     * random strings of plain and special bytes (quotes, backslashes, escapes, control characters, UTF-8 and broken
     * UTF-8) at every alignment, read as Jackson reads them, value included.
     */
    @Test
    void randomStringsAreReadAsJacksonReadsThemAtEveryAlignment() throws Exception {
        byte[][] pieces = {
            {'a'},
            {'Z'},
            {' '},
            {'!'},
            {'#'},
            {'~'},
            {0x7F},
            {'\\', '"'},
            {'\\', '\\'},
            {'\\', 'n'},
            {'\\', 'u', '0', '0', 'e', '9'},
            {'\\', 'q'},
            {'"'},
            {0x01},
            {0x1F},
            {'\t'},
            {(byte) 0xC3, (byte) 0xA9},
            {(byte) 0xE2, (byte) 0x82, (byte) 0xAC},
            {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80},
            {(byte) 0xC3, 'x'},
            {(byte) 0x80},
            {(byte) 0xFF}
        };
        java.util.Random random = new java.util.Random(20261207);
        int agreed = 0;
        int read = 0;
        for (int round = 0; round < 20_000; round++) {
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            line.write("{\"p\":\"".getBytes(StandardCharsets.UTF_8));
            line.write("xxxxxxx".getBytes(StandardCharsets.UTF_8), 0, random.nextInt(8)); // the alignment
            int count = random.nextInt(40);
            for (int i = 0; i < count; i++) {
                // mostly plain text, as in real lines, so that whole plain words occur before a special byte
                byte[] piece =
                        random.nextInt(4) == 0 ? pieces[random.nextInt(pieces.length)] : pieces[random.nextInt(6)];
                line.write(piece);
            }
            line.write("\"}".getBytes(StandardCharsets.UTF_8));
            byte[] bytes = line.toByteArray();
            String jackson = jacksonString(bytes);
            String cursor;
            try {
                JsonCursor json = new JsonCursor(bytes, bytes.length);
                json.expect('{');
                json.name(new byte[][] {{'p'}});
                cursor = json.stringOrSkip(1);
                json.expect('}');
                if (json.peek() != -1) {
                    cursor = null;
                }
            } catch (JsonCursor.Malformed e) {
                cursor = null;
            }
            assertThat(cursor)
                    .as(new String(bytes, StandardCharsets.ISO_8859_1))
                    .isEqualTo(jackson);
            agreed++;
            read += jackson == null ? 0 : 1;
        }
        assertThat(agreed).isEqualTo(20_000);
        assertThat(read).as("both valid and broken strings were tried").isBetween(2_000, 18_000);
    }

    /** The string value of member "p" as Jackson reads it, or null when Jackson refuses the line. */
    private static String jacksonString(byte[] bytes) {
        try (JsonParser p = new JsonFactory().createParser(bytes)) {
            p.nextToken();
            p.nextToken();
            p.nextToken();
            String text = p.getText();
            p.nextToken();
            return p.nextToken() == null ? text : null;
        } catch (Exception e) {
            return null;
        }
    }

    @Test
    void lineScanReadsTheFieldsItNeedsAndLeavesTheRest() {
        String line = "{\"resourceType\":\"Observ\\u0061tion\",\"id\":\"o1\",\"meta\":{\"profile\":[\"x\"]},"
                + "\"code\":{\"text\":\"t\",\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"44261-6\","
                + "\"display\":\"PHQ-9\",\"extra\":{\"code\":\"no\"}},{\"display\":\"no code\"},7]},"
                + "\"subject\":{\"display\":\"p\",\"reference\":\"https://ehr/fhir/Patient/p1/_history/2\"},"
                + "\"encounter\":{\"reference\":\"Encounter/e\"},\"valueQuantity\":{\"value\":12}}";
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        LineScan scan = LineScan.of(bytes, bytes.length);
        assertThat(scan.problem()).isNull();
        assertThat(scan.resourceType()).isEqualTo("Observation");
        assertThat(scan.patientId()).isEqualTo("p1");
        assertThat(scan.codings()).containsExactly(new LineScan.Coding("http://loinc.org", "44261-6", "PHQ-9"));
        StringBuilder kept = new StringBuilder("{");
        for (int i = 0; i < scan.kept().length; i += 2) {
            kept.append(i > 0 ? "," : "")
                    .append(new String(bytes, scan.kept()[i], scan.kept()[i + 1] - scan.kept()[i]));
        }
        assertThat(kept.append('}').toString())
                .doesNotContain("meta", "encounter")
                .contains("\"valueQuantity\":{\"value\":12}", "\"subject\":{");
        assertThat(jacksonReads(kept.toString().getBytes(StandardCharsets.UTF_8)))
                .isTrue();

        assertThat(LineScan.of("[1]".getBytes(), 3).problem()).isEqualTo("not a JSON object");
        assertThat(LineScan.of("nonsense".getBytes(), 8).problem()).isEqualTo("not JSON");
        byte[] two = "{\"resourceType\":\"Patient\",\"id\":\"a\"} {}".getBytes();
        assertThat(LineScan.of(two, two.length).problem()).isEqualTo("not one JSON object per line");
        byte[] plain = "{\"resourceType\":\"Patient\",\"id\":\"a\"}".getBytes();
        assertThat(LineScan.of(plain, plain.length).kept())
                .as("nothing left out: copied as is")
                .isNull();
    }

    private static boolean jacksonReads(byte[] bytes) {
        try (JsonParser p = new JsonFactory().createParser(bytes)) {
            p.nextToken();
            p.skipChildren();
            return p.nextToken() == null;
        } catch (Exception e) {
            return false;
        }
    }
}
