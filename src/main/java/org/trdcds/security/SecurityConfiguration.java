package org.trdcds.security;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.trdcds.edge.Refusals;
import org.trdcds.replay.DatabaseReplayStore;
import org.trdcds.replay.PerIssuerReplayStore;
import org.trdcds.replay.ReplayStore;

/** Registers {@link CdsAuthenticationFilter} in front of every servlet and filter but CORS. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    FilterRegistrationBean<CdsAuthenticationFilter> cdsAuthenticationFilter(
            SecurityProperties properties, Refusals refusals, ReplayStore replayStore, Environment environment) {
        ConfigurationChecks.check(properties);
        ConfigurationChecks.checkBinding(environment.getProperty("server.address", ""), properties);
        announce(properties);
        // the system clock on purpose: a fixed clock bean (scenario asOf) must not judge token expiry
        FilterRegistrationBean<CdsAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new CdsAuthenticationFilter(
                        properties, Clock.systemUTC(), refusals, replayStore, properties.maxTokenLifetime()));
        registration.setName("cdsAuthenticationFilter");
        registration.addUrlPatterns("/*");
        // after CORS (edge/EdgeConfiguration): refusals carry CORS headers; and after Spring Boot's observation filter
        // (HIGHEST_PRECEDENCE + 1), so that refusals (401, 503) are counted in http.server.requests too
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** Every trusted issuer's keys loaded at start-up; readiness refuses traffic while one issuer's are missing. */
    @Bean
    JwksReadiness jwksReadiness(
            FilterRegistrationBean<CdsAuthenticationFilter> authentication,
            SecurityProperties properties,
            org.springframework.context.ApplicationEventPublisher events) {
        return new JwksReadiness(authentication.getFilter().issuerKeys(), events, properties.jwksMinRefreshInterval());
    }

    /**
     * Where used jtis are remembered: this process ({@code memory}) or the service's database, shared by every
     * replica ({@code database}, needs the datasource).
     */
    @Bean
    ReplayStore replayStore(
            SecurityProperties properties, ObjectProvider<JdbcTemplate> jdbc, ObjectProvider<MeterRegistry> meters) {
        if (properties.replayStore() == SecurityProperties.ReplayStoreKind.DATABASE) {
            log.info("Replay guard: used jtis kept in the database (cds.security.replay-store=database)");
            return new DatabaseReplayStore(
                    jdbc.getObject(), properties.clockSkew(), Clock.systemUTC(), properties.replayPurgeInterval());
        }
        return new PerIssuerReplayStore(
                properties.jtiCacheSizePerIssuer(), properties.clockSkew(), Clock.systemUTC(), meters.getIfAvailable());
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
                log.info(
                        "Trusting CDS client {} (keys at {}{})",
                        issuer.issuer(),
                        issuer.jwksUrl(),
                        issuer.tenant() == null ? "" : ", tenant " + issuer.tenant());
                if (issuer.fhirServers().isEmpty()) {
                    log.info(
                            "CDS client {} has no cds.security.trusted-issuers[n].fhir-servers: its calls may name no "
                                    + "fhirServer (prefetch only)",
                            issuer.issuer());
                }
            });
        }
        if (properties.adminToken() == null) {
            log.info("No cds.security.admin-token configured: admin and actuator endpoints answer loopback only.");
        }
    }
}
