package org.trdcds.hooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
    private final WarmUpKey warmUpKey;
    private final ObjectWriter cardsWriter;

    public CdsServicesController(ServiceCatalog catalog, HookInvocation invocation,
                                 FeedbackRequestParser feedbackParser, FeedbackStore feedbackStore,
                                 WarmUpKey warmUpKey, ObjectMapper objectMapper) {
        this.catalog = catalog;
        this.invocation = invocation;
        this.feedbackParser = feedbackParser;
        this.feedbackStore = feedbackStore;
        this.warmUpKey = warmUpKey;
        this.cardsWriter = objectMapper.writerFor(CardsResponse.class);
    }

    @GetMapping
    public ServiceCatalog.Discovery discovery() {
        return new ServiceCatalog.Discovery(catalog.services());
    }

    /**
     * The hook call. The body is read and the answer written here, once each and with a Content-Length (one write to
     * the socket), rather than through Spring's message converters: this is the hot path.
     */
    @PostMapping(path = "/{id}", consumes = {JSON, ANY_JSON})
    public void invoke(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        byte[] body = CdsRequestFilter.body(request);
        CardsResponse cards = warmUpKey.matches(request.getHeader(WarmUpKey.HEADER))
                ? invocation.rehearse(id, body)
                : invocation.invoke(id, body);
        byte[] json = cardsWriter.writeValueAsBytes(cards);
        response.setContentType(JSON);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    @PostMapping(path = "/{id}/feedback", consumes = {JSON, ANY_JSON})
    public ResponseEntity<Void> feedback(@PathVariable String id, @RequestBody(required = false) byte[] body) {
        catalog.find(id).orElseThrow(() -> CdsException.unknownService(id));
        List<FeedbackEntry> entries = feedbackParser.parse(body == null ? new byte[0] : body);
        feedbackStore.recordFeedback(id, entries);
        return ResponseEntity.ok().build();
    }
}
