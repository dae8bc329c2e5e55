package org.trdcds.fhirdata;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class FhirDataConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(FhirDataConfiguration.class)
            .withBean(FhirContext.class, FhirContext::forR4Cached)
            .withBean(HapiPatientDataLoader.class);

    @Test
    void settingsHaveDefaultsAndBindFromProperties() {
        context.withPropertyValues("cds.fhir.deadline=750ms", "cds.fhir.max-pages=12")
                .run(started -> {
                    assertThat(started).hasSingleBean(HapiPatientDataLoader.class);
                    assertThat(started.getBean(FhirClientSettings.class))
                            .isEqualTo(new FhirClientSettings(
                                    Duration.ofMillis(750), Duration.ofSeconds(2), Duration.ofSeconds(4), 12, 8));
                });
    }

    @Test
    void fetchTimerIsRegisteredWhenMetricsExist() {
        context.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(started -> {
            started.getBean(HapiPatientDataLoader.class).load(new FetchPlan("p", null, null, Map.of(), Map.of()));
            assertThat(started.getBean(MeterRegistry.class)
                            .get("cds.fhir.fetch")
                            .tag("outcome", "ok")
                            .timer()
                            .count())
                    .isEqualTo(1);
        });
    }
}
