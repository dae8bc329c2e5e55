package org.trdcds.fhirdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The FHIR client never follows a redirect and never sends the FHIR token anywhere but fhirServer. */
class FhirRedirectsTest {

    static final String TOKEN = "fhir-token-never-elsewhere";
    static final String PATIENT = "p-cand";

    HapiPatientDataLoader loader;
    Redirector sink;

    @BeforeEach
    void start() {
        loader = new HapiPatientDataLoader(
                FhirContext.forR4Cached(),
                new FhirClientSettings(
                        Duration.ofSeconds(20), // the first test also pays for a cold FhirContext
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        50,
                        4),
                new SimpleMeterRegistry());
        sink = Redirector.sink();
    }

    @AfterEach
    void stop() throws Exception {
        loader.close();
        sink.close();
    }

    static FetchPlan plan(String fhirServer, Map<String, org.hl7.fhir.instance.model.api.IBaseResource> prefetch) {
        return new FetchPlan(PATIENT, fhirServer, TOKEN, Map.of("patient", "Patient/" + PATIENT), prefetch);
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void aRedirectIsAFailedFetchAndTheTokenStaysHome(int status) {
        try (Redirector redirector = Redirector.redirecting(status, sink.baseUrl())) {
            assertThatThrownBy(() -> loader.load(plan(redirector.baseUrl(), Map.of())))
                    .isInstanceOf(DataUnavailableException.class)
                    .hasMessageContaining("HTTP " + status);

            assertThat(redirector.authorizations()).containsExactly("Bearer " + TOKEN);
            assertThat(sink.authorizations())
                    .as("requests that reached the redirect target")
                    .isEmpty();
        }
    }

    @Test
    void theSinkItselfServesThePatientSoTheRefusalAboveIsTheRedirects() {
        assertThat(loader.load(plan(sink.baseUrl(), Map.of()))
                        .patient()
                        .getIdElement()
                        .getIdPart())
                .isEqualTo(PATIENT);
        assertThat(sink.authorizations()).containsExactly("Bearer " + TOKEN);
    }

    @Test
    void aNextLinkToAnotherPortGetsNoRequestAtAll() {
        try (Redirector home = Redirector.sink()) {
            Bundle firstPage = new Bundle().setType(Bundle.BundleType.SEARCHSET);
            firstPage.addEntry().setResource(new Patient().setId(PATIENT));
            firstPage.addLink().setRelation("next").setUrl(sink.baseUrl() + "/Patient?page=2");

            assertThatThrownBy(() -> loader.load(plan(home.baseUrl(), Map.of("patient", firstPage))))
                    .isInstanceOf(DataUnavailableException.class)
                    .hasMessageContaining("outside fhirServer");
            assertThat(sink.authorizations()).isEmpty();
        }
    }

    @Test
    void theTokenGoesOnlyToUrlsUnderFhirServer() {
        URI base = URI.create("http://127.0.0.1:18091/fhir");

        assertThat(FhirServerScope.inside(base, "http://127.0.0.1:18091/fhir/Patient/1"))
                .isTrue();
        assertThat(FhirServerScope.inside(base, "HTTP://127.0.0.1:18091/fhir?_getpages=x"))
                .isTrue();
        assertThat(FhirServerScope.inside(base, "http://127.0.0.1:18092/fhir/Patient/1"))
                .isFalse();
        assertThat(FhirServerScope.inside(base, "https://127.0.0.1:18091/fhir/Patient/1"))
                .isFalse();
        assertThat(FhirServerScope.inside(base, "http://127.0.0.1:18091/fhirx/Patient/1"))
                .isFalse();
        assertThat(FhirServerScope.inside(base, "http://127.0.0.1:18091/fhir/../actuator"))
                .isFalse();
        assertThat(FhirServerScope.inside(base, "http://evil@127.0.0.1:18091/fhir/Patient/1"))
                .isFalse();
        assertThat(FhirServerScope.inside(base, "http://localhost:18091/fhir/Patient/1"))
                .isFalse();
    }
}
