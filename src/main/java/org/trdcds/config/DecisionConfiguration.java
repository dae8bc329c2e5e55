package org.trdcds.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trdcds.criteria.Decision;
import org.trdcds.criteria.ProtocolDecision;
import org.trdcds.terminology.Knowledge;

/**
 * Wires the pure-Java decision to the loaded knowledge and a clock: the system clock, or a fixed instant when
 * cds.clock.fixed-instant is set (benchmarks and demonstrations of dated examples; tests may replace the bean).
 */
@Configuration(proxyBeanMethods = false)
public class DecisionConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${cds.clock.fixed-instant:}") String fixedInstant) {
        return fixedInstant.isBlank() ? Clock.systemUTC() : Clock.fixed(Instant.parse(fixedInstant), ZoneOffset.UTC);
    }

    @Bean
    Decision decision(Knowledge knowledge, Clock clock) {
        return new ProtocolDecision(knowledge, clock);
    }
}
