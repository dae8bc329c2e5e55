package org.trdcds.replay;

import java.time.Instant;

/**
 * Remembers which (issuer, jti) pairs were used, each for as long as its token can still be accepted, so that a
 * token is accepted once. Never forgets a live entry: when it cannot remember one more it says so
 * ({@link Unavailable}), and the call is refused (503) rather than a replay let through.
 */
public interface ReplayStore {

    /**
     * Records the use of a jti.
     *
     * @param expiresAt the token's exp; the entry is kept until exp plus the clock skew
     * @return true the first time, false when this jti of this issuer was already used and may still be valid
     * @throws Unavailable when the store is full of live entries or its database cannot be reached
     */
    boolean firstUse(String issuer, String jti, Instant expiresAt);

    /** The store cannot decide now (full, or its database is down): refuse the call as temporarily unavailable. */
    final class Unavailable extends RuntimeException {

        public Unavailable(String reason, Throwable cause) {
            super(reason, cause, false, false);
        }
    }
}
