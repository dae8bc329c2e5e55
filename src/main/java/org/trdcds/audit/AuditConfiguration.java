package org.trdcds.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The audit settings, and the service modes as a metric: {@code cds_service_mode{service, mode}} is 1 for each
 * service's current mode, so dashboards show a service left in shadow.
 */
@Configuration
@EnableConfigurationProperties({AuditProperties.class, ServiceModes.class})
public class AuditConfiguration {

    /** Registers the mode gauge of each service and refuses a mode set for a service the catalog does not have. */
    public static void publishModes(ServiceModes modes, Set<String> serviceIds, MeterRegistry meters) {
        modes.checkKnown(serviceIds);
        for (String id : serviceIds) {
            for (ServiceModes.Mode mode : ServiceModes.Mode.values()) {
                Gauge.builder("cds.service.mode", () -> modes.mode(id) == mode ? 1 : 0)
                        .tag("service", id)
                        .tag("mode", mode.name().toLowerCase())
                        .description(
                                "1 for the mode each service runs in " + "(live: cards shown; shadow: recorded only)")
                        .register(meters);
            }
        }
    }
}
