package org.trdcds.feedback;

/** Feedback the service does not store: on a card it did not issue (not found), or naming what the card did not offer. */
public class FeedbackRefusedException extends RuntimeException {

    private final boolean unknownCard;

    FeedbackRefusedException(boolean unknownCard, String message) {
        super(message);
        this.unknownCard = unknownCard;
    }

    /** True when the card was not issued by the service the feedback was posted to (404), false for 400. */
    public boolean unknownCard() {
        return unknownCard;
    }
}
