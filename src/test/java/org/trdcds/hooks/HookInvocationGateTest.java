package org.trdcds.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.unit.DataSize;
import org.trdcds.cards.TemplateCardRenderer;
import org.trdcds.config.FhirConfiguration;
import org.trdcds.edge.CdsLimits;
import org.trdcds.feedback.FeedbackStore;
import org.trdcds.feedback.IssuedCardWriter;
import org.trdcds.fhirdata.FhirClientSettings;
import org.trdcds.fhirdata.HapiFactExtractor;
import org.trdcds.fhirdata.HapiPatientDataLoader;
import org.trdcds.fhirdata.PatientDataLoader;
import org.trdcds.fhirdata.TestFhirServer;
import org.trdcds.knowledge.Knowledge;
import org.trdcds.knowledge.ProjectKnowledge;

/**
 * The CPU gate around one call, with the real parts and a real FHIR server: a call whose prefetch holds all the data
 * passes the gate once (the gate is held while its data is loaded), a call that must fetch gives the gate back while
 * it waits for the FHIR server, and both answer the same cards.
 */
class HookInvocationGateTest {

    private static final FhirContext FHIR = new FhirConfiguration().fhirContext();
    private static final Path REQUEST = Path.of("examples/patient-view-candidate.json");
    private static final String SERVICE = "ketamine-tms-screening";

    @RegisterExtension
    static final TestFhirServer FHIR_SERVER =
            TestFhirServer.servingScenario(FHIR, Path.of("src/test/resources/scenarios/pv-candidate.json"));

    private final CpuGate gate = new CpuGate(1);
    /** The gate's free permits each time the loader ran. */
    private final List<Integer> freeWhileLoading = new CopyOnWriteArrayList<>();

    private HapiPatientDataLoader loader;
    private HookInvocation invocation;

    @BeforeEach
    void setUp() {
        Knowledge knowledge = ProjectKnowledge.get();
        CdsLimits limits =
                new CdsLimits(DataSize.ofMegabytes(10), 100, 1_000_000, 5000, java.time.Duration.ofSeconds(10), 0);
        loader = new HapiPatientDataLoader(
                FHIR,
                new FhirClientSettings(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(4), 50, 4),
                null);
        PatientDataLoader watched = plan -> {
            freeWhileLoading.add(gate.available());
            return loader.load(plan);
        };
        IssuedCardWriter notStarted = new IssuedCardWriter(mock(FeedbackStore.class), 10, 10, Duration.ofMillis(1));
        invocation = new HookInvocation(
                new ServiceCatalog(new ObjectMapper(), knowledge),
                new HookRequestParser(new RequestJson(limits), FHIR, limits),
                watched,
                new HapiFactExtractor(),
                ProjectKnowledge.decisions().at(Clock.fixed(Instant.parse("2026-11-27T04:22:50Z"), ZoneOffset.UTC)),
                new TemplateCardRenderer(knowledge, ProjectKnowledge.loaded().templates()),
                notStarted,
                new SimpleMeterRegistry(),
                gate);
    }

    @AfterEach
    void tearDown() throws Exception {
        loader.close();
        org.slf4j.MDC.clear(); // invoke() tags this thread's logs with the hookInstance; the web filter clears it there
    }

    @Test
    void aFullyPrefetchedCallHoldsTheGateWhileLoadingAndAFetchingCallLeavesIt() throws Exception {
        byte[] prefetched = Files.readAllBytes(REQUEST);
        ObjectNode withoutPrefetch = (ObjectNode) new ObjectMapper().readTree(prefetched);
        withoutPrefetch.remove("prefetch");
        withoutPrefetch.put("fhirServer", FHIR_SERVER.baseUrl());

        List<String> fromPrefetch = topics(invocation.invoke(SERVICE, prefetched));
        List<String> fetched =
                topics(invocation.invoke(SERVICE, new ObjectMapper().writeValueAsBytes(withoutPrefetch)));

        assertThat(freeWhileLoading).containsExactly(0, 1);
        assertThat(FHIR_SERVER.requests()).as("the second call fetched").isNotEmpty();
        assertThat(fetched).isEqualTo(fromPrefetch).contains("combination-candidate");
        assertThat(gate.available()).isEqualTo(1);
    }

    private static List<String> topics(HookInvocation.CardsResponse response) {
        return response.cards().stream()
                .map(card -> card.source().topic().code())
                .toList();
    }
}
