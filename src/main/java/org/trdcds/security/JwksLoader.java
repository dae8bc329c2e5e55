package org.trdcds.security;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;

/** Reads a JWK Set from an http(s) URL (with connect/read timeouts and a size limit) or a file: URL. */
final class JwksLoader {

    private static final int SIZE_LIMIT_BYTES = 512 * 1024;

    private final int timeoutMillis;

    JwksLoader(Duration timeout) {
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
    }

    /** The public keys only, whatever the source holds. */
    JWKSet load(URI url) throws IOException, ParseException {
        JWKSet set = switch (url.getScheme()) {
            case "file" -> JWKSet.load(Path.of(url).toFile());
            case "http", "https" -> JWKSet.load(url.toURL(), timeoutMillis, timeoutMillis, SIZE_LIMIT_BYTES);
            default -> throw new IOException("unsupported JWKS URL scheme " + url.getScheme());
        };
        return set.toPublicJWKSet();
    }
}
