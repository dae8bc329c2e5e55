package org.trdcds.bench;

import ca.uhn.fhir.parser.IParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.trdcds.config.FhirConfiguration;

/**
 * The whole request handling without HTTP (request bytes -> response cards JSON) against the floor: HAPI's own parse
 * of the same prefetch JSON (each prefetch value from its bytes, the application's parser settings).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RequestBenchmark {

    /** scenario: the pv-candidate example request; large: the largest Synthea patient in the prefetch keys. */
    @Param({"scenario", "large"})
    public String payload;

    private InProcessService service;
    private IParser parser;
    private byte[] request;
    private List<byte[]> prefetchValues;

    @Setup
    public void setUp() {
        service = new InProcessService();
        parser = FhirConfiguration.lenientJsonParser(service.fhirContext);
        request = BenchData.request(payload);
        Map<String, byte[]> values = BenchData.prefetchValues(request);
        prefetchValues = List.copyOf(values.values());
        String cards = new String(handle(), StandardCharsets.UTF_8);
        System.out.printf(
                "%n[%s] request %,d bytes, prefetch %s -> %,d bytes of cards%n",
                payload,
                request.length,
                values.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue().length)
                        .toList(),
                cards.length());
    }

    @TearDown
    public void tearDown() throws Exception {
        service.close();
    }

    @Benchmark
    public List<IBaseResource> hapiParse() {
        List<IBaseResource> resources = new ArrayList<>(prefetchValues.size());
        for (byte[] value : prefetchValues) {
            resources.add(parser.parseResource(new ByteArrayInputStream(value)));
        }
        return resources;
    }

    @Benchmark
    public byte[] handle() {
        return service.handle(BenchData.SCREENING, request);
    }
}
