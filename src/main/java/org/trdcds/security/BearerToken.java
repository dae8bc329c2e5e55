package org.trdcds.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/** The credential of an {@code Authorization: Bearer <credential>} header. */
final class BearerToken {

    private static final String SCHEME = "Bearer ";

    private BearerToken() {}

    static Optional<String> of(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String credential = header.substring(SCHEME.length()).strip();
        return credential.isEmpty() ? Optional.empty() : Optional.of(credential);
    }
}
