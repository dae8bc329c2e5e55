package org.trdcds.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.trdcds.cards.Card;
import org.trdcds.criteria.HookKind;
import org.trdcds.criteria.PatientFacts;
import org.trdcds.fhirdata.HapiFactExtractor;

/** The decision alone: typed facts (made once by the service's FactExtractor) -> findings -> cards. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecisionBenchmark {

    /** scenario: pv-candidate; large: every resource of the largest Synthea patient. */
    @Param({"scenario", "large"})
    public String patient;

    private InProcessService service;
    private PatientFacts facts;

    @Setup
    public void setUp() {
        service = new InProcessService();
        facts = new HapiFactExtractor()
                .extract(BenchData.patientData(BenchData.record(service.fhirContext, patient)), null, null);
        System.out.printf(
                "%n[%s] %d conditions, %d medications, %d observations, %d procedures -> cards %s%n",
                patient,
                facts.conditions().size(),
                facts.medications().size(),
                facts.observations().size(),
                facts.procedures().size(),
                decideAndRender().stream()
                        .map(card -> card.source().topic().code())
                        .toList());
    }

    @TearDown
    public void tearDown() throws Exception {
        service.close();
    }

    @Benchmark
    public List<Card> decideAndRender() {
        return service.renderer.render(
                service.decision.decide(facts, HookKind.SCREENING), BenchData.SCREENING, facts.patientId(), Map.of());
    }
}
