package org.trdcds.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The {@code expect} of a worked scenario (scenarios-v2 and scenarios-v3 README) checked against a CDS Hooks answer's
 * cards: every unmet expectation is one line, so a runner can report them all instead of stopping at the first.
 * Text is compared case-insensitively after undoing the cards' Markdown escapes and collapsing white space.
 */
final class ScenarioExpectations {

    private ScenarioExpectations() {}

    /** What the cards fail of {@code expect}; empty when they meet it all. */
    static List<String> unmet(JsonNode expect, JsonNode cards) {
        List<String> failures = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        cards.forEach(card -> topics.add(card.at("/source/topic/code").asText()));
        if (expect.path("noCards").asBoolean() && !topics.isEmpty()) {
            failures.add("expected no cards, got " + topics);
        }
        expect.path("topicsIncluded").forEach(t -> {
            if (!topics.contains(t.asText())) {
                failures.add("missing topic " + t.asText() + " (got " + topics + ")");
            }
        });
        expect.path("topicsExcluded").forEach(t -> {
            if (topics.contains(t.asText())) {
                failures.add("unexpected topic " + t.asText());
            }
        });
        expect.path("checks").forEach(check -> {
            String failure = check(check, cards);
            if (failure != null) {
                failures.add(check.path("kind").asText() + " " + check.path("value") + ": " + failure);
            }
        });
        return failures;
    }

    /** Null when the check holds, else why not. */
    static String check(JsonNode check, JsonNode cards) {
        JsonNode value = check.path("value");
        return switch (check.path("kind").asText()) {
            case "indicator" ->
                someCard(
                        cards,
                        value.get(0).asText(),
                        card -> card.path("indicator")
                                .asText()
                                .equals(value.get(1).asText()),
                        "indicator");
            case "detail-mentions" ->
                someCard(
                        cards,
                        value.get(0).asText(),
                        card -> all(value.get(1), phrase -> text(card).contains(normal(phrase))),
                        "detail");
            case "detail-not-mentions" ->
                someCard(
                        cards,
                        value.get(0).asText(),
                        card -> all(value.get(1), phrase -> !text(card).contains(normal(phrase))),
                        "detail");
            case "any-card-mentions" ->
                any(cards, card -> all(value, phrase -> text(card).contains(normal(phrase))))
                        ? null
                        : "no card mentions all of them";
            case "links-to" ->
                someCard(
                        cards,
                        value.get(0).asText(),
                        card -> all(
                                value.get(1),
                                id -> card.path("links").findValuesAsText("url").stream()
                                        .anyMatch(u -> u.contains(id))),
                        "links");
            case "delete-suggestion" ->
                actions(cards, "delete").stream().anyMatch(a -> targets(a).contains(value.asText()))
                        ? null
                        : "no delete action for it";
            case "no-delete-suggestion" ->
                actions(cards, "delete").stream().anyMatch(a -> targets(a).contains(value.asText()))
                        ? "a card suggests deleting it"
                        : null;
            case "no-update-suggestion" ->
                actions(cards, "update").stream().anyMatch(a -> targets(a).contains(value.asText()))
                        ? "a card suggests updating it"
                        : null;
            case "dose-suggestion" -> doseSuggestion(cards, value.asDouble());
            case "suggestion-text-not-mentions" ->
                actions(cards, "update").stream()
                        .flatMap(a -> a.path("resource").findValues("text").stream())
                        .filter(JsonNode::isTextual)
                        .map(JsonNode::asText)
                        .filter(t -> normal(t).contains(normal(value.asText())))
                        .findFirst()
                        .map(t -> "an updated order still says \"" + t + "\"")
                        .orElse(null);
            default -> "unknown check kind";
        };
    }

    private static String doseSuggestion(JsonNode cards, double mg) {
        List<Double> doses = new ArrayList<>();
        actions(cards, "update")
                .forEach(a -> a.path("resource")
                        .findValues("doseQuantity")
                        .forEach(q -> doses.add(q.path("value").asDouble())));
        return !doses.isEmpty() && doses.stream().allMatch(d -> Math.abs(d - mg) < 0.01)
                ? null
                : "suggested doses " + doses;
    }

    private static String someCard(JsonNode cards, String topic, Predicate<JsonNode> holds, String what) {
        List<JsonNode> ofTopic = new ArrayList<>();
        cards.forEach(card -> {
            if (card.at("/source/topic/code").asText().equals(topic)) {
                ofTopic.add(card);
            }
        });
        if (ofTopic.isEmpty()) {
            return "no card of topic " + topic;
        }
        return ofTopic.stream().anyMatch(holds)
                ? null
                : "not met by " + what + " of " + topic + ": "
                        + ofTopic.get(0)
                                .path(what.equals("detail") ? "detail" : what.equals("links") ? "links" : "indicator")
                                .toString()
                                .replaceAll("\\s+", " ");
    }

    private static boolean any(JsonNode cards, Predicate<JsonNode> holds) {
        for (JsonNode card : cards) {
            if (holds.test(card)) {
                return true;
            }
        }
        return false;
    }

    private static boolean all(JsonNode values, Predicate<String> holds) {
        for (JsonNode v : values) {
            if (!holds.test(v.asText())) {
                return false;
            }
        }
        return true;
    }

    /** Every action of that type of every suggestion of every card. */
    static List<JsonNode> actions(JsonNode cards, String type) {
        List<JsonNode> out = new ArrayList<>();
        cards.forEach(card -> card.path("suggestions")
                .forEach(s -> s.path("actions").forEach(a -> {
                    if (a.path("type").asText().equals(type)) {
                        out.add(a);
                    }
                })));
        return out;
    }

    /** "Type/id"s an action is about: its resourceId (delete; a string or, as CDS Hooks 2.0 has it, a list) or its resource. */
    private static List<String> targets(JsonNode action) {
        String type = action.path("resource").path("resourceType").asText();
        List<String> ids = new ArrayList<>();
        JsonNode resourceId = action.path("resourceId");
        if (resourceId.isArray()) {
            resourceId.forEach(id -> ids.add(id.asText()));
        } else if (resourceId.isTextual()) {
            ids.add(resourceId.asText());
        } else if (action.path("resource").has("id")) {
            ids.add(action.path("resource").path("id").asText());
        }
        return ids.stream().map(id -> id.contains("/") ? id : type + "/" + id).toList();
    }

    private static String text(JsonNode card) {
        return normal(card.path("summary").asText() + "\n" + card.path("detail").asText());
    }

    static String normal(String text) {
        return text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
                .replaceAll("\\\\([\\\\*_\\[\\]()#`|!~{}.+\\-])", "$1")
                .replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }
}
