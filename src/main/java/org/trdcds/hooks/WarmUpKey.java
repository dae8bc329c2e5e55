package org.trdcds.hooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * A secret made at start-up and known only inside this process: a hook call that carries it in {@link #HEADER} is the
 * start-up warm-up rehearsing the whole HTTP path, and is answered but neither recorded (card_issued) nor counted in
 * the service's cds.* metrics (Spring's http.server.requests sees it like any call). It is never logged or exposed;
 * a call without it, or with any other value, is an ordinary call.
 */
@Component
class WarmUpKey {

    static final String HEADER = "X-Trd-Cds-Warm-Up";

    private final byte[] key;

    WarmUpKey() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        key = HexFormat.of().formatHex(random).getBytes(StandardCharsets.US_ASCII);
    }

    /** The header value for the warm-up's own calls. */
    String value() {
        return new String(key, StandardCharsets.US_ASCII);
    }

    /** True only for this process's key (compared in constant time). */
    boolean matches(String header) {
        return header != null && MessageDigest.isEqual(key, header.getBytes(StandardCharsets.US_ASCII));
    }
}
