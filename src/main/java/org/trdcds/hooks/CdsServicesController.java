package org.trdcds.hooks;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trdcds.feedback.CardFeedback;
import org.trdcds.feedback.FeedbackEntry;
import org.trdcds.feedback.FeedbackRefusedException;

/** The CDS Hooks endpoints: discovery, invocation, feedback. */
@RestController
@RequestMapping(path = "/cds-services", produces = MediaType.APPLICATION_JSON_VALUE)
public class CdsServicesController {

    private static final String JSON = "application/json";
    private static final String ANY_JSON = "application/*+json";

    private final ServiceCatalog catalog;
    private final FeedbackRequestParser feedbackParser;
    private final CardFeedback cardFeedback;
    private final HookCalls hookCalls;

    public CdsServicesController(
            ServiceCatalog catalog,
            FeedbackRequestParser feedbackParser,
            CardFeedback cardFeedback,
            HookCalls hookCalls) {
        this.catalog = catalog;
        this.feedbackParser = feedbackParser;
        this.cardFeedback = cardFeedback;
        this.hookCalls = hookCalls;
    }

    @GetMapping
    public ServiceCatalog.Discovery discovery() {
        return new ServiceCatalog.Discovery(catalog.services());
    }

    /**
     * The hook call, for the requests {@link HookCalls} leaves to Spring MVC (it answers the usual ones from the
     * filter chain); the same answer either way.
     */
    @PostMapping(
            path = "/{id}",
            consumes = {JSON, ANY_JSON})
    public void invoke(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        hookCalls.writeCards(
                response, hookCalls.cards(id, request.getInputStream().readAllBytes(), request));
    }

    /**
     * Feedback on cards this service issued (404 for any other card, 400 when it names a reason or suggestion the
     * card did not offer); identical feedback posted again is 200 and stored once.
     */
    @PostMapping(
            path = "/{id}/feedback",
            consumes = {JSON, ANY_JSON})
    public ResponseEntity<Void> feedback(
            @PathVariable String id, @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        catalog.find(id).orElseThrow(() -> CdsException.unknownService(id));
        List<FeedbackEntry> entries = feedbackParser.parse(body == null ? new byte[0] : body);
        try {
            cardFeedback.record(id, HookCalls.client(request), entries);
        } catch (FeedbackRefusedException e) {
            throw switch (e.reason()) {
                case UNKNOWN_CARD -> new CdsException(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
                case QUOTA -> new CdsException(HttpStatus.TOO_MANY_REQUESTS, "throttled", e.getMessage());
                case INVALID -> CdsException.invalid(e.getMessage());
            };
        }
        return ResponseEntity.ok().build();
    }
}
