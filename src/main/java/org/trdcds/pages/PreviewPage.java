package org.trdcds.pages;

import static org.trdcds.pages.Html.esc;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.trdcds.cards.Card;
import org.trdcds.cards.CardRenderer;
import org.trdcds.cards.SourceUrls;
import org.trdcds.criteria.DecisionFactory;
import org.trdcds.criteria.Finding;
import org.trdcds.criteria.HookKind;
import org.trdcds.criteria.PatientFacts;
import org.trdcds.fhirdata.FactExtractor;
import org.trdcds.fhirdata.RecordedResources;
import org.trdcds.hooks.Hook;
import org.trdcds.knowledge.Knowledge;
import org.trdcds.security.SecurityProperties;

/**
 * {@code GET /admin/preview} (admin only): the cards of the bundled sample patients (samples/*.json, the worked
 * scenarios) as an EHR shows them, rendered on each request through the real fact extractor, decision (its clock at
 * the sample's {@code asOf}) and card renderer, with the knowledge in use: with {@code cds.knowledge.dir} set, a
 * committee sees an edited template or parameter before go-live. Nothing is recorded.
 */
@Controller
public class PreviewPage {

    private static final Logger log = LoggerFactory.getLogger(PreviewPage.class);

    private final Knowledge knowledge;
    private final DecisionFactory decisions;
    private final FactExtractor extractor;
    private final CardRenderer renderer;
    private final List<Samples.Sample> samples;
    private final String externalBaseUrl;

    /** With the external base URL of cds.security.audience-base-url (none: each request's socket). */
    @Autowired
    public PreviewPage(
            DecisionFactory decisions,
            FactExtractor extractor,
            CardRenderer renderer,
            FhirContext fhir,
            SecurityProperties security) {
        this(decisions, extractor, renderer, fhir, security.audienceBaseUrl());
    }

    public PreviewPage(
            DecisionFactory decisions,
            FactExtractor extractor,
            CardRenderer renderer,
            FhirContext fhir,
            String externalBaseUrl) {
        this.knowledge = decisions.knowledge();
        this.decisions = decisions;
        this.extractor = extractor;
        this.renderer = renderer;
        this.samples = Samples.load(fhir);
        this.externalBaseUrl = externalBaseUrl == null ? "" : externalBaseUrl.strip();
    }

    @GetMapping(path = "/admin/preview", produces = Html.CONTENT_TYPE)
    @ResponseBody
    public String preview(HttpServletRequest request) {
        String protocolUrl = SourceUrls.protocolUrl(
                externalBaseUrl.isEmpty()
                        ? SourceUrls.base(
                                request.getScheme(),
                                request.getServerName(),
                                request.getServerPort(),
                                request.getContextPath())
                        : externalBaseUrl);
        StringBuilder out = new StringBuilder("<h1>Card preview</h1><p>The cards of ")
                .append(samples.size())
                .append(" sample patients (the worked scenarios), rendered now with knowledge version <strong>")
                .append(esc(knowledge.version()))
                .append("</strong> at each sample's date, as an EHR shows them."
                        + " Nothing is recorded.</p><ul class=\"muted\">");
        samples.forEach(s -> out.append("<li><a href=\"#")
                .append(esc(s.name()))
                .append("\">")
                .append(esc(s.name()))
                .append("</a></li>"));
        out.append("</ul>");
        for (Samples.Sample sample : samples) {
            out.append(section(sample, protocolUrl));
        }
        return Html.page("Card preview", out.toString());
    }

    String section(Samples.Sample sample, String protocolUrl) {
        StringBuilder out = new StringBuilder("<section class=\"sample\" id=\"")
                .append(esc(sample.name()))
                .append("\"><h2>")
                .append(esc(sample.name()))
                .append("</h2><p class=\"muted\">")
                .append(esc(sample.hook()))
                .append(" · ")
                .append(esc(sample.service()))
                .append(" · as of ")
                .append(esc(sample.asOf()))
                .append("</p>");
        List<Card> cards;
        try {
            cards = SourceUrls.withProtocolAnchors(cards(sample), protocolUrl);
        } catch (RuntimeException e) {
            log.warn("Preview of sample {} failed: {}", sample.name(), e.toString());
            return out.append("<p class=\"error\">These cards could not be rendered (")
                    .append(esc(e.getClass().getSimpleName()))
                    .append("): check the knowledge files.</p></section>")
                    .toString();
        }
        List<String> topics = cards.stream().map(CardHtml::topic).toList();
        List<String> missing =
                sample.expected().stream().filter(t -> !topics.contains(t)).toList();
        List<String> unexpected =
                sample.excluded().stream().filter(topics::contains).toList();
        out.append("<p class=\"expect\">Scenario expects: ")
                .append(sample.expected().isEmpty() ? "no particular card" : esc(String.join(", ", sample.expected())));
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            out.append(" — <strong>differs</strong>: ")
                    .append(missing.isEmpty() ? "" : "missing " + esc(String.join(", ", missing)) + " ")
                    .append(unexpected.isEmpty() ? "" : "unexpected " + esc(String.join(", ", unexpected)));
        }
        out.append("</p>");
        if (cards.isEmpty()) {
            out.append("<p class=\"no-cards\">No cards.</p>");
        }
        cards.forEach(card -> out.append(CardHtml.of(card)));
        return out.append("</section>").toString();
    }

    /** The real path of a hook call from the record on: facts, decision at asOf, cards. */
    List<Card> cards(Samples.Sample sample) {
        HookKind kind = Hook.of(sample.hook()).map(Hook::kind).orElse(HookKind.SCREENING);
        PatientFacts facts =
                extractor.extract(RecordedResources.patientData(sample.record()), sample.draftOrders(), null);
        List<Finding> findings =
                decisions.at(Clock.fixed(sample.asOf(), ZoneOffset.UTC)).decide(facts, kind);
        return renderer.render(findings, sample.service(), sample.patientId(), sample.draftOrderJson());
    }
}
