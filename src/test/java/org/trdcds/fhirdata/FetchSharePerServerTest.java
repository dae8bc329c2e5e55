package org.trdcds.fhirdata;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * F10: a slow FHIR server cannot take the fetch threads of another. Three calls naming a server that answers after
 * 4 s queue 18 fetches; a call naming a healthy server, made meanwhile, is answered at once (real HTTP, loopback
 * servers, the loader's default pool of 8 and share of 4 per server).
 */
class FetchSharePerServerTest {

    @Test
    void aSlowServerCannotTakeTheThreadsOfAnother() throws Exception {
        AtomicInteger slowRequests = new AtomicInteger();
        HttpServer slow = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        slow.createContext("/", exchange -> {
            slowRequests.incrementAndGet();
            try {
                Thread.sleep(4000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}".getBytes(StandardCharsets.UTF_8);
            try {
                exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (IOException e) {
                // the loader gave up at its deadline
            }
            exchange.close();
        });
        slow.setExecutor(Executors.newCachedThreadPool());
        slow.start();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        HapiPatientDataLoader loader = new HapiPatientDataLoader(
                FhirContext.forR4Cached(),
                new FhirClientSettings(Duration.ofSeconds(6), Duration.ofSeconds(2), Duration.ofSeconds(10), 50, 8),
                meters);
        try (Redirector healthy = Redirector.answering("{\"resourceType\":\"Patient\",\"id\":\"p-1\"}")) {
            String slowBase = "http://127.0.0.1:" + slow.getAddress().getPort() + "/fhir";
            List<CompletableFuture<?>> slowCalls = new ArrayList<>();
            for (int call = 0; call < 3; call++) {
                slowCalls.add(CompletableFuture.runAsync(() -> {
                    try {
                        loader.load(new FetchPlan("p-1", slowBase, null, searches(), Map.of()));
                    } catch (DataUnavailableException expected) {
                        // the slow server's calls may end at their deadline
                    }
                }));
            }
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (slowRequests.get() < 4 && System.nanoTime() < waitUntil) {
                Thread.sleep(20);
            }
            Thread.sleep(300); // every slow fetch that can start has started

            long start = System.nanoTime();
            PatientData data = loader.load(
                    new FetchPlan("p-1", healthy.baseUrl(), null, Map.of("patient", "Patient/p-1"), Map.of()));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(data.patient().getIdElement().getIdPart()).isEqualTo("p-1");
            assertThat(took)
                    .as("the healthy server's call did not wait for the slow one's")
                    .isLessThan(Duration.ofMillis(2000));
            assertThat(slowRequests.get())
                    .as("the slow server holds at most its share of threads")
                    .isLessThanOrEqualTo(4);
            assertThat(meters.get("cds.fhir.fetch.waiting").gauge().value()).isPositive();
            CompletableFuture.allOf(slowCalls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } finally {
            loader.close();
            slow.stop(0);
        }
    }

    private static Map<String, String> searches() {
        Map<String, String> queries = new LinkedHashMap<>();
        for (String type : List.of(
                "Condition",
                "Observation",
                "MedicationStatement",
                "MedicationRequest",
                "Procedure",
                "MedicationAdministration")) {
            queries.put(type.toLowerCase(), type + "?patient=p-1");
        }
        return queries;
    }
}
