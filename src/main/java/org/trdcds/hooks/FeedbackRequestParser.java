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
            throw CdsException.invalid("feedback holds " + feedback.size() + " entries; at most " + MAX_ENTRIES
                    + " in one call");
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
        return new FeedbackEntry(card, outcome, accepted, overrideReason,
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
            coding = new Coding(reason.get("system").asText(), reason.get("code").asText(),
                    reason.path("display").isTextual() ? reason.get("display").asText() : null);
        }
        JsonNode comment = node.get("userComment");
        if (comment != null && !comment.isNull()
                && (!comment.isTextual() || comment.asText().length() > MAX_COMMENT_LENGTH)) {
            throw CdsException.invalid(where + ".overrideReason.userComment must be a string of at most "
                    + MAX_COMMENT_LENGTH + " characters");
        }
        return new OverrideReason(coding, comment == null || comment.isNull() ? null : comment.asText());
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
