package org.trdcds.security;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.trdcds.edge.LogText;
import org.trdcds.edge.Refusals;
import org.trdcds.replay.ReplayStore;

/**
 * Guards /cds-services/** (CDS client JWT, or loopback only when no issuer is trusted, or nothing in
 * open mode) and /admin/**, /actuator/** except /actuator/health/** (admin token, or loopback only
 * when none is configured). CORS preflights and other paths pass. A refusal is a 401 with an
 * OperationOutcome that gives no reason; the reason is logged without any credential. When the replay store cannot
 * record a jti (full, or its database unreachable) the call is refused with 503 and Retry-After, never let through.
 */
final class CdsAuthenticationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CdsAuthenticationFilter.class);
    private static final byte[] UNAUTHORIZED_BODY = """
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"login",\
            "diagnostics":"authentication failed"}]}""".getBytes(StandardCharsets.UTF_8);
    private static final byte[] UNAVAILABLE_BODY = """
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"transient",\
            "diagnostics":"the token could not be checked for replay now; retry later"}]}""".getBytes(StandardCharsets.UTF_8);

    private static final String TOO_MANY = CdsAuthenticationFilter.class.getName() + ".tooMany";
    private static final byte[] TOO_MANY_BODY = """
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"throttled",\
            "diagnostics":"too many failed admin authentications from this address; retry later"}]}""".getBytes(StandardCharsets.UTF_8);

    private final boolean open;
    private final Optional<JwtVerifier> verifier;
    private final Optional<AudienceUrl> audienceUrl;
    private final Optional<AdminCredential> adminCredential;
    private final Refusals refusals;
    private volatile AdminFailures adminFailures;
    private volatile java.util.Set<String> loopbackHostNames;

    /** With refusals counted in a registry of its own (for tests of the filter alone). */
    CdsAuthenticationFilter(SecurityProperties properties, Clock clock) {
        this(properties, clock, new Refusals(new SimpleMeterRegistry()));
    }

    CdsAuthenticationFilter(SecurityProperties properties, Clock clock, Refusals refusals) {
        this(properties, clock, refusals, null, null);
    }

    /** With this replay store and token lifetime cap (a null store: a process-local one, and cds.security.max-token-lifetime). */
    CdsAuthenticationFilter(
            SecurityProperties properties,
            Clock clock,
            Refusals refusals,
            ReplayStore replayStore,
            java.time.Duration maxTokenLifetime) {
        this.refusals = refusals;
        this.open = properties.mode() == SecurityProperties.Mode.OPEN;
        this.verifier = properties.trustedIssuers().isEmpty()
                ? Optional.empty()
                : Optional.of(
                        replayStore == null
                                ? new JwtVerifier(properties, clock)
                                : new JwtVerifier(properties, clock, replayStore, maxTokenLifetime));
        this.audienceUrl = Optional.ofNullable(properties.audienceBaseUrl()).map(AudienceUrl::new);
        this.adminCredential = Optional.ofNullable(properties.adminToken()).map(AdminCredential::new);
        adminFailuresPerMinute(properties.adminFailuresPerMinute());
        loopbackHostNames(properties.loopbackHostNames());
    }

    /** Failed admin authentications allowed per peer and minute (cds.security.admin-failures-per-minute). */
    void adminFailuresPerMinute(int perMinute) {
        this.adminFailures = new AdminFailures(perMinute);
    }

    /** Every trusted issuer's keys; none in loopback-only mode. */
    java.util.List<IssuerKeys> issuerKeys() {
        return verifier.map(JwtVerifier::issuerKeys).orElse(java.util.List.of());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean allowed;
        try {
            allowed = CorsUtils.isPreFlightRequest(request)
                    || switch (ProtectedArea.of(request)) {
                        case CDS -> cdsClientAllowed(request);
                        case ADMIN -> adminAllowed(request);
                        case PUBLIC -> true;
                    };
        } catch (ReplayStore.Unavailable e) {
            log.warn(
                    "Refused {} {} with 503: {}",
                    LogText.of(request.getMethod()),
                    LogText.of(request.getRequestURI()),
                    e.getMessage());
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader(HttpHeaders.CONNECTION, "close"); // the body is never read (see UnreadBodyValve)
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(UNAVAILABLE_BODY);
            return;
        }
        if (allowed) {
            chain.doFilter(request, response);
        } else if (request.getAttribute(TOO_MANY) != null) {
            response.setStatus(429);
            response.setHeader(HttpHeaders.CONNECTION, "close");
            response.setHeader(HttpHeaders.RETRY_AFTER, "60");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(TOO_MANY_BODY);
        } else {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader(HttpHeaders.CONNECTION, "close"); // the body is never read (see UnreadBodyValve)
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(UNAUTHORIZED_BODY);
        }
    }

    private boolean cdsClientAllowed(HttpServletRequest request) {
        if (open) {
            return true;
        }
        if (verifier.isEmpty()) {
            return loopbackAllowed(request, "no trusted issuer is configured");
        }
        Optional<String> token = BearerToken.of(request);
        if (token.isEmpty()) {
            return refused(request, "no bearer token", null, null);
        }
        try {
            AuthenticatedClient client =
                    verifier.get().verify(token.get(), audienceUrl.orElseThrow().of(request));
            request.setAttribute(AuthenticatedClient.ATTRIBUTE, client);
            log.debug(
                    "Accepted CDS client {} on {} {}",
                    LogText.of(client.issuer()),
                    request.getMethod(),
                    LogText.of(request.getRequestURI()));
            return true;
        } catch (AuthenticationFailure failure) {
            return refused(request, failure.reason(), failure.issuer(), failure.keyId());
        }
    }

    private boolean adminAllowed(HttpServletRequest request) {
        String peer = peerAddress(request);
        AdminFailures failures = adminFailures;
        if (failures.blocked(peer)) {
            request.setAttribute(TOO_MANY, Boolean.TRUE);
            return refused(
                    request,
                    "more than " + failures.perMinute() + " admin failures in a minute from this "
                            + "peer (429, token not checked)",
                    null,
                    null);
        }
        boolean allowed;
        if (adminCredential.isEmpty()) {
            allowed = loopbackAllowed(request, "no admin token is configured");
        } else {
            boolean matches =
                    BearerToken.of(request).map(adminCredential.get()::matches).orElse(false);
            allowed = matches || refused(request, "admin token missing or wrong", null, null);
        }
        if (!allowed) {
            failures.failed(peer);
        }
        return allowed;
    }

    private boolean loopbackAllowed(HttpServletRequest request, String why) {
        if (!LoopbackAddress.is(peerAddress(request))) {
            return refused(request, why + " and the caller is not on loopback", null, null);
        }
        // a browser page of another site whose name resolves to 127.0.0.1 (DNS rebinding) sends its own Host name
        String host =
                request.getServerName() == null ? "" : request.getServerName().toLowerCase(java.util.Locale.ROOT);
        return loopbackHostNames.contains(host)
                || loopbackHostNames.contains("[" + host + "]")
                || refused(
                        request,
                        why + " and the Host name is not one of cds.security.loopback-host-names (" + LogText.of(host)
                                + ")",
                        null,
                        null);
    }

    /** Host names a loopback-only call may carry (cds.security.loopback-host-names). */
    void loopbackHostNames(java.util.Collection<String> names) {
        this.loopbackHostNames = names.stream()
                .map(name -> name.strip().toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * The socket's peer: the container's own request, beneath any wrapper (Spring's ForwardedHeaderFilter answers
     * getRemoteAddr() from X-Forwarded-For); Tomcat's RemoteIpValve is removed (TomcatHardening).
     */
    static String peerAddress(HttpServletRequest request) {
        ServletRequest container = request;
        while (container instanceof ServletRequestWrapper wrapper) {
            container = wrapper.getRequest();
        }
        return container.getRemoteAddr();
    }

    private boolean refused(HttpServletRequest request, String reason, String issuer, String keyId) {
        refusals.refused(
                log,
                Refusals.Reason.AUTHENTICATION,
                "Refused {} {} from {}: {} (iss={}, kid={})",
                LogText.of(request.getMethod()),
                LogText.of(request.getRequestURI()),
                peerAddress(request),
                reason,
                LogText.of(issuer),
                LogText.of(keyId));
        return false;
    }
}
