package org.trdcds.hooks;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trdcds.feedback.FeedbackStore;
import org.trdcds.feedback.FeedbackSummary;

/** What clinicians did with the cards, for governance (GET /admin/feedback-summary). */
@RestController
public class FeedbackSummaryController {

    private final FeedbackStore store;

    public FeedbackSummaryController(FeedbackStore store) {
        this.store = store;
    }

    @GetMapping("/admin/feedback-summary")
    public FeedbackSummary summary() {
        return store.summary();
    }
}
