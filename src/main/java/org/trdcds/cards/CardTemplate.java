package org.trdcds.cards;

import com.samskivert.mustache.Template;
import java.util.List;

/**
 * One topic's card template from cds-cards/&lt;topic&gt;.json, compiled once. See cds-cards/README.md for the format.
 * {@code blocks}: the modality a contraindication blocks ("ketamine", "tms") or null; {@code concerns}: the modality a
 * caution concerns or null; {@code criticalWhen}: a detail key that, when true, makes the card critical;
 * {@code warningWhen}: a detail key that, when true, makes the card a warning (a contraindication that blocks nothing).
 * {@code linkWhen}: per link, the detail key that must be set for it to be shown (null: always).
 */
record CardTemplate(
        String topic,
        String display,
        String indicator,
        String sourceLabel,
        String sourceUrl,
        Template summary,
        Template detail,
        List<Card.Link> links,
        List<Card.Coding> overrideReasons,
        String selectionBehavior,
        List<SuggestionTemplate> suggestions,
        java.util.Set<org.trdcds.criteria.Modality> blocks,
        org.trdcds.criteria.Modality concerns,
        String criticalWhen,
        String warningWhen,
        List<String> linkWhen) {

    /** The links to show: a link whose {@code when} names a detail key is shown only when that value is set (not null nor false). */
    List<Card.Link> linksFor(java.util.Map<String, Object> details) {
        if (linkWhen == null || linkWhen.stream().allMatch(java.util.Objects::isNull)) {
            return links;
        }
        List<Card.Link> shown = new java.util.ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            String when = i < linkWhen.size() ? linkWhen.get(i) : null;
            Object value = when == null ? Boolean.TRUE : details.get(when);
            if (value != null && !Boolean.FALSE.equals(value)) {
                shown.add(links.get(i));
            }
        }
        return shown;
    }

    /**
     * @param when detail key that must be present (non-null) for the suggestion to be offered, or null
     */
    record SuggestionTemplate(Template label, boolean recommended, String when, List<ActionTemplate> actions) {}

    /**
     * @param resource    create: the resource as a JSON template (values escaped as JSON strings)
     * @param draftOrder  update: detail key holding the draft order reference whose raw JSON is edited
     * @param edits       update: JSON path -> JSON value template
     * @param resourceIds delete: detail key holding one reference or a list of them (one action each)
     * @param rewriteFrom update: detail key of the ordered mg dose; its "N mg" in the order's free texts becomes
     * @param rewriteTo   the detail key of the suggested mg dose (PROTOCOL-v3 F: no "100 mg" beside 36 mg)
     */
    record ActionTemplate(
            String type,
            Template description,
            Template resource,
            String draftOrder,
            List<Edit> edits,
            String resourceIds,
            String rewriteFrom,
            String rewriteTo) {

        ActionTemplate(
                String type,
                Template description,
                Template resource,
                String draftOrder,
                List<Edit> edits,
                String resourceIds) {
            this(type, description, resource, draftOrder, edits, resourceIds, null, null);
        }
    }

    /** Set the JSON value rendered from {@code value} at {@code path} (pre-parsed segments: names and indexes). */
    record Edit(List<Object> path, Template value) {}
}
