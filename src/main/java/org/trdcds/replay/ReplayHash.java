package org.trdcds.replay;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The compact key of a used jti: the first 64 bits of SHA-256(issuer, newline, jti). The same on every replica
 * (the database store shares it); neither value can be read back from it. A legitimate jti colliding with a live
 * one is about one in 10^13 at 1.3 million live entries, and forging one needs a 64-bit second preimage.
 */
final class ReplayHash {

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });

    private ReplayHash() {}

    static long of(String issuer, String jti) {
        MessageDigest digest = SHA_256.get();
        digest.update(issuer.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        return ByteBuffer.wrap(digest.digest(jti.getBytes(StandardCharsets.UTF_8)))
                .getLong();
    }
}
