package org.trdcds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.util.unit.DataSize;
import org.trdcds.edge.CdsLimits;
import org.trdcds.feedback.FeedbackEntry;
import org.trdcds.feedback.FeedbackEntry.Outcome;

/**
 * The feedback parser ({@link FeedbackRequestParser}) under arbitrary bytes and under structural mutations of the CDS
 * Hooks specification's feedback bodies (src/test/resources/fixtures/cds-hooks-examples): the only acceptable outcomes
 * are parsed entries that fit the stored columns (lengths, no control characters, no broken Unicode, the outcome's
 * own fields only) or a 4xx {@link CdsException} whose message holds no control character.
 */
class FeedbackParsingFuzzTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final CdsLimits LIMITS =
            new CdsLimits(DataSize.ofMegabytes(10), 100, 1_000_000, 5000, java.time.Duration.ofSeconds(10), 0);
    static final FeedbackRequestParser PARSER = new FeedbackRequestParser(new RequestJson(LIMITS));
    static final List<JsonNode> REAL_BODIES = realBodies();
    static final List<String> KEYS = List.of(
            "feedback",
            "card",
            "outcome",
            "acceptedSuggestions",
            "id",
            "overrideReason",
            "reason",
            "code",
            "system",
            "display",
            "userComment",
            "outcomeTimestamp");
    static final List<String> TEXTS = List.of(
            "accepted",
            "overridden",
            "4e0a3a1e-3283-4575-ab82-028d55fe2719",
            "4E0A3A1E-3283-4575-AB82-028D55FE2719",
            "1-1-1-1-1",
            "2021-12-11T10:05:31Z",
            "2021-12-11T10:05:31",
            "+999999999-12-31T23:59:59-18:00",
            "2021-02-30T00:00:00Z",
            "a\u0000b",
            "line\nbreak\ttab",
            "\ud800",
            "\udc00x",
            "\ud83d\ude00",
            "\u202e",
            "");

    @FuzzTest
    void arbitraryBytes(byte[] body) {
        parseOrRefuse(body);
    }

    @FuzzTest
    void mutatedRealBodies(FuzzedDataProvider data) {
        JsonNode body =
                REAL_BODIES.get(data.consumeInt(0, REAL_BODIES.size() - 1)).deepCopy();
        int mutations = data.consumeInt(1, 8);
        for (int i = 0; i < mutations && data.remainingBytes() > 0; i++) {
            mutate(body, data);
        }
        parseOrRefuse(body.toString().getBytes(StandardCharsets.UTF_8));
    }

    static void parseOrRefuse(byte[] body) {
        List<FeedbackEntry> entries;
        try {
            entries = PARSER.parse(body);
        } catch (CdsException refused) {
            assertThat(refused.status().is4xxClientError())
                    .as(refused.getMessage())
                    .isTrue();
            assertThat(refused.getMessage()).isNotBlank();
            assertThat(refused.getMessage().chars().noneMatch(Character::isISOControl))
                    .as("a refusal's message holds no control character (it is logged and answered)")
                    .isTrue();
            return;
        }
        assertThat(entries).isNotEmpty().hasSizeLessThanOrEqualTo(FeedbackRequestParser.MAX_ENTRIES);
        for (FeedbackEntry entry : entries) {
            assertThat(entry.card()).isNotNull();
            assertThat(entry.outcome()).isNotNull();
            assertThat(entry.outcomeTimestamp()).isNotNull();
            assertThat(entry.acceptedSuggestions())
                    .hasSizeLessThanOrEqualTo(FeedbackRequestParser.MAX_ACCEPTED_SUGGESTIONS);
            if (entry.outcome() != Outcome.ACCEPTED) {
                assertThat(entry.acceptedSuggestions()).isEmpty();
            }
            if (entry.overrideReason() == null) {
                continue;
            }
            assertThat(entry.outcome()).isEqualTo(Outcome.OVERRIDDEN);
            fits(entry.overrideReason().userComment(), FeedbackRequestParser.MAX_COMMENT_LENGTH, true);
            if (entry.overrideReason().reason() != null) {
                fits(entry.overrideReason().reason().system(), FeedbackRequestParser.MAX_SYSTEM_LENGTH, false);
                fits(entry.overrideReason().reason().code(), FeedbackRequestParser.MAX_CODE_LENGTH, false);
                fits(entry.overrideReason().reason().display(), FeedbackRequestParser.MAX_DISPLAY_LENGTH, false);
            }
        }
    }

    /** Accepted text fits its column: at most maxLength chars, no control character, no lone surrogate. */
    private static void fits(String text, int maxLength, boolean lineBreaksAllowed) {
        if (text == null) {
            return;
        }
        assertThat(text.length()).isLessThanOrEqualTo(maxLength);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            assertThat(Character.isISOControl(c) && !(lineBreaksAllowed && lineBreak))
                    .as("control character U+%04X accepted", (int) c)
                    .isFalse();
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
                        .as("lone high surrogate accepted")
                        .isTrue();
                i++;
            } else {
                assertThat(Character.isLowSurrogate(c))
                        .as("lone low surrogate accepted")
                        .isFalse();
            }
        }
    }

    /** Replaces, removes or adds one member somewhere in the tree, or repeats an array's element many times. */
    private static void mutate(JsonNode root, FuzzedDataProvider data) {
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(root, containers);
        JsonNode target = containers.get(data.consumeInt(0, containers.size() - 1));
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            int action = data.consumeInt(0, 2);
            if (action == 0 && !names.isEmpty()) {
                object.remove(names.get(data.consumeInt(0, names.size() - 1)));
            } else if (action == 1 && !names.isEmpty()) {
                object.set(names.get(data.consumeInt(0, names.size() - 1)), randomValue(data));
            } else {
                String name = data.consumeBoolean() ? data.pickValue(KEYS) : data.consumeString(12);
                object.set(name, randomValue(data));
            }
        } else if (target instanceof ArrayNode array) {
            int action = data.consumeInt(0, 2);
            if (action == 0 && !array.isEmpty()) {
                array.set(data.consumeInt(0, array.size() - 1), randomValue(data));
            } else if (action == 1 && !array.isEmpty()) {
                JsonNode element = array.get(data.consumeInt(0, array.size() - 1));
                for (int copies = data.consumeInt(1, 120); copies > 0; copies--) {
                    array.add(element.deepCopy());
                }
            } else {
                array.add(randomValue(data));
            }
        }
    }

    private static JsonNode randomValue(FuzzedDataProvider data) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (data.consumeInt(0, 9)) {
            case 0 -> nodes.nullNode();
            case 1 -> nodes.booleanNode(data.consumeBoolean());
            case 2 -> nodes.numberNode(data.consumeLong());
            case 3 -> nodes.numberNode(data.consumeDouble());
            case 4 -> nodes.arrayNode().add(nodes.objectNode().put("id", data.pickValue(TEXTS)));
            case 5 -> nodes.textNode(data.pickValue(TEXTS));
            case 6 -> nodes.textNode(data.pickValue(TEXTS).repeat(data.consumeInt(1, 700)));
            case 7 ->
                REAL_BODIES
                        .get(data.consumeInt(0, REAL_BODIES.size() - 1))
                        .path("feedback")
                        .path(0)
                        .deepCopy();
            default -> nodes.textNode(data.consumeString(40));
        };
    }

    private static void collectContainers(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collectContainers(child, containers));
        }
    }

    /** The specification's feedback examples (objects with a "feedback" member). */
    private static List<JsonNode> realBodies() {
        List<JsonNode> bodies = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/fixtures/cds-hooks-examples"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode node = readOrNull(file);
                if (node != null && node.isObject() && node.has("feedback")) {
                    bodies.add(node);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(bodies).as("seed feedback bodies").hasSizeGreaterThan(2);
        return List.copyOf(bodies);
    }

    private static JsonNode readOrNull(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            return null;
        }
    }
}
