package org.trdcds.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The configured admin token, compared in constant time (digests of equal length, MessageDigest.isEqual). */
final class AdminCredential {

    private final byte[] expectedDigest;

    AdminCredential(String token) {
        this.expectedDigest = digest(token);
    }

    boolean matches(String presented) {
        return MessageDigest.isEqual(expectedDigest, digest(presented));
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
