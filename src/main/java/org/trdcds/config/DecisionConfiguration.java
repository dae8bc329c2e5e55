package org.trdcds.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trdcds.criteria.Decision;
import org.trdcds.criteria.DecisionFactory;
import org.trdcds.knowledge.Knowledge;

/**
 * Wires the pure-Java decision to the loaded knowledge and a clock. {@code cds.clock.fixed-instant} (an ISO instant)
 * fixes "now" for demonstrations and reproducible runs of dated examples; it never affects JWT checks.
 */
@Configuration(proxyBeanMethods = false)
public class DecisionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DecisionConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock(ClockProperties properties) {
        Instant fixedInstant = properties.fixedInstant();
        if (fixedInstant == null) {
            return Clock.systemUTC();
        }
        log.warn(
                "cds.clock.fixed-instant is set: the decision's 'now' is fixed at {} (not for clinical use)",
                fixedInstant);
        return Clock.fixed(fixedInstant, ZoneOffset.UTC);
    }

    @Bean
    DecisionFactory decisionFactory(Knowledge knowledge) {
        return new DecisionFactory(knowledge);
    }

    @Bean
    Decision decision(DecisionFactory factory, Clock clock) {
        return factory.at(clock);
    }
}
