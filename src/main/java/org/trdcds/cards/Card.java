package org.trdcds.cards;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;

/** CDS Hooks 2.0 card and its parts, serialised as-is by Jackson (nulls omitted). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Card(
        String uuid,
        String summary,
        String detail,
        String indicator,
        Source source,
        List<Suggestion> suggestions,
        String selectionBehavior,
        List<Coding> overrideReasons,
        List<Link> links) {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Source(String label, String url, String icon, Coding topic) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Coding(String system, String code, String display) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Suggestion(String label, String uuid, Boolean isRecommended, List<Action> actions) {}

    /** resource is raw FHIR JSON (already serialised); resourceId is "Type/id" for delete. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Action(
            String type, String description, @JsonRawValue String resource, String resourceId) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Link(String label, String url, String type, String appContext) {}
}
