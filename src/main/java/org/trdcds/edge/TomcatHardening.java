package org.trdcds.edge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Tomcat as this service needs it, applied after Spring Boot's own customizer:
 * <ul>
 * <li>an answer given before the body was read closes the connection without reading the rest
 *     ({@link UnreadBodyValve});</li>
 * <li>body reads time out after cds.limits.body-read-timeout of silence (Tomcat's upload timeout; the whole body
 *     is bounded by the same time in CdsRequestFilter);</li>
 * <li>no RemoteIpValve: the caller's address is the socket's peer, on every platform (Spring Boot adds the valve
 *     on Kubernetes and when server.forward-headers-strategy=native, and would let X-Forwarded-For from any private
 *     address decide who is on loopback);</li>
 * <li>one spelling per path: a path sent percent-encoded, with dot segments, {@code //}, ;parameters or
 *     {@code /cds-services} in another case is refused with 400 before anything decides on it
 *     ({@link CanonicalPathValve}), so limits, deadlines, authentication and routing all read the same path;</li>
 * <li>a request Tomcat refuses itself (a header over server.max-http-request-header-size, a malformed request
 *     line) gets a JSON OperationOutcome like every other error ({@link JsonErrorReportValve}).</li>
 * </ul>
 */
@Component
class TomcatHardening implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(TomcatHardening.class);

    private final Duration bodyReadTimeout;
    private final ObjectProvider<Refusals> refusals;
    private final long maxPostSize;

    TomcatHardening(CdsLimits limits, ObjectProvider<Refusals> refusals) {
        this.bodyReadTimeout = limits.bodyReadTimeout();
        this.maxPostSize = Math.min(limits.maxBodyBytes().toBytes(), 2L << 20); // Tomcat's default or less
        this.refusals = refusals;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after TomcatWebServerFactoryCustomizer, which adds the RemoteIpValve
    }

    private void refusedPath(String rawPath) {
        Refusals counter = refusals.getIfAvailable();
        if (counter != null) {
            counter.refused(
                    log,
                    Refusals.Reason.INVALID,
                    "refused with 400: a path with dot segments, //, ;parameters or another case ({})",
                    LogText.of(rawPath));
        }
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        List<Valve> engineValves = new ArrayList<>(factory.getEngineValves());
        if (engineValves.removeIf(RemoteIpValve.class::isInstance)) {
            log.info("Forwarded headers are not trusted: the loopback decision uses the socket's peer address");
        }
        engineValves.add(0, new UnreadBodyValve());
        engineValves.add(1, new CanonicalPathValve(this::refusedPath));
        factory.setEngineValves(engineValves);
        factory.addConnectorCustomizers(connector -> {
            connector.setProperty("disableUploadTimeout", "false");
            connector.setProperty("connectionUploadTimeout", String.valueOf(bodyReadTimeout.toMillis()));
            // form parameters Tomcat parses itself (never through a filter's wrapper) stay within the body limit
            connector.setMaxPostSize((int) Math.min(Integer.MAX_VALUE, maxPostSize));
        });
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            }
        });
    }
}
