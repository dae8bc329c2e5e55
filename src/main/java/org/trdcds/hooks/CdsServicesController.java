package org.trdcds.hooks;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trdcds.feedback.FeedbackEntry;
import org.trdcds.feedback.FeedbackStore;
import org.trdcds.hooks.HookInvocation.CardsResponse;

/** The CDS Hooks endpoints: discovery, invocation, feedback. */
@RestController
@RequestMapping(path = "/cds-services", produces = MediaType.APPLICATION_JSON_VALUE)
public class CdsServicesController {

    private static final String JSON = "application/json";
    private static final String ANY_JSON = "application/*+json";

    private final ServiceCatalog catalog;
    private final HookInvocation invocation;
    private final FeedbackRequestParser feedbackParser;
    private final FeedbackStore feedbackStore;

    public CdsServicesController(ServiceCatalog catalog, HookInvocation invocation,
                                 FeedbackRequestParser feedbackParser, FeedbackStore feedbackStore) {
        this.catalog = catalog;
        this.invocation = invocation;
        this.feedbackParser = feedbackParser;
        this.feedbackStore = feedbackStore;
    }

    @GetMapping
    public ServiceCatalog.Discovery discovery() {
        return new ServiceCatalog.Discovery(catalog.services());
    }

    @PostMapping(path = "/{id}", consumes = {JSON, ANY_JSON})
    public CardsResponse invoke(@PathVariable String id, @RequestBody(required = false) byte[] body) {
        return invocation.invoke(id, body == null ? new byte[0] : body);
    }

    @PostMapping(path = "/{id}/feedback", consumes = {JSON, ANY_JSON})
    public ResponseEntity<Void> feedback(@PathVariable String id, @RequestBody(required = false) byte[] body) {
        catalog.find(id).orElseThrow(() -> CdsException.unknownService(id));
        List<FeedbackEntry> entries = feedbackParser.parse(body == null ? new byte[0] : body);
        feedbackStore.recordFeedback(id, entries);
        return ResponseEntity.ok().build();
    }
}
