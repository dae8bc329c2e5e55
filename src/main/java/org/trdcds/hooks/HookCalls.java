package org.trdcds.hooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.trdcds.cards.SourceUrls;
import org.trdcds.edge.CdsRequestFilter;
import org.trdcds.edge.HookEndpoint;
import org.trdcds.feedback.CardAudit;
import org.trdcds.fhirdata.DataUnavailableException;
import org.trdcds.hooks.HookInvocation.CardsResponse;
import org.trdcds.security.AuthenticatedClient;
import org.trdcds.security.SecurityProperties;

/**
 * Answers hook calls ({@code POST /cds-services/{id}} with a JSON body and an Accept that takes JSON) straight from
 * {@link CdsRequestFilter} (the edge's {@link HookEndpoint}), after the security and size filters and before Spring MVC's dispatch, which cost as much
 * CPU as the decision itself on this hot path. The answer and every error are exactly those of
 * {@link CdsServicesController#invoke} and {@link ErrorHandler}, which share this code. Any other request (another
 * method, path, media type or Accept header) goes on to Spring MVC, which refuses it as before (405, 415, 406).
 */
@Component
class HookCalls implements HookEndpoint {

    private static final String PATH_PATTERN = "/cds-services/{id}";
    private static final Pattern PATH = Pattern.compile("/cds-services/([A-Za-z0-9._~-]+)");
    private static final MediaType ANY_JSON = new MediaType("application", "*+json");

    private final HookInvocation invocation;
    private final WarmUpKey warmUpKey;
    private final ErrorHandler errors;
    private final ObjectMapper objectMapper;
    private final ObjectWriter cardsWriter;
    /** The protocol page's URL from cds.security.audience-base-url, or null to take it from each call's socket. */
    private final String protocolUrl;

    HookCalls(
            HookInvocation invocation,
            WarmUpKey warmUpKey,
            ErrorHandler errors,
            ObjectMapper objectMapper,
            SecurityProperties security) {
        this.invocation = invocation;
        this.protocolUrl =
                security.audienceBaseUrl() == null ? null : SourceUrls.protocolUrl(security.audienceBaseUrl());
        this.warmUpKey = warmUpKey;
        this.errors = errors;
        this.objectMapper = objectMapper;
        this.cardsWriter = objectMapper.writerFor(CardsResponse.class);
    }

    /** The service id of a hook call answered here, or null for a request Spring MVC should see. */
    @Override
    public String serviceId(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        Matcher path = PATH.matcher(CdsRequestFilter.routedPath(request)); // decoded: as Spring MVC routes it
        if (!path.matches() || !jsonBody(request.getContentType()) || !acceptsJson(request)) {
            return null;
        }
        return path.group(1);
    }

    /** Answers the call: 200 with the cards, or the OperationOutcome of {@link ErrorHandler}. */
    @Override
    public void answer(String serviceId, byte[] body, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(observation -> observation.setPathPattern(PATH_PATTERN));
        ResponseEntity<Object> failure;
        try {
            writeCards(response, cards(serviceId, body, request));
            return;
        } catch (CdsException e) {
            failure = errors.refused(e);
        } catch (DataUnavailableException e) {
            failure = errors.dataUnavailable(e);
        } catch (RuntimeException e) {
            failure = errors.unexpected(e);
        }
        write(response, failure.getStatusCode().value(), objectMapper.writeValueAsBytes(failure.getBody()));
    }

    /**
     * The cards of a call, each with source.url = its topic's anchor on the protocol page; a call carrying this
     * process's {@link WarmUpKey} is rehearsed (nothing recorded). A call of an authenticated client may name only
     * its issuer's FHIR servers; without one (loopback-only or open mode) any http(s) URL may be named.
     */
    CardsResponse cards(String serviceId, byte[] body, HttpServletRequest request) {
        Predicate<String> fhirServerAllowed =
                request.getAttribute(AuthenticatedClient.ATTRIBUTE) instanceof AuthenticatedClient client
                        ? client::mayName
                        : server -> true;
        CardsResponse answer = warmUpKey.matches(request.getHeader(WarmUpKey.HEADER))
                ? invocation.rehearse(serviceId, body)
                : invocation.invoke(serviceId, body, fhirServerAllowed, client(request));
        // never from the Host header: the configured external URL, else the socket the call came in on
        String protocol = protocolUrl != null
                ? protocolUrl
                : SourceUrls.protocolUrl(SourceUrls.base(
                        request.getScheme(), request.getLocalAddr(), request.getLocalPort(), request.getContextPath()));
        return new CardsResponse(SourceUrls.withProtocolAnchors(answer.cards(), protocol));
    }

    /** The client a call comes from: its JWT issuer, or "loopback" for an unsigned call (loopback-only mode). */
    static String client(HttpServletRequest request) {
        return request.getAttribute(AuthenticatedClient.ATTRIBUTE) instanceof AuthenticatedClient client
                ? client.issuer()
                : CardAudit.LOOPBACK_CLIENT;
    }

    /** A 200 with the cards. */
    void writeCards(HttpServletResponse response, CardsResponse cards) throws IOException {
        write(response, 200, cardsWriter.writeValueAsBytes(cards));
    }

    /** The JSON written once, with its length: one write to the socket. */
    private static void write(HttpServletResponse response, int status, byte[] json) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    private static boolean jsonBody(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.includes(type) || ANY_JSON.includes(type);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static boolean acceptsJson(HttpServletRequest request) {
        List<String> accept = Collections.list(request.getHeaders("Accept"));
        if (accept.isEmpty()) {
            return true;
        }
        try {
            for (String header : accept) {
                for (MediaType type : MediaType.parseMediaTypes(header)) {
                    if (type.getQualityValue() > 0 && type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                        return true;
                    }
                }
            }
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        return false;
    }
}
