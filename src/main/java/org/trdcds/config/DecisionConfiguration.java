package org.trdcds.config;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trdcds.criteria.Decision;
import org.trdcds.criteria.ProtocolDecision;
import org.trdcds.terminology.Knowledge;

/** Wires the pure-Java decision to the loaded knowledge and a clock (tests replace the clock with a fixed one). */
@Configuration(proxyBeanMethods = false)
public class DecisionConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Decision decision(Knowledge knowledge, Clock clock) {
        return new ProtocolDecision(knowledge, clock);
    }
}
