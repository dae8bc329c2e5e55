package org.trdcds.security;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.trdcds.edge.LogText;

/**
 * Loads every trusted issuer's JWKS at start-up (in parallel, each within cds.security.jwks-timeout) and reports an
 * issuer whose keys could not be loaded: a WARN line naming it, and readiness REFUSING_TRAFFIC (its calls could not
 * be verified) until a retry, every cds.security.jwks-min-refresh-interval, has loaded them.
 */
final class JwksReadiness
        implements ApplicationRunner, ApplicationListener<AvailabilityChangeEvent<?>>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JwksReadiness.class);

    private final List<IssuerKeys> issuers;
    private final ApplicationEventPublisher events;
    private final Duration retryInterval;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "jwks-readiness");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean retrying;

    JwksReadiness(List<IssuerKeys> issuers, ApplicationEventPublisher events, Duration retryInterval) {
        this.issuers = issuers;
        this.events = events;
        this.retryInterval = retryInterval.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : retryInterval;
    }

    @Override
    public void run(ApplicationArguments args) {
        CompletableFuture.allOf(issuers.stream()
                        .map(keys -> CompletableFuture.runAsync(keys::loadIfMissing))
                        .toArray(CompletableFuture[]::new))
                .join();
        missing()
                .forEach(keys -> log.warn(
                        "Readiness: the keys of trusted issuer {} could not be loaded at start-up "
                                + "from {}; REFUSING_TRAFFIC until they are (retried every {} s)",
                        LogText.of(keys.issuer()),
                        keys.jwksUrl(),
                        retryInterval.toSeconds()));
    }

    /** Spring Boot reports ACCEPTING_TRAFFIC once started: refused again (from another thread) while keys are missing. */
    @Override
    public void onApplicationEvent(AvailabilityChangeEvent<?> event) {
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC && !missing().isEmpty() && !retrying) {
            retrying = true;
            // after Spring Boot's own ACCEPTING_TRAFFIC has reached every listener (the last state published wins)
            retries.schedule(
                    () -> AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC),
                    200,
                    TimeUnit.MILLISECONDS);
            retries.scheduleWithFixedDelay(
                    this::retry, retryInterval.toMillis(), retryInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void retry() {
        missing().forEach(IssuerKeys::loadIfMissing);
        if (missing().isEmpty()) {
            log.info("Readiness: the keys of every trusted issuer are loaded; ACCEPTING_TRAFFIC");
            retrying = false;
            AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
            throw new IllegalStateException("done"); // ends the fixed-delay schedule
        }
    }

    List<IssuerKeys> missing() {
        return issuers.stream().filter(keys -> !keys.loaded()).toList();
    }

    @Override
    public void destroy() {
        retries.shutdownNow();
    }
}
