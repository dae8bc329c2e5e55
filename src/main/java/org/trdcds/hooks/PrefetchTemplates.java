package org.trdcds.hooks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CDS Hooks 2.0.1 prefetch tokens: which exist, and a service's templates compiled once (at start-up) into
 * literal text and tokens, so that filling them for a call is concatenation, not pattern matching.
 */
public final class PrefetchTemplates {

    static final Set<String> TOKENS = Set.of(
            "context.patientId",
            "context.encounterId",
            "context.userId",
            "userPractitionerId",
            "userPractitionerRoleId",
            "userPatientId",
            "userRelatedPersonId");

    private static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");

    /** key -> parts: a literal (text) or a token (its name); a template with an unknown token can never be filled. */
    private final Map<String, List<Part>> templates;

    private PrefetchTemplates(Map<String, List<Part>> templates) {
        this.templates = templates;
    }

    /** The tokens a template uses that are not 2.0.1 tokens (FHIRPath, today(), nested paths, typos). */
    static Set<String> unsupportedTokens(String template) {
        Set<String> unsupported = new TreeSet<>();
        Matcher matcher = TOKEN.matcher(template);
        while (matcher.find()) {
            if (!TOKENS.contains(matcher.group(1))) {
                unsupported.add(matcher.group(1));
            }
        }
        return unsupported;
    }

    /** Compiles key -> template (the prefetch of a service's catalog entry). */
    static PrefetchTemplates of(Map<String, String> templates) {
        Map<String, List<Part>> compiled = new LinkedHashMap<>();
        templates.forEach((key, template) -> {
            List<Part> parts = new ArrayList<>();
            Matcher matcher = TOKEN.matcher(template);
            int literalStart = 0;
            while (matcher.find()) {
                if (matcher.start() > literalStart) {
                    parts.add(new Part(template.substring(literalStart, matcher.start()), null));
                }
                parts.add(new Part(null, matcher.group(1)));
                literalStart = matcher.end();
            }
            if (literalStart < template.length()) {
                parts.add(new Part(template.substring(literalStart), null));
            }
            compiled.put(key, List.copyOf(parts));
        });
        return new PrefetchTemplates(compiled);
    }

    /**
     * @return key -> query with every token filled; a template whose tokens cannot all be filled from this call
     *         (e.g. encounterId not sent) is left out
     */
    Map<String, String> substitute(String patientId, String userId, String encounterId) {
        Map<String, String> queries = new LinkedHashMap<>();
        templates.forEach((key, parts) -> {
            StringBuilder query = new StringBuilder(64);
            for (Part part : parts) {
                String value =
                        part.token() == null ? part.literal() : value(part.token(), patientId, userId, encounterId);
                if (value == null) {
                    return;
                }
                query.append(value);
            }
            queries.put(key, query.toString());
        });
        return queries;
    }

    private static String value(String token, String patientId, String userId, String encounterId) {
        return switch (token) {
            case "context.patientId" -> patientId;
            case "context.encounterId" -> encounterId;
            case "context.userId" -> userId;
            case "userPractitionerId" -> idOf(userId, "Practitioner/");
            case "userPractitionerRoleId" -> idOf(userId, "PractitionerRole/");
            case "userPatientId" -> idOf(userId, "Patient/");
            case "userRelatedPersonId" -> idOf(userId, "RelatedPerson/");
            default -> null;
        };
    }

    private static String idOf(String reference, String typePrefix) {
        return reference != null && reference.startsWith(typePrefix) ? reference.substring(typePrefix.length()) : null;
    }

    private record Part(String literal, String token) {}
}
