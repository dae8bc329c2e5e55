package org.trdcds.security;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.trdcds.security.SecurityProperties.TrustedIssuer;

/**
 * Configuration mistakes that would quietly weaken the service make it refuse to start, with one line naming the
 * setting: an issuer, jwks-url, FHIR server or audience over plain http to a host other than loopback; mode=open
 * together with trusted issuers; a file: JWKS that does not exist; an admin token of less than 32 random bytes.
 */
final class ConfigurationChecks {

    static final int ADMIN_TOKEN_BITS = 256;

    private ConfigurationChecks() {}

    /** @throws IllegalStateException naming the first setting that is wrong */
    static void check(SecurityProperties properties) {
        List<TrustedIssuer> issuers = properties.trustedIssuers();
        if (properties.mode() == SecurityProperties.Mode.OPEN && !issuers.isEmpty()) {
            fail("cds.security.mode=open together with cds.security.trusted-issuers: open switches off the JWT checks "
                    + "the issuers are configured for; remove one of them");
        }
        plainHttp("cds.security.audience-base-url", properties.audienceBaseUrl());
        for (int n = 0; n < issuers.size(); n++) {
            TrustedIssuer issuer = issuers.get(n);
            String prefix = "cds.security.trusted-issuers[" + n + "].";
            plainHttp(prefix + "issuer", issuer.issuer());
            plainHttp(prefix + "jwks-url", issuer.jwksUrl().toString());
            for (int m = 0; m < issuer.fhirServers().size(); m++) {
                plainHttp(
                        prefix + "fhir-servers[" + m + "]", issuer.fhirServers().get(m));
            }
            if ("file".equalsIgnoreCase(issuer.jwksUrl().getScheme())) {
                Path file;
                try {
                    file = Path.of(issuer.jwksUrl());
                } catch (RuntimeException e) {
                    throw new IllegalStateException(prefix + "jwks-url is not a usable file: URL");
                }
                if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                    fail(prefix + "jwks-url names a file that does not exist or cannot be read: " + file);
                }
            }
        }
        String token = properties.adminToken();
        if (token != null && randomBits(token) < ADMIN_TOKEN_BITS) {
            fail("cds.security.admin-token is too weak: use at least 32 random bytes, e.g. `openssl rand -hex 32`");
        }
    }

    /**
     * server.address: unset (every interface) or another non-loopback address is warned about loudly; a public
     * address with no trusted issuer (calls accepted from loopback only, admin guarded by loopback) refuses to start.
     */
    static void checkBinding(String serverAddress, SecurityProperties properties) {
        String address = serverAddress == null ? "" : serverAddress.strip();
        boolean unsigned = properties.trustedIssuers().isEmpty();
        if (!address.isEmpty() && loopbackHost(address)) {
            return;
        }
        java.net.InetAddress bound = null;
        if (!address.isEmpty()) {
            try {
                bound = java.net.InetAddress.getByName(address);
            } catch (java.net.UnknownHostException e) {
                fail("server.address names no address this host has: " + address);
            }
        }
        boolean everyInterface = bound == null || bound.isAnyLocalAddress();
        boolean isPublic = bound != null
                && !bound.isAnyLocalAddress()
                && !bound.isLoopbackAddress()
                && !bound.isSiteLocalAddress()
                && !bound.isLinkLocalAddress()
                && !(bound instanceof java.net.Inet6Address && (bound.getAddress()[0] & 0xfe) == 0xfc);
        if (isPublic && unsigned) {
            fail("server.address=" + address + " is a public address and no cds.security.trusted-issuers is "
                    + "configured: bind to loopback, or configure the issuers whose signed calls are accepted");
        }
        org.slf4j.LoggerFactory.getLogger(ConfigurationChecks.class)
                .warn(
                        "*** The service listens on {} (server.address" + "{}), not on loopback only: {} ***",
                        everyInterface ? "every network interface" : address,
                        everyInterface ? " unset" : "=" + address,
                        unsigned
                                ? "with no trusted issuer only loopback callers are served, but set server.address=127.0.0.1"
                                        + " unless other hosts must reach the protocol page"
                                : "make sure only the EHRs' networks can reach it");
    }

    private static void plainHttp(String setting, String url) {
        if (url == null || !url.regionMatches(true, 0, "http:", 0, 5)) {
            return;
        }
        String host;
        try {
            host = URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        if (host == null || !loopbackHost(host)) {
            fail(setting + " uses plain http to a host other than loopback (" + (host == null ? "?" : host)
                    + "): use https");
        }
    }

    static boolean loopbackHost(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.endsWith(".localhost") || LoopbackAddress.is(name);
    }

    /** What a token of this length over its alphabet can hold: 4 bits a hex digit, 6 a base64 one, 6.5 otherwise. */
    static double randomBits(String token) {
        if (token.chars().distinct().count() < 8) {
            return 0; // "aaaa...", "0101...": not random whatever the length
        }
        double perChar = token.matches("[0-9a-fA-F]+") ? 4 : token.matches("[A-Za-z0-9+/=_-]+") ? 6 : 6.5;
        return token.replace("=", "").length() * perChar;
    }

    private static void fail(String message) {
        throw new IllegalStateException(message);
    }
}
