package org.trdcds.fhirdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HapiPatientDataLoaderTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String TOKEN = "tok-7f3a-secret";
    private static final String PATIENT = "p-cand";

    @RegisterExtension
    static final TestFhirServer SERVER =
            TestFhirServer.servingScenario(FHIR, Path.of("src/test/resources/scenarios/pv-candidate.json"));

    private MeterRegistry meters;
    private HapiPatientDataLoader loader;

    @BeforeEach
    void startLoader() {
        loader = loaderWith(Duration.ofSeconds(5), 50);
    }

    @AfterEach
    void closeLoader() throws IOException, InterruptedException {
        loader.close();
        SERVER.awaitQuiet(Duration.ofMillis(150)); // queries abandoned by this test still arriving are not the next's
    }

    private HapiPatientDataLoader loaderWith(Duration deadline, int maxPages) {
        meters = new SimpleMeterRegistry();
        return new HapiPatientDataLoader(
                FHIR,
                new FhirClientSettings(deadline, Duration.ofSeconds(2), Duration.ofSeconds(4), maxPages, 8),
                meters);
    }

    private static Map<String, String> queries() {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("patient", "Patient/" + PATIENT);
        queries.put("conditions", "Condition?patient=" + PATIENT);
        queries.put("observations", "Observation?patient=" + PATIENT);
        queries.put("statements", "MedicationStatement?patient=" + PATIENT);
        queries.put("requests", "MedicationRequest?patient=" + PATIENT);
        queries.put("procedures", "Procedure?patient=" + PATIENT);
        return queries;
    }

    private static FetchPlan plan(String fhirServer, String token, Map<String, IBaseResource> prefetch) {
        return new FetchPlan(PATIENT, fhirServer, token, queries(), prefetch);
    }

    /** What the service's own templates would get from a complete prefetch, searched here without paging. */
    private static Map<String, IBaseResource> completePrefetch(PatientData record) {
        Map<String, IBaseResource> prefetch = new HashMap<>();
        prefetch.put("patient", record.patient());
        prefetch.put("conditions", searchset(record.conditions()));
        prefetch.put("observations", searchset(record.observations()));
        prefetch.put("statements", searchset(record.medicationStatements()));
        prefetch.put("requests", searchset(record.medicationRequests()));
        prefetch.put("procedures", searchset(record.procedures()));
        return prefetch;
    }

    private static Bundle searchset(List<? extends Resource> resources) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        resources.forEach(resource -> bundle.addEntry().setResource(resource));
        return bundle;
    }

    private PatientData fetchedRecord() {
        return loader.load(plan(SERVER.baseUrl(), null, Map.of()));
    }

    private static void assertWholeRecord(PatientData data) {
        assertThat(data.patient().getIdElement().getIdPart()).isEqualTo(PATIENT);
        assertThat(data.conditions()).hasSize(1);
        assertThat(data.observations()).hasSize(8);
        assertThat(data.medicationStatements()).hasSize(4);
        assertThat(data.medicationRequests()).isEmpty();
        assertThat(data.procedures()).isEmpty();
    }

    private static long countRequests(String fragment) {
        return SERVER.requests().stream().filter(uri -> uri.contains(fragment)).count();
    }

    @Nested
    class PrefetchFirst {

        @Test
        void completePrefetchMakesNoHttpCall() {
            PatientData record = fetchedRecord();
            Map<String, IBaseResource> prefetch = completePrefetch(record);
            SERVER.reset();

            PatientData data = loader.load(plan(null, null, prefetch));

            assertWholeRecord(data);
            assertThat(SERVER.requests()).isEmpty();
        }

        @Test
        void missingKeysAreFetchedFollowingEveryPage() {
            PatientData data = fetchedRecord();

            assertWholeRecord(data);
            // 8 observations at 5 a page: the first page plus one next page, nothing fetched twice
            assertThat(countRequests("Observation")).isEqualTo(1);
            assertThat(countRequests("_getpages")).isEqualTo(1);
            assertThat(SERVER.requests()).hasSize(7).doesNotHaveDuplicates();
        }

        @Test
        void nullAndOperationOutcomeValuesAreFetched() {
            Map<String, IBaseResource> prefetch = completePrefetch(fetchedRecord());
            prefetch.put("conditions", null);
            prefetch.put("observations", new OperationOutcome());
            SERVER.reset();

            PatientData data = loader.load(plan(SERVER.baseUrl(), null, prefetch));

            assertWholeRecord(data);
            assertThat(SERVER.requests())
                    .hasSize(3)
                    .anyMatch(uri -> uri.contains("/Condition?"))
                    .anyMatch(uri -> uri.contains("/Observation?"))
                    .anyMatch(uri -> uri.contains("_getpages"));
        }

        @Test
        void prefetchedFirstPageIsCompletedFromTheServerWithoutRefetchingIt() {
            Map<String, IBaseResource> prefetch = completePrefetch(fetchedRecord());
            Bundle firstPage = FHIR.newRestfulGenericClient(SERVER.baseUrl())
                    .search()
                    .byUrl("Observation?patient=" + PATIENT)
                    .returnBundle(Bundle.class)
                    .execute();
            assertThat(firstPage.getEntry()).hasSize(TestFhirServer.PAGE_SIZE);
            prefetch.put("observations", firstPage);
            SERVER.reset();

            PatientData data = loader.load(plan(SERVER.baseUrl(), null, prefetch));

            assertWholeRecord(data);
            assertThat(SERVER.requests()).singleElement().asString().contains("_getpages");
        }

        @Test
        void identicalQueriesOfTwoKeysAreFetchedOnce() {
            Map<String, String> queries = Map.of(
                    "phq9",
                    "Observation?patient=" + PATIENT + "&code=http://loinc.org|44261-6",
                    "scores",
                    "Observation?patient=" + PATIENT + "&code=http://loinc.org|44261-6");

            PatientData data = loader.load(new FetchPlan(PATIENT, SERVER.baseUrl(), null, queries, Map.of()));

            assertThat(data.observations())
                    .hasSizeGreaterThan(1)
                    .allMatch(observation ->
                            observation.getCode().getCodingFirstRep().getCode().equals("44261-6"));
            assertThat(SERVER.requests().stream().filter(uri -> !uri.contains("_getpages")))
                    .hasSize(1);
        }

        @Test
        void bearerTokenIsSentOnEveryRequest() {
            SERVER.requireToken(TOKEN);

            assertWholeRecord(loader.load(plan(SERVER.baseUrl(), TOKEN, Map.of())));
            assertThat(SERVER.authorizations()).hasSize(7).containsOnly("Bearer " + TOKEN);
        }

        @Test
        void keysAreFetchedInParallel() {
            fetchedRecord(); // warm the pool and the parser
            SERVER.reset();
            SERVER.delayEachResponse(Duration.ofMillis(200));
            Map<String, String> fourKeys = new LinkedHashMap<>(queries());
            fourKeys.keySet().retainAll(List.of("patient", "conditions", "statements", "procedures"));

            long started = System.nanoTime();
            loader.load(new FetchPlan(PATIENT, SERVER.baseUrl(), null, fourKeys, Map.of()));
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(SERVER.requests()).hasSize(4);
            assertThat(millis).as("one after another would take 800 ms or more").isLessThan(700);
        }

        @Test
        void fetchesAreTimed() {
            fetchedRecord();

            assertThat(meters.get("cds.fhir.fetch").tag("outcome", "ok").timer().count())
                    .isEqualTo(1);
        }
    }

    @Nested
    class Faults {

        @BeforeEach
        void warmUp() {
            // a cold JVM spends a second or two loading HAPI's client classes on the first call
            fetchedRecord();
            SERVER.reset();
        }

        private long millisUntilUnavailable(FetchPlan plan, String... expectedInMessage) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> loader.load(plan))
                    .isInstanceOf(DataUnavailableException.class)
                    .hasMessageContainingAll(expectedInMessage)
                    .hasMessageNotContaining(TOKEN)
                    .hasMessageNotContaining(PATIENT)
                    .hasNoCause();
            return (System.nanoTime() - started) / 1_000_000;
        }

        @ParameterizedTest
        @EnumSource(
                value = TestFhirServer.Fault.class,
                names = {"HTTP_500", "MALFORMED_JSON"})
        void badAnswerMakesTheDataUnavailable(TestFhirServer.Fault fault) {
            SERVER.fault(fault);

            long millis = millisUntilUnavailable(
                    plan(SERVER.baseUrl(), TOKEN, Map.of()),
                    "prefetch key",
                    fault == TestFhirServer.Fault.HTTP_500 ? "HTTP 500" : "malformed");
            assertThat(millis).isLessThan(1000);
        }

        @Test
        void wrongTokenMakesTheDataUnavailable() {
            SERVER.requireToken("another-token");

            assertThat(millisUntilUnavailable(plan(SERVER.baseUrl(), TOKEN, Map.of()), "HTTP 401"))
                    .isLessThan(1000);
        }

        @Test
        void hangIsCutAtTheDeadline() throws IOException {
            loader.close();
            loader = loaderWith(Duration.ofMillis(300), 50);
            SERVER.fault(TestFhirServer.Fault.HANG);

            long millis = millisUntilUnavailable(plan(SERVER.baseUrl(), TOKEN, Map.of()), "deadline of 300 ms");

            assertThat(millis).isBetween(290L, 1000L);
            assertNothingLeftRunning();
        }

        @Test
        void closingEndsEveryFetchThread() throws IOException {
            assertThat(fetchThreads()).isNotEmpty();

            loader.close();

            await(() -> fetchThreads().isEmpty());
            assertThat(fetchThreads()).isEmpty();
        }

        /** Aborted at the deadline: no fetch thread still reading a socket, no connection still leased. */
        private void assertNothingLeftRunning() {
            await(() -> gauge("cds.fhir.fetch.active") == 0 && gauge("cds.fhir.connections.leased") == 0);
            assertThat(gauge("cds.fhir.fetch.active")).isZero();
            assertThat(gauge("cds.fhir.connections.leased")).isZero();
            assertThat(fetchThreads())
                    .hasSizeLessThanOrEqualTo(8)
                    .noneMatch(thread -> thread.getState() == Thread.State.RUNNABLE);
        }

        private double gauge(String name) {
            return meters.get(name).gauge().value();
        }

        private List<Thread> fetchThreads() {
            return Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().startsWith(loader.threadNamePrefix()) && thread.isAlive())
                    .toList();
        }

        private void await(BooleanSupplier condition) {
            long until = System.nanoTime() + 2_000_000_000L;
            while (!condition.getAsBoolean() && System.nanoTime() < until) {
                LockSupport.parkNanos(10_000_000L);
            }
        }

        @Test
        void refusedConnectionMakesTheDataUnavailable() throws IOException {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }

            long millis = millisUntilUnavailable(
                    plan("http://127.0.0.1:" + closedPort + "/fhir", TOKEN, Map.of()), "connection refused");
            assertThat(millis).isLessThan(1000);
        }

        @Test
        void tooManyPagesMakeTheDataUnavailable() throws IOException {
            loader.close();
            loader = loaderWith(Duration.ofSeconds(5), 1);

            millisUntilUnavailable(
                    plan(SERVER.baseUrl(), TOKEN, Map.of()), "prefetch key observations", "more than 1 pages");
        }

        @Test
        void missingKeyWithoutFhirServerIsUnavailableAtOnce() {
            Map<String, IBaseResource> prefetch = new HashMap<>();
            prefetch.put("patient", (Patient) new Patient().setId(PATIENT));

            millisUntilUnavailable(plan(null, TOKEN, prefetch), "conditions", "no fhirServer");
            assertThat(SERVER.requests()).isEmpty();
        }

        @Test
        void nextLinkToAnotherServerIsNotFollowed() {
            Bundle firstPage = new Bundle().setType(Bundle.BundleType.SEARCHSET);
            firstPage.addLink().setRelation("next").setUrl("http://elsewhere.example/fhir?_getpages=x");
            Map<String, IBaseResource> prefetch = completePrefetch(new PatientData(
                    (Patient) new Patient().setId(PATIENT), List.of(), List.of(), List.of(), List.of(), List.of()));
            prefetch.put("observations", firstPage);

            millisUntilUnavailable(plan(SERVER.baseUrl(), TOKEN, prefetch), "observations", "outside fhirServer");
            assertThat(SERVER.requests()).isEmpty();
        }
    }
}
