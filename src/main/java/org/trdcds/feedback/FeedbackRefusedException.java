package org.trdcds.feedback;

/**
 * Feedback the service does not store: on a card it did not issue to this client (not found), naming what the card
 * did not offer (invalid), or over the client's quota (too many).
 */
public class FeedbackRefusedException extends RuntimeException {

    /** Why feedback was refused; the edge maps each to its status (404, 400, 429). */
    public enum Reason {
        UNKNOWN_CARD,
        INVALID,
        QUOTA
    }

    private final Reason reason;

    FeedbackRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    FeedbackRefusedException(boolean unknownCard, String message) {
        this(unknownCard ? Reason.UNKNOWN_CARD : Reason.INVALID, message);
    }

    public Reason reason() {
        return reason;
    }

    /** True when the card was not issued by the service (or to the client) the feedback came from (404). */
    public boolean unknownCard() {
        return reason == Reason.UNKNOWN_CARD;
    }
}
