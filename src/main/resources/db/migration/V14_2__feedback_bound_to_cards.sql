-- Feedback is accepted only for a card the service issued, naming what that card offered: card_issued keeps the
-- card's suggestion uuids (comma-separated) and override reasons (system|code, one per line). Identical feedback
-- is stored once: its fingerprint (SHA-256 of the entry) is unique per card.
ALTER TABLE card_issued ADD COLUMN suggestions VARCHAR(4000);
ALTER TABLE card_issued ADD COLUMN override_reasons VARCHAR(4000);
ALTER TABLE feedback ADD COLUMN fingerprint VARCHAR(64);
CREATE UNIQUE INDEX feedback_card_fingerprint ON feedback (card_uuid, fingerprint);
