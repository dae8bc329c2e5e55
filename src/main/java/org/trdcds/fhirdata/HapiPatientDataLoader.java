package org.trdcds.fhirdata;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.apache.ApacheRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.trdcds.knowledge.Knowledge;
import org.trdcds.knowledge.MedicationRecognition;

/**
 * Prefetch first; every key that is missing, null or an OperationOutcome is fetched from fhirServer, and every
 * searchset (fetched, or a prefetched first page) is completed by following its next links. All fetches of one call
 * run in parallel on a shared bounded pool within one deadline; at the deadline the in-flight requests are aborted.
 */
@Component
public class HapiPatientDataLoader implements PatientDataLoader, AutoCloseable {

    private static final AtomicInteger LOADERS = new AtomicInteger();
    private static final Logger log = LoggerFactory.getLogger(HapiPatientDataLoader.class);

    private final FhirClientSettings settings;
    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient httpClient;
    private final ApacheRestfulClientFactory clientFactory;
    private final RequestConfig requestConfig;
    private final ThreadPoolExecutor executor;
    private final ServerShares shares;
    private final MeterRegistry meters;
    private final Timer fetchedTimer;
    private final Timer unavailableTimer;
    private final String threadNamePrefix = "cds-fhir-fetch-" + LOADERS.incrementAndGet() + "-";
    private final MedicationFetch medicationFetch;
    private volatile MedicationRecognition recognition = MedicationRecognition.NONE;

    public HapiPatientDataLoader(FhirContext fhirContext, FhirClientSettings settings, @Nullable MeterRegistry meters) {
        this.settings = settings;
        this.meters = meters;
        connections = new PoolingHttpClientConnectionManager();
        connections.setMaxTotal(settings.poolSize());
        connections.setDefaultMaxPerRoute(settings.poolSize());
        requestConfig = RequestConfig.custom()
                .setConnectTimeout(millis(settings.connectTimeout()))
                .setConnectionRequestTimeout(millis(settings.connectTimeout()))
                .setSocketTimeout(millis(settings.readTimeout()))
                .setRedirectsEnabled(false)
                .build();
        httpClient = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(requestConfig)
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableRedirectHandling() // a 3xx is a failed fetch (412): a redirect must not take the token
                // elsewhere
                // after content decoding: bytes and entries bounded as HAPI reads them (412 beyond)
                .addInterceptorLast(
                        new BoundedResponses(settings.maxResponseBytes().toBytes(), settings.maxEntriesPerPage()))
                .build();
        clientFactory = new ApacheRestfulClientFactory(fhirContext);
        clientFactory.setHttpClient(httpClient);
        clientFactory.setServerValidationMode(ServerValidationModeEnum.NEVER);
        // HAPI builds each request with the FhirContext's own factory, not the one a client was made by: without this
        // the pool, timeouts and no-redirect rule above would not apply (each request also carries requestConfig)
        fhirContext.setRestfulClientFactory(clientFactory);
        executor = new ThreadPoolExecutor(
                settings.poolSize(),
                settings.poolSize(),
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.poolSize() * 16),
                daemonThreads(threadNamePrefix),
                new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        shares = new ServerShares(
                executor, Math.min(settings.poolSizePerServer(), settings.poolSize()), settings.poolSize() * 16);
        medicationFetch = new MedicationFetch(executor, this::scopedClient);
        fhirContext.getResourceDefinition("Medication"); // scanned now: the fetch by reference has a 300 ms budget
        fetchedTimer = meters == null ? null : fetchTimer(meters, "ok");
        unavailableTimer = meters == null ? null : fetchTimer(meters, "unavailable");
        if (meters != null) {
            Gauge.builder(
                            "cds.fhir.connections.leased",
                            connections,
                            pool -> pool.getTotalStats().getLeased())
                    .description("FHIR server connections in use")
                    .register(meters);
            Gauge.builder("cds.fhir.fetch.active", executor, ThreadPoolExecutor::getActiveCount)
                    .description("FHIR fetches running")
                    .register(meters);
            Gauge.builder("cds.fhir.fetch.waiting", shares, ServerShares::waiting)
                    .description("FHIR fetches waiting for their server's share (cds.fhir.pool-size-per-server)")
                    .register(meters);
        }
    }

    /** The budget of the fetch by reference (PROTOCOL-v3 section A); without knowledge, the default 300 ms. */
    @Autowired(required = false)
    public void setKnowledge(Knowledge knowledge) {
        this.recognition = knowledge.medicationRecognition();
    }

    @Override
    public PatientData withReferencedMedications(
            FetchPlan plan, PatientData data, Bundle draftOrders, long callStartedNanos) {
        long deadline = Math.min(
                System.nanoTime() + recognition.referenceFetchBudget().toNanos(),
                callStartedNanos + settings.deadline().toNanos());
        return medicationFetch.resolve(plan, data, draftOrders, deadline, recognition.maxReferencesPerFetch());
    }

    private IGenericClient scopedClient(FetchPlan plan, InFlightRequests inFlight) {
        String base = plan.fhirServer().replaceAll("/+$", "");
        IGenericClient client = clientFactory.newGenericClient(base);
        client.registerInterceptor(new FhirServerScope(plan.bearerToken(), base, requestConfig));
        client.registerInterceptor(inFlight);
        return client;
    }

    private static Timer fetchTimer(MeterRegistry meters, String outcome) {
        return Timer.builder("cds.fhir.fetch").tag("outcome", outcome).register(meters);
    }

    @Override
    public PatientData load(FetchPlan plan) {
        long started = System.nanoTime();
        String outcome = "unavailable";
        try {
            PatientData data = collect(plan, started + settings.deadline().toNanos());
            outcome = "ok";
            return data;
        } finally {
            if (meters != null) {
                ("ok".equals(outcome) ? fetchedTimer : unavailableTimer)
                        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }
        }
    }

    private PatientData collect(FetchPlan plan, long deadline) {
        PatientDataCollector collector = new PatientDataCollector(plan.patientId());
        Map<String, List<String>> missingKeysByQuery = new LinkedHashMap<>();
        Map<String, Bundle> unfinishedPages = new LinkedHashMap<>();
        plan.queries().forEach((key, query) -> {
            IBaseResource value = plan.prefetched(key);
            if (FetchPlan.missing(value)) {
                missingKeysByQuery
                        .computeIfAbsent(query, q -> new ArrayList<>())
                        .add(key);
                return;
            }
            collector.add(value);
            if (FetchPlan.hasNextPage(value)) {
                unfinishedPages.put(key, (Bundle) value);
            }
        });
        if (missingKeysByQuery.isEmpty() && unfinishedPages.isEmpty()) {
            return collector.build();
        }
        if (plan.fhirServer() == null) {
            List<String> keys = new ArrayList<>(unfinishedPages.keySet());
            missingKeysByQuery.values().forEach(keys::addAll);
            throw new DataUnavailableException(label(keys) + ": not fully prefetched and no fhirServer to fetch from");
        }
        String base = plan.fhirServer().replaceAll("/+$", "");
        InFlightRequests inFlight = new InFlightRequests();
        IGenericClient client = clientFactory.newGenericClient(base);
        client.registerInterceptor(new FhirServerScope(plan.bearerToken(), base, requestConfig));
        client.registerInterceptor(inFlight);
        ParallelFetches fetches = new ParallelFetches(client, base, settings);
        Map<String, Supplier<List<? extends IBaseResource>>> tasks = new LinkedHashMap<>();
        missingKeysByQuery.forEach((query, keys) -> {
            String label = label(keys);
            tasks.put(label, () -> fetches.fetch(query, label));
        });
        unfinishedPages.forEach((key, firstPage) -> {
            String label = label(List.of(key));
            tasks.put(label, () -> fetches.nextPages(firstPage, label));
        });
        fetches.runAll(tasks, deadline, inFlight, shares.forServer(base)).forEach(collector::add);
        if (collector.otherPatients() > 0) {
            log.info(
                    "dropped {} fetched resource(s) of another patient than context.patientId",
                    collector.otherPatients());
        }
        return collector.build();
    }

    private static String label(List<String> keys) {
        return (keys.size() == 1 ? "prefetch key " : "prefetch keys ") + String.join(", ", keys);
    }

    private static int millis(Duration duration) {
        return Math.toIntExact(duration.toMillis());
    }

    /** "cds-fhir-fetch-{loader}-": the name prefix of this loader's threads (one loader per application). */
    public String threadNamePrefix() {
        return threadNamePrefix;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() throws IOException {
        executor.shutdownNow();
        httpClient.close();
    }
}
