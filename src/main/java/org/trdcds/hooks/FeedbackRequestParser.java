package org.trdcds.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.trdcds.feedback.FeedbackEntry;
import org.trdcds.feedback.FeedbackEntry.Coding;
import org.trdcds.feedback.FeedbackEntry.Outcome;
import org.trdcds.feedback.FeedbackEntry.OverrideReason;

/** Reads a feedback call ({"feedback": [...]}, CDS Hooks 2.0) and refuses it whole if any entry is invalid. */
@Component
public class FeedbackRequestParser {

    static final int MAX_COMMENT_LENGTH = 4000;
    /** The lengths of the stored columns (db/migration): longer text is refused, never truncated or a 500. */
    static final int MAX_SYSTEM_LENGTH = 500;

    static final int MAX_CODE_LENGTH = 200;
    static final int MAX_DISPLAY_LENGTH = 500;
    /** Entries in one call, and accepted suggestions in one entry, at most (a card has a handful of suggestions). */
    static final int MAX_ENTRIES = 100;

    static final int MAX_ACCEPTED_SUGGESTIONS = 20;

    private final RequestJson requestJson;

    public FeedbackRequestParser(RequestJson requestJson) {
        this.requestJson = requestJson;
    }

    public List<FeedbackEntry> parse(byte[] body) {
        JsonNode feedback = requestJson.readObject(body).get("feedback");
        if (feedback == null || !feedback.isArray() || feedback.isEmpty()) {
            throw CdsException.required("feedback is required: a non-empty array of feedback entries");
        }
        if (feedback.size() > MAX_ENTRIES) {
            throw CdsException.invalid(
                    "feedback holds " + feedback.size() + " entries; at most " + MAX_ENTRIES + " in one call");
        }
        List<FeedbackEntry> entries = new ArrayList<>();
        for (int i = 0; i < feedback.size(); i++) {
            entries.add(entry(feedback.get(i), "feedback[" + i + "]"));
        }
        return List.copyOf(entries);
    }

    private static FeedbackEntry entry(JsonNode node, String where) {
        if (!node.isObject()) {
            throw CdsException.invalid(where + " must be an object");
        }
        UUID card = uuid(node.get("card"), where + ".card");
        Outcome outcome = switch (node.path("outcome").asText("")) {
            case "accepted" -> Outcome.ACCEPTED;
            case "overridden" -> Outcome.OVERRIDDEN;
            default -> throw CdsException.invalid(where + ".outcome must be accepted or overridden");
        };
        Set<UUID> accepted = acceptedSuggestions(node.get("acceptedSuggestions"), where);
        if (!accepted.isEmpty() && outcome != Outcome.ACCEPTED) {
            throw CdsException.invalid(where + ".acceptedSuggestions is only allowed when outcome is accepted");
        }
        OverrideReason overrideReason = overrideReason(node.get("overrideReason"), where);
        if (overrideReason != null && outcome != Outcome.OVERRIDDEN) {
            throw CdsException.invalid(where + ".overrideReason is only allowed when outcome is overridden");
        }
        return new FeedbackEntry(
                card,
                outcome,
                accepted,
                overrideReason,
                timestamp(node.get("outcomeTimestamp"), where + ".outcomeTimestamp"));
    }

    private static Set<UUID> acceptedSuggestions(JsonNode node, String where) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (node == null || node.isNull()) {
            return ids;
        }
        if (!node.isArray()) {
            throw CdsException.invalid(where + ".acceptedSuggestions must be an array of {\"id\": uuid}");
        }
        if (node.size() > MAX_ACCEPTED_SUGGESTIONS) {
            throw CdsException.invalid(where + ".acceptedSuggestions holds " + node.size() + " entries; at most "
                    + MAX_ACCEPTED_SUGGESTIONS);
        }
        for (int i = 0; i < node.size(); i++) {
            ids.add(uuid(node.get(i).get("id"), where + ".acceptedSuggestions[" + i + "].id"));
        }
        return ids;
    }

    private static OverrideReason overrideReason(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw CdsException.invalid(where + ".overrideReason must be an object");
        }
        JsonNode reason = node.get("reason");
        Coding coding = null;
        if (reason != null && !reason.isNull()) {
            if (!reason.path("code").isTextual() || !reason.path("system").isTextual()) {
                throw CdsException.invalid(where + ".overrideReason.reason must be a Coding with system and code");
            }
            JsonNode display = reason.get("display");
            if (display != null && !display.isNull() && !display.isTextual()) {
                throw CdsException.invalid(where + ".overrideReason.reason.display must be a string");
            }
            coding = new Coding(
                    text(
                            reason.get("system").asText(),
                            MAX_SYSTEM_LENGTH,
                            false,
                            where + ".overrideReason.reason.system"),
                    text(reason.get("code").asText(), MAX_CODE_LENGTH, false, where + ".overrideReason.reason.code"),
                    display == null || display.isNull()
                            ? null
                            : text(
                                    display.asText(),
                                    MAX_DISPLAY_LENGTH,
                                    false,
                                    where + ".overrideReason.reason.display"));
        }
        JsonNode comment = node.get("userComment");
        if (comment != null && !comment.isNull()) {
            if (!comment.isTextual()) {
                throw CdsException.invalid(where + ".overrideReason.userComment must be a string of at most "
                        + MAX_COMMENT_LENGTH + " characters");
            }
            text(comment.asText(), MAX_COMMENT_LENGTH, true, where + ".overrideReason.userComment");
        }
        return new OverrideReason(coding, comment == null || comment.isNull() ? null : comment.asText());
    }

    /**
     * The text if it fits its column and holds no control character (a comment may hold line breaks and tabs);
     * else 400 naming the field, without echoing the caller's text.
     */
    static String text(String value, int maxLength, boolean lineBreaksAllowed, String where) {
        if (value.length() > maxLength) {
            throw CdsException.invalid(where + " must be a string of at most " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            boolean control = Character.isISOControl(c) && !(lineBreaksAllowed && lineBreak);
            boolean loneSurrogate = Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c)
                            && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(++i)));
            if (control || loneSurrogate) {
                throw CdsException.invalid(where + " must not contain control characters or broken Unicode (U+"
                        + String.format("%04X", (int) c) + ")");
            }
        }
        return value;
    }

    private static UUID uuid(JsonNode node, String where) {
        UUID uuid = node != null && node.isTextual() ? Uuids.parse(node.asText()) : null;
        if (uuid == null) {
            throw CdsException.invalid(where + " is required and must be a UUID");
        }
        return uuid;
    }

    private static Instant timestamp(JsonNode node, String where) {
        if (node == null || !node.isTextual()) {
            throw CdsException.invalid(where + " is required (an ISO 8601 instant with offset)");
        }
        try {
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw CdsException.invalid(where + " must be an ISO 8601 instant with offset, e.g. 2021-12-11T10:05:31Z");
        }
    }
}
