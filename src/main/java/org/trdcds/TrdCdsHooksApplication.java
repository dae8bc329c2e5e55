package org.trdcds;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.trdcds.config.DatabaseInUseCheck;
import org.trdcds.config.FhirConfiguration;
import org.trdcds.dryrun.DryRunCommand;

/**
 * The service. Spring Boot 4 auto-configures Mustache and Gson only with their own Boot modules
 * (spring-boot-mustache, spring-boot-gson), which the service does not use: the cards compile their own Mustache
 * templates and Jackson 2 writes JSON. Every {@code @ConfigurationProperties} record (one per {@code cds.*} prefix) is
 * found by the scan.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TrdCdsHooksApplication {
    public static void main(String[] args) {
        if (args.length > 0 && DryRunCommand.NAME.equals(args[0])) { // the go-live dry run: no web server
            DryRunCommand.main(args);
            return;
        }
        SpringApplication application = new SpringApplication(TrdCdsHooksApplication.class);
        // HAPI's warm-up (seconds) runs beside Spring's start-up; it waits for logging to be configured.
        application.addListeners(event -> {
            if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
                // A second instance on the same embedded database: one clear line, not a page of stack traces.
                DatabaseInUseCheck.inUse(prepared.getEnvironment().getProperty("spring.datasource.url"))
                        .ifPresent(message -> {
                            System.err.println("ERROR: " + message);
                            System.exit(1);
                        });
                FhirConfiguration.warmUpEarly();
            }
        });
        application.run(args);
    }
}
