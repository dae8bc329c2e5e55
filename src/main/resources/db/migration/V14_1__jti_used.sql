-- Used JWT ids (replay guard, cds.security.replay-store=database), shared by every replica of the service.
-- jti_hash: the first 64 bits of SHA-256(issuer, newline, jti), never the jti itself; expires_at: the token's exp
-- plus the clock skew, in epoch seconds. One indexed insert per call (a unique violation is a replay); rows past
-- their expiry are deleted in the background by every replica.
CREATE TABLE jti_used (
    jti_hash   BIGINT PRIMARY KEY,
    expires_at BIGINT NOT NULL
);
CREATE INDEX jti_used_expires ON jti_used (expires_at);
