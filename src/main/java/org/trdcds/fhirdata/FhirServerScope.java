package org.trdcds.fhirdata;

import ca.uhn.fhir.rest.client.apache.ApacheHttpRequest;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import java.net.URI;
import java.util.Locale;
import org.apache.http.client.config.RequestConfig;

/**
 * Keeps one call's fetches on its fhirServer: a request anywhere else (same scheme, host and port, a path under the
 * base path) is aborted before it is sent, so {@code Authorization: Bearer <fhirAuthorization.access_token>}, added
 * here only, never leaves for another host whatever a next link says; and every request carries the loader's
 * timeouts with redirects off, so a 3xx answer is a failed fetch (412), never followed with the token.
 */
final class FhirServerScope implements IClientInterceptor {

    private final String token;
    private final URI base;
    private final RequestConfig requestConfig;

    /**
     * @param token         fhirAuthorization.access_token, or null
     * @param requestConfig timeouts, redirects off: set on every request, whichever HTTP client sends it
     */
    FhirServerScope(String token, String fhirServer, RequestConfig requestConfig) {
        this.token = token;
        this.base = URI.create(fhirServer.replaceAll("/+$", ""));
        this.requestConfig = requestConfig;
    }

    /** Never throws (HAPI logs an interceptor's exception as an ERROR): a request it refuses is aborted unsent. */
    @Override
    public void interceptRequest(IHttpRequest request) {
        if (!(request instanceof ApacheHttpRequest apache)) {
            throw new IllegalStateException("the FHIR client sends Apache HttpClient requests");
        }
        apache.getApacheRequest().setConfig(requestConfig);
        if (!inside(base, request.getUri())) {
            apache.getApacheRequest().abort(); // fails as "connection failed", before any byte is sent
            return;
        }
        if (token != null) {
            request.addHeader("Authorization", "Bearer " + token);
        }
    }

    /** A 3xx reaches HAPI unfollowed, which fails the fetch with its status (FetchFailure: "answered HTTP 3xx"). */
    @Override
    public void interceptResponse(IHttpResponse response) {
        // nothing to do
    }

    static boolean inside(URI base, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return lower(base.getScheme()).equals(lower(uri.getScheme()))
                && lower(base.getHost()).equals(lower(uri.getHost()))
                && port(base) == port(uri)
                && uri.getRawUserInfo() == null
                && (path.equals(basePath) || path.startsWith(basePath + "/"))
                && !path.contains("/../");
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
