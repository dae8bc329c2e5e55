package org.trdcds.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.samskivert.mustache.Template;
import java.util.List;
import java.util.Set;

/**
 * One topic's card template from cds-cards/&lt;topic&gt;.json, validated and compiled once at load. See
 * cds-cards/README.md for the format. {@code blocks}: the modalities a contraindication blocks ("ketamine", "tms"),
 * in file order, or none; {@code concerns}: the modality a caution concerns or null; {@code criticalWhen}: a detail
 * key that, when true, makes the card critical; {@code warningWhen}: a detail key that, when true, makes the card a
 * warning (a contraindication that blocks nothing). {@code file}: the template's file name; {@code summaryText}: the
 * summary as written (the pages show it); {@code example}: an example finding of the topic ({@code details},
 * {@code evidence}) that the golden card test renders, or null (read it, never change it).
 */
public record CardTemplate(
        String topic,
        String display,
        String indicator,
        String sourceLabel,
        String sourceUrl,
        Template summary,
        Template detail,
        List<Link> links,
        List<Reason> overrideReasons,
        String selectionBehavior,
        List<SuggestionTemplate> suggestions,
        Set<String> blocks,
        String concerns,
        String criticalWhen,
        String warningWhen,
        String file,
        String summaryText,
        JsonNode example) {

    /** @param when the detail key that must be set (not null nor false) for the link to be shown; null: always */
    public record Link(String label, String url, String when) {}

    /** An override reason a clinician may pick (system may be null). */
    public record Reason(String system, String code, String display) {}

    /**
     * @param when detail key that must be present (non-null) for the suggestion to be offered, or null
     */
    public record SuggestionTemplate(Template label, boolean recommended, String when, List<ActionTemplate> actions) {}

    /**
     * @param resource    create: the resource as a JSON template (values escaped as JSON strings)
     * @param draftOrder  update: detail key holding the draft order reference whose raw JSON is edited
     * @param edits       update: JSON path -> JSON value template
     * @param resourceIds delete: detail key holding one reference or a list of them (one action each)
     * @param rewriteFrom update: detail key of the ordered mg dose; its "N mg" in the order's free texts becomes
     * @param rewriteTo   the detail key of the suggested mg dose (PROTOCOL-v3 F: no "100 mg" beside 36 mg)
     */
    public record ActionTemplate(
            String type,
            Template description,
            Template resource,
            String draftOrder,
            List<Edit> edits,
            String resourceIds,
            String rewriteFrom,
            String rewriteTo) {}

    /** Set the JSON value rendered from {@code value} at {@code path} (pre-parsed segments: names and indexes). */
    public record Edit(List<Object> path, Template value) {}
}
