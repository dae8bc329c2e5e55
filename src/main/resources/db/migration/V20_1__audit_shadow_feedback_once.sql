-- Go-live audit (issue 20) and feedback hardening (issue 19, F5).
-- card_issued gains what a case review needs: the patient link (an HMAC of the FHIR patient id by default, the id
-- itself only with cds.audit.patient-link=plain, nothing with none), the hook, the encounter link (same treatment),
-- the indicator as issued, the knowledge version, whether the card was shown (live) or only recorded (shadow), and
-- the client it was issued to (the JWT issuer, or 'loopback'): feedback is accepted only from that client.
ALTER TABLE card_issued ADD COLUMN patient_link VARCHAR(200);
ALTER TABLE card_issued ADD COLUMN hook VARCHAR(40);
ALTER TABLE card_issued ADD COLUMN encounter_link VARCHAR(200);
ALTER TABLE card_issued ADD COLUMN indicator VARCHAR(20);
ALTER TABLE card_issued ADD COLUMN knowledge_version VARCHAR(40);
ALTER TABLE card_issued ADD COLUMN shadow BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE card_issued ADD COLUMN client VARCHAR(500);
CREATE INDEX card_issued_at ON card_issued (issued_at);
CREATE INDEX card_issued_shadow_topic ON card_issued (shadow, topic);

-- One outcome per issued card: the latest feedback replaces an earlier one (docs/configuration.md says why).
-- Earlier duplicates are removed, keeping each card's latest row.
DELETE FROM feedback_accepted_suggestion WHERE feedback_id IN (
    SELECT f.id FROM feedback f WHERE EXISTS (
        SELECT 1 FROM feedback g WHERE g.card_uuid = f.card_uuid
        AND (g.received_at > f.received_at OR (g.received_at = f.received_at AND g.id > f.id))));
DELETE FROM feedback f WHERE EXISTS (
    SELECT 1 FROM feedback g WHERE g.card_uuid = f.card_uuid
    AND (g.received_at > f.received_at OR (g.received_at = f.received_at AND g.id > f.id)));
DROP INDEX feedback_card_fingerprint;
DROP INDEX feedback_card;
CREATE UNIQUE INDEX feedback_one_per_card ON feedback (card_uuid);

-- The audit key (HMAC) when none is configured: generated once, shared by every replica on this database.
CREATE TABLE audit_key (
    id  INT PRIMARY KEY,
    key_hex VARCHAR(128) NOT NULL
);

-- One purge at a time across replicas: a lease row taken with a conditional update.
CREATE TABLE audit_purge_lease (
    name        VARCHAR(40) PRIMARY KEY,
    holder      VARCHAR(100),
    lease_until TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO audit_purge_lease (name, holder, lease_until) VALUES ('card_issued', NULL, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
