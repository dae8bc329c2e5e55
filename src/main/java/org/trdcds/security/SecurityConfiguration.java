package org.trdcds.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.trdcds.refusals.Refusals;
import org.trdcds.replay.DatabaseReplayStore;
import org.trdcds.replay.PerIssuerReplayStore;
import org.trdcds.replay.ReplayProperties;
import org.trdcds.replay.ReplayStore;

/** Registers {@link CdsAuthenticationFilter} in front of every servlet and filter but CORS. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SecurityProperties.class, ReplayProperties.class})
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** The 4xx refusal counter and rate-limited log of the whole service (cds.refusals). */
    @Bean
    Refusals refusals(ObjectProvider<MeterRegistry> meters) {
        return new Refusals(meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    FilterRegistrationBean<CdsAuthenticationFilter> cdsAuthenticationFilter(
            SecurityProperties properties,
            Refusals refusals,
            ReplayProperties replay,
            ReplayStore replayStore,
            @org.springframework.beans.factory.annotation.Value("${cds.security.admin-failures-per-minute:10}")
                    int adminFailuresPerMinute,
            @org.springframework.beans.factory.annotation.Value(
                            "${cds.security.loopback-host-names:localhost,127.0.0.1,[::1]}")
                    java.util.List<String> loopbackHostNames,
            @org.springframework.beans.factory.annotation.Value("${server.address:}") String serverAddress) {
        ConfigurationChecks.check(properties);
        ConfigurationChecks.checkBinding(serverAddress, properties);
        announce(properties);
        // the system clock on purpose: a fixed clock bean (scenario asOf) must not judge token expiry
        FilterRegistrationBean<CdsAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new CdsAuthenticationFilter(
                        properties, Clock.systemUTC(), refusals, replayStore, replay.maxTokenLifetime()));
        registration.getFilter().adminFailuresPerMinute(adminFailuresPerMinute);
        registration.getFilter().loopbackHostNames(loopbackHostNames);
        registration.setName("cdsAuthenticationFilter");
        registration.addUrlPatterns("/*");
        // after CORS (WebConfiguration): refusals carry CORS headers; and after Spring Boot's observation filter
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
            SecurityProperties properties,
            ReplayProperties replay,
            ObjectProvider<JdbcTemplate> jdbc,
            ObjectProvider<MeterRegistry> meters,
            @org.springframework.beans.factory.annotation.Value("${cds.security.jti-cache-size-per-issuer:0}")
                    int jtiCacheSizePerIssuer) {
        if (replay.replayStore() == ReplayProperties.Store.DATABASE) {
            log.info("Replay guard: used jtis kept in the database (cds.security.replay-store=database)");
            return new DatabaseReplayStore(
                    jdbc.getObject(), properties.clockSkew(), Clock.systemUTC(), replay.replayPurgeInterval());
        }
        int perIssuer = jtiCacheSizePerIssuer > 0 ? jtiCacheSizePerIssuer : properties.jtiCacheSize();
        return new PerIssuerReplayStore(perIssuer, properties.clockSkew(), Clock.systemUTC(), meters.getIfAvailable());
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
