package org.trdcds.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.trdcds.refusals.Refusals;

/** Registers {@link CdsAuthenticationFilter} in front of every servlet and filter but CORS. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** The 4xx refusal counter and rate-limited log of the whole service (cds.refusals). */
    @Bean
    Refusals refusals(ObjectProvider<MeterRegistry> meters) {
        return new Refusals(meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    FilterRegistrationBean<CdsAuthenticationFilter> cdsAuthenticationFilter(SecurityProperties properties,
                                                                            Refusals refusals) {
        announce(properties);
        // the system clock on purpose: a fixed clock bean (scenario asOf) must not judge token expiry
        FilterRegistrationBean<CdsAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new CdsAuthenticationFilter(properties, Clock.systemUTC(), refusals));
        registration.setName("cdsAuthenticationFilter");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1); // after CORS (WebConfiguration): refusals carry CORS headers
        return registration;
    }

    static void announce(SecurityProperties properties) {
        if (properties.mode() == SecurityProperties.Mode.OPEN) {
            log.warn("*** cds.security.mode=open: CDS client authentication is OFF. Anyone who can reach this "
                    + "service can call /cds-services. Never run it like this with real patient data. ***");
        } else if (properties.trustedIssuers().isEmpty()) {
            log.warn("No cds.security.trusted-issuers configured: /cds-services accepts unsigned calls from "
                    + "loopback addresses only and refuses every other caller.");
        } else {
            properties.trustedIssuers().forEach(issuer -> {
                log.info("Trusting CDS client {} (keys at {}{})", issuer.issuer(), issuer.jwksUrl(),
                        issuer.tenant() == null ? "" : ", tenant " + issuer.tenant());
                if (issuer.fhirServers().isEmpty()) {
                    log.info("CDS client {} has no cds.security.trusted-issuers[n].fhir-servers: its calls may name no "
                            + "fhirServer (prefetch only)", issuer.issuer());
                }
            });
        }
        if (properties.adminToken() == null) {
            log.info("No cds.security.admin-token configured: admin and actuator endpoints answer loopback only.");
        }
    }
}
