package org.trdcds.hooks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The CDS Hooks 2.0.1 prefetch tokens: which exist, and their substitution for one call. */
public final class PrefetchTemplates {

    static final Set<String> TOKENS = Set.of("context.patientId", "context.encounterId", "context.userId",
            "userPractitionerId", "userPractitionerRoleId", "userPatientId", "userRelatedPersonId");

    private static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");

    private PrefetchTemplates() {
    }

    /** The tokens a template uses that are not 2.0.1 tokens (FHIRPath, today(), nested paths, typos). */
    static Set<String> unsupportedTokens(String template) {
        Set<String> unsupported = new java.util.TreeSet<>();
        Matcher matcher = TOKEN.matcher(template);
        while (matcher.find()) {
            if (!TOKENS.contains(matcher.group(1))) {
                unsupported.add(matcher.group(1));
            }
        }
        return unsupported;
    }

    /**
     * @return key -> query with every token filled; a template whose tokens cannot all be filled from this call
     *         (e.g. encounterId not sent) is left out
     */
    static Map<String, String> substitute(Map<String, String> templates, String patientId, String userId,
                                          String encounterId) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("context.patientId", patientId);
        values.put("context.encounterId", encounterId);
        values.put("context.userId", userId);
        values.put("userPractitionerId", idOf(userId, "Practitioner/"));
        values.put("userPractitionerRoleId", idOf(userId, "PractitionerRole/"));
        values.put("userPatientId", idOf(userId, "Patient/"));
        values.put("userRelatedPersonId", idOf(userId, "RelatedPerson/"));
        Map<String, String> queries = new LinkedHashMap<>();
        templates.forEach((key, template) -> {
            StringBuilder query = new StringBuilder();
            Matcher matcher = TOKEN.matcher(template);
            boolean complete = true;
            while (matcher.find()) {
                String value = values.get(matcher.group(1));
                complete &= value != null;
                matcher.appendReplacement(query, Matcher.quoteReplacement(value == null ? "" : value));
            }
            matcher.appendTail(query);
            if (complete) {
                queries.put(key, query.toString());
            }
        });
        return queries;
    }

    private static String idOf(String reference, String typePrefix) {
        return reference != null && reference.startsWith(typePrefix) ? reference.substring(typePrefix.length()) : null;
    }
}
