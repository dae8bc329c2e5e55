package org.trdcds.fhirdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * F2: an allowed FHIR server answering a search with a gzip bomb (a few MB on the wire, 1 GB inflated), a 400 MB plain
 * body or a page of 70,000 entries is a failed fetch (412), stopped at the default bounds while the response streams,
 * not an out-of-memory error: real HTTP to a loopback server, the loader with its default bounds.
 */
class FhirResponseBoundsTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private HapiPatientDataLoader loader;

    @BeforeEach
    void defaultBounds() {
        // a deadline long enough that, without the bounds, the whole body would be read (or the heap exhausted)
        loader = new HapiPatientDataLoader(
                FHIR,
                new FhirClientSettings(Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofSeconds(30), 50, 4),
                null);
    }

    @AfterEach
    void close() throws IOException {
        loader.close();
    }

    private static FetchPlan search(String fhirServer) {
        return new FetchPlan("p-1", fhirServer, null, Map.of("observations", "Observation?patient=p-1"), Map.of());
    }

    @Test
    void aGzipBombIsAFailedFetchStoppedAtTheByteBound() {
        try (HostileFhirServer bomb = new HostileFhirServer(HostileFhirServer.Body.GZIP_BOMB)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> loader.load(search(bomb.baseUrl())))
                    .isInstanceOf(DataUnavailableException.class)
                    .hasMessageContaining("cds.fhir.max-response-bytes")
                    .hasMessageContaining(String.valueOf(128L << 20))
                    .hasMessageContaining(bomb.origin())
                    .hasMessageNotContaining("/fhir");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        }
    }

    @Test
    void aPlain400MbBodyIsAFailedFetchAndIsNotReadToTheEnd() throws InterruptedException {
        try (HostileFhirServer huge = new HostileFhirServer(HostileFhirServer.Body.PLAIN_400MB)) {
            assertThatThrownBy(() -> loader.load(search(huge.baseUrl())))
                    .isInstanceOf(DataUnavailableException.class)
                    .hasMessageContaining("cds.fhir.max-response-bytes")
                    .hasMessageContaining(huge.origin());
            Thread.sleep(500);
            // the connection is shut at the bound, not drained: far less than 400 MB left the server
            assertThat(huge.written()).isLessThan(200L << 20);
        }
    }

    @Test
    void aPageOfMoreEntriesThanTheBoundIsAFailedFetch() {
        try (HostileFhirServer many = new HostileFhirServer(HostileFhirServer.Body.MANY_ENTRIES)) {
            assertThatThrownBy(() -> loader.load(search(many.baseUrl())))
                    .isInstanceOf(DataUnavailableException.class)
                    .hasMessageContaining("cds.fhir.max-entries-per-page")
                    .hasMessageContaining("60000")
                    .hasMessageContaining(many.origin());
        }
    }
}
