-- Cards the service issued and the feedback clinicians gave on them, linked by card uuid.
-- No patient identifiers anywhere. No foreign key from feedback to card_issued: issued cards are written
-- asynchronously and feedback on a card issued before the store existed is still worth keeping.
CREATE TABLE card_issued (
    card_uuid     UUID PRIMARY KEY,
    service_id    VARCHAR(100) NOT NULL,
    topic         VARCHAR(100),
    hook_instance UUID NOT NULL,
    issued_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX card_issued_topic ON card_issued (topic);

CREATE TABLE feedback (
    id                UUID PRIMARY KEY,
    card_uuid         UUID NOT NULL,
    service_id        VARCHAR(100) NOT NULL,
    outcome           VARCHAR(20) NOT NULL CHECK (outcome IN ('accepted', 'overridden')),
    override_system   VARCHAR(500),
    override_code     VARCHAR(200),
    override_display  VARCHAR(500),
    user_comment      VARCHAR(4000),
    outcome_timestamp TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX feedback_card ON feedback (card_uuid);

CREATE TABLE feedback_accepted_suggestion (
    feedback_id     UUID NOT NULL REFERENCES feedback (id),
    suggestion_uuid UUID NOT NULL,
    PRIMARY KEY (feedback_id, suggestion_uuid)
);
