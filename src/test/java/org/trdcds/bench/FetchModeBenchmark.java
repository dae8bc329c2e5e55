package org.trdcds.bench;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.trdcds.fhirdata.TestFhirServer;

/**
 * Fetch mode: the patient-view call without prefetch (in-process handling, every key fetched from a FHIR server that
 * delays each response by 20 ms, searchsets paged 5 per page) against the slowest single query chain: the key whose
 * dependent page fetches take longest, fetched alone with a plain HAPI client. And the fetch by reference
 * ({@link MedicationByReference}): an order-sign call with full prefetch whose draft order references a Medication
 * only the FHIR server holds, against the same call with the Medication contained; the difference is the one batched
 * {@code Medication?_id=} round trip (at most one: 20 ms plus the request's own cost).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FetchModeBenchmark {

    static final Duration DELAY = Duration.ofMillis(20);

    private InProcessService service;
    private TestFhirServer server;
    private IGenericClient client;
    private byte[] request;
    private String slowestQuery;

    @Setup
    public void setUp() throws Exception {
        service = new InProcessService();
        server = TestFhirServer.servingScenario(service.fhirContext, BenchData.SCENARIO);
        server.beforeAll(extensionContext());
        service.fhirContext.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        client = service.fhirContext.newRestfulGenericClient(server.baseUrl());
        request = BenchData.withoutPrefetch(server.baseUrl());
        slowestQuery = slowestQuery();
        server.delayEachResponse(DELAY);
        if (!new String(noPrefetchCall()).contains("\"summary\"")) {
            throw new IllegalStateException("no cards in fetch mode");
        }
        System.out.printf(
                "%nslowest chain: %s (%d pages)%n", slowestQuery, slowestChain().size());
    }

    @TearDown
    public void tearDown() throws Exception {
        server.afterAll(extensionContext());
        service.close();
    }

    @Benchmark
    public byte[] noPrefetchCall() {
        return service.handle(BenchData.SCREENING, request);
    }

    @Benchmark
    public List<Bundle> slowestChain() {
        return chain(slowestQuery);
    }

    @Benchmark
    public byte[] medicationByReference(MedicationByReference state) {
        return state.service.handle(MedicationByReference.SERVICE, state.byReference);
    }

    @Benchmark
    public byte[] medicationContained(MedicationByReference state) {
        return state.service.handle(MedicationByReference.SERVICE, state.contained);
    }

    /** The query of the service's prefetch whose chain of pages is longest (reads are one request). */
    private String slowestQuery() {
        String slowest = null;
        int most = 0;
        for (String template : service.catalog
                .find(BenchData.SCREENING)
                .orElseThrow()
                .prefetch()
                .values()) {
            String query = template.replace("{{context.patientId}}", "p-cand");
            int pages = query.contains("?") ? chain(query).size() : 1;
            if (pages > most) {
                most = pages;
                slowest = query;
            }
        }
        return slowest;
    }

    private List<Bundle> chain(String query) {
        List<Bundle> pages = new ArrayList<>();
        Bundle page = client.search().byUrl(query).returnBundle(Bundle.class).execute();
        pages.add(page);
        while (page.getLink(IBaseBundle.LINK_NEXT) != null) {
            page = client.loadPage().next(page).execute();
            pages.add(page);
        }
        return pages;
    }

    static ExtensionContext extensionContext() {
        return (ExtensionContext) Proxy.newProxyInstance(
                FetchModeBenchmark.class.getClassLoader(),
                new Class<?>[] {ExtensionContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getUniqueId" -> "fetch-mode-benchmark";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
