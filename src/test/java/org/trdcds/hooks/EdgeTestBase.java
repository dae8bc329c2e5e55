package org.trdcds.hooks;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.nullable;
import static org.mockito.Mockito.when;

import io.restassured.RestAssured;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.trdcds.cards.Card;
import org.trdcds.cards.CardRenderer;
import org.trdcds.criteria.Decision;
import org.trdcds.criteria.Finding;
import org.trdcds.criteria.HookKind;
import org.trdcds.criteria.PatientFacts;
import org.trdcds.fhirdata.FactExtractor;
import org.trdcds.fhirdata.FetchPlan;
import org.trdcds.fhirdata.PatientData;
import org.trdcds.fhirdata.PatientDataLoader;

/**
 * The running application over real HTTP, with the four layers behind the edge (data loader, fact extractor, decision,
 * card renderer) replaced by Mockito stubs: every Spring test of the edge shares this one context. The limits are
 * small so that tests can exceed them cheaply.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:edge-tests;DB_CLOSE_DELAY=-1",
            "cds.limits.max-body-bytes=300KB",
            "cds.limits.max-resources=200",
            "cds.limits.max-nesting-depth=40",
            "cds.limits.max-string-length=100000",
            "cds.cors.allowed-origins=*",
            "cds.warm-up.rounds=0",
            "spring.main.cloud-platform=kubernetes"
        }) // X-Forwarded-For must still not decide "loopback" (issue 12)
@AutoConfigureMetrics
abstract class EdgeTestBase {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/cds-hooks-examples");
    static final Path SCENARIOS = Path.of("src/test/resources/scenarios");
    static final String TOPIC = "combination-candidate";

    @LocalServerPort
    int port;

    @MockitoBean
    PatientDataLoader loader;

    @MockitoBean
    FactExtractor extractor;

    @MockitoBean
    Decision decision;

    @MockitoBean
    CardRenderer renderer;

    @BeforeEach
    void stubLayers() {
        RestAssured.port = port;
        PatientData data = new PatientData(new Patient(), List.of(), List.of(), List.of(), List.of(), List.of());
        PatientFacts facts =
                new PatientFacts("p", null, List.of(), List.of(), List.of(), List.of(), List.of(), Set.of());
        when(loader.load(any(FetchPlan.class))).thenReturn(data);
        when(extractor.extract(any(PatientData.class), nullable(Bundle.class), nullable(List.class)))
                .thenReturn(facts);
        when(decision.decide(any(PatientFacts.class), any(HookKind.class)))
                .thenReturn(List.of(new Finding(TOPIC, Map.of(), List.of())));
        when(renderer.render(anyList(), anyString(), anyString(), anyMap())).thenReturn(List.of(card(null)));
    }

    static Card card(String uuid) {
        return new Card(
                uuid,
                "A candidate for IV ketamine + TMS",
                null,
                "info",
                new Card.Source(
                        "trd-cds-hooks",
                        null,
                        null,
                        new Card.Coding("https://fhir.trd-cds-hooks.org/topic", TOPIC, null)),
                null,
                null,
                null,
                null);
    }
}
