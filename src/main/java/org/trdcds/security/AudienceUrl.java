package org.trdcds.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The URL a CDS client called, which its JWT's {@code aud} must name: cds.security.audience-base-url plus the path
 * inside the application, never anything the caller sends in Host or forwarded headers. Scheme and host compare
 * case-insensitively and a default port (80 for http, 443 for https) may be written or left out; the path compares
 * exactly.
 */
final class AudienceUrl {

    private final String baseUrl;

    /** @param baseUrl the service's external base URL (cds.security.audience-base-url) */
    AudienceUrl(String baseUrl) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    String of(HttpServletRequest request) {
        return baseUrl
                + request.getRequestURI().substring(request.getContextPath().length());
    }

    static boolean same(String audience, String expected) {
        String normalized = normalize(audience);
        return normalized != null && normalized.equals(normalize(expected));
    }

    private static String normalize(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort =
                    port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port)
                    + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
