package org.trdcds.cards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.trdcds.criteria.Finding;
import org.trdcds.knowledge.CardTemplate;
import org.trdcds.knowledge.CardTemplates;
import org.trdcds.knowledge.JsonPath;
import org.trdcds.knowledge.Knowledge;

/**
 * Renders findings with the templates of cds-cards/ (loaded and compiled once by the knowledge package). Every card gets a fresh uuid,
 * states the knowledge version, and carries source.topic; patient-derived text is escaped for Markdown.
 */
@Component
public class TemplateCardRenderer implements CardRenderer {

    static final String TOPIC_SYSTEM = "https://fhir.trd-cds-hooks.org/CodeSystem/card-topics";
    static final int MAX_SUMMARY = 139;

    private static final Logger log = LoggerFactory.getLogger(TemplateCardRenderer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Knowledge knowledge;
    private final Map<String, Prepared> templates = new HashMap<>();
    private final Phrases phrases;

    public TemplateCardRenderer(Knowledge knowledge, CardTemplates templates) {
        this.knowledge = knowledge;
        templates.all().forEach(t -> this.templates.put(t.topic(), Prepared.of(t)));
        this.phrases = Phrases.of(knowledge.phrases());
    }

    /** Topics that have a template. */
    Set<String> topics() {
        return templates.keySet();
    }

    /** A template with its links and override reasons as card parts, made once. */
    private record Prepared(CardTemplate template, List<Card.Link> links, List<Card.Coding> overrideReasons) {

        static Prepared of(CardTemplate t) {
            return new Prepared(
                    t,
                    t.links().stream()
                            .map(l -> new Card.Link(l.label(), l.url(), "absolute", null))
                            .toList(),
                    t.overrideReasons().stream()
                            .map(r -> new Card.Coding(r.system(), r.code(), r.display()))
                            .toList());
        }

        /** The links to show: a link whose {@code when} names a detail key is shown only when that value is set. */
        List<Card.Link> linksFor(Map<String, Object> details) {
            if (template.links().stream().allMatch(l -> l.when() == null)) {
                return links;
            }
            List<Card.Link> shown = new ArrayList<>();
            for (int i = 0; i < links.size(); i++) {
                String when = template.links().get(i).when();
                Object value = when == null ? Boolean.TRUE : details.get(when);
                if (value != null && !Boolean.FALSE.equals(value)) {
                    shown.add(links.get(i));
                }
            }
            return shown;
        }
    }

    @Override
    public List<Card> render(
            List<Finding> findings, String serviceId, String patientId, Map<String, String> draftOrders) {
        List<Card> cards = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            Prepared template = templates.get(finding.topic());
            if (template == null) {
                throw new IllegalStateException("no card template for topic " + finding.topic());
            }
            cards.add(render(template, finding, patientId, draftOrders));
        }
        cards.sort(Comparator.comparingInt(card -> rank(card.indicator())));
        return cards;
    }

    private Card render(Prepared prepared, Finding finding, String patientId, Map<String, String> draftOrders) {
        CardTemplate t = prepared.template();
        Map<String, Object> details = phrases.details(finding.details());
        Map<String, Object> context = new HashMap<>(details);
        context.put("knowledgeVersion", knowledge.version());
        context.put(AnyRow.KEY, AnyRow.of(details));
        List<Card.Suggestion> suggestions = new ArrayList<>();
        for (CardTemplate.SuggestionTemplate s : t.suggestions()) {
            if (s.when() != null && details.get(s.when()) == null) {
                continue;
            }
            Map<String, Object> actionContext = new HashMap<>(context);
            actionContext.put("patientId", patientId);
            List<Card.Action> actions = new ArrayList<>();
            for (CardTemplate.ActionTemplate a : s.actions()) {
                actions.addAll(actions(a, actionContext, draftOrders));
            }
            if (!actions.isEmpty()) {
                suggestions.add(new Card.Suggestion(s.label().execute(context), uuid(), s.recommended(), actions));
            }
        }
        String indicator = t.criticalWhen() != null && Boolean.TRUE.equals(details.get(t.criticalWhen()))
                ? "critical"
                : t.warningWhen() != null && Boolean.TRUE.equals(details.get(t.warningWhen()))
                        ? "warning"
                        : t.indicator();
        return new Card(
                uuid(),
                summary(t.summary().execute(context)),
                t.detail().execute(context),
                indicator,
                new Card.Source(
                        t.sourceLabel(), t.sourceUrl(), null, new Card.Coding(TOPIC_SYSTEM, t.topic(), t.display())),
                suggestions,
                suggestions.isEmpty() ? null : t.selectionBehavior(),
                prepared.overrideReasons(),
                prepared.linksFor(details));
    }

    private List<Card.Action> actions(
            CardTemplate.ActionTemplate a, Map<String, Object> context, Map<String, String> draftOrders) {
        return switch (a.type()) {
            case "create" ->
                List.of(new Card.Action(
                        "create", a.description().execute(context), a.resource().execute(context), null));
            case "update" -> update(a, context, draftOrders);
            case "delete" -> delete(a, context);
            default -> throw new IllegalStateException("unknown action type " + a.type());
        };
    }

    /** Edits the draft order's own JSON: the EHR gets back its resource with only the suggested fields changed. */
    private List<Card.Action> update(
            CardTemplate.ActionTemplate a, Map<String, Object> context, Map<String, String> draftOrders) {
        Object ref = context.get(a.draftOrder());
        String raw = ref == null ? null : draftOrders.get(ref.toString());
        if (raw == null) {
            return List.of();
        }
        try {
            ObjectNode resource = (ObjectNode) JSON.readTree(raw);
            for (CardTemplate.Edit edit : a.edits()) {
                JsonNode value = JSON.readTree(edit.value().execute(context));
                JsonPath.set(resource, edit.path(), value);
            }
            DoseText.rewrite(
                    resource,
                    context.get(a.rewriteFrom() == null ? "" : a.rewriteFrom()),
                    context.get(a.rewriteTo() == null ? "" : a.rewriteTo()));
            return List.of(new Card.Action(
                    "update", a.description().execute(context), JSON.writeValueAsString(resource), null));
        } catch (JsonProcessingException | ClassCastException e) {
            log.warn(
                    "update suggestion skipped: the draft order or an edit is not usable JSON ({})",
                    e.getClass().getSimpleName());
            return List.of();
        }
    }

    private static List<Card.Action> delete(CardTemplate.ActionTemplate a, Map<String, Object> context) {
        Object ids = context.get(a.resourceIds());
        Collection<?> refs = ids instanceof Collection<?> c ? c : ids == null ? List.of() : List.of(ids);
        List<Card.Action> actions = new ArrayList<>(refs.size());
        for (Object ref : refs) {
            if (ref == null) {
                continue; // nothing to delete without a resource id (found by fuzzing)
            }
            Map<String, Object> one = new HashMap<>(context);
            one.put("resourceId", ref);
            actions.add(new Card.Action("delete", a.description().execute(one), null, ref.toString()));
        }
        return actions;
    }

    /** critical first, then warning, then info (a stable sort keeps the decision's order within each). */
    private static int rank(String indicator) {
        return switch (indicator) {
            case "critical" -> 0;
            case "warning" -> 1;
            default -> 2;
        };
    }

    /** Plain text on one line, shorter than 140 characters, cut between words. */
    static String summary(String rendered) {
        String line = rendered.replace('\n', ' ').replace('\r', ' ').trim();
        if (line.length() <= MAX_SUMMARY) {
            return line;
        }
        // never inside a word or a code description (PROTOCOL-v3 F): cut at the last space that fits, before any
        // parenthesis the cut would leave open, and drop dangling punctuation
        String cut = line.substring(0, MAX_SUMMARY - 1);
        int space = cut.lastIndexOf(' ');
        if (space > 0) {
            cut = cut.substring(0, space);
        }
        int open = cut.lastIndexOf('(');
        if (open > 0 && cut.indexOf(')', open) < 0) {
            cut = cut.substring(0, open);
        }
        cut = cut.replaceAll("[\\s,;:—(–-]+$", "");
        return cut + "…";
    }

    private static String uuid() {
        return RandomUuids.next().toString();
    }
}
