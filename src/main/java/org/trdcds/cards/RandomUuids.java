package org.trdcds.cards;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs for cards and suggestions without {@link UUID#randomUUID()}'s shared generator.
 *
 * <p>{@code UUID.randomUUID()} draws from one JVM-wide {@code NativePRNG}: a global lock plus a read of
 * {@code /dev/urandom} per call. Under concurrent hook calls that lock was the service's most contended
 * monitor (JFR {@code jdk.JavaMonitorEnter}, 16 connections). Each thread here has its own DRBG, seeded once
 * from the operating system, so ids stay unpredictable and threads never wait on each other.
 */
final class RandomUuids {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(RandomUuids::newGenerator);

    private RandomUuids() {}

    static UUID next() {
        byte[] b = new byte[16];
        RANDOM.get().nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40); // version 4
        b[8] = (byte) ((b[8] & 0x3f) | 0x80); // IETF variant
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (b[i] & 0xff);
            lsb = (lsb << 8) | (b[i + 8] & 0xff);
        }
        return new UUID(msb, lsb);
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
