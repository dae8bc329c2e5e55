package org.trdcds.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An absolute http(s) base URL in one canonical spelling: scheme and host in lower case, the default port (80, 443)
 * left out, no trailing slash. URLs with user info, a query or a fragment are not base URLs.
 */
final class BaseUrl {

    private BaseUrl() {}

    /** The canonical spelling, or null when the text is not an absolute http(s) base URL. */
    static String normalize(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!("http".equals(scheme) || "https".equals(scheme))
                    || uri.getHost() == null
                    || uri.getRawUserInfo() != null
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort =
                    port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
