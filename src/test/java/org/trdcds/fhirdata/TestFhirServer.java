package org.trdcds.fhirdata;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real FHIR R4 server for tests: HAPI's RestfulServer in an embedded Tomcat on a random port, serving Patient read
 * and searches by patient (Observation also by code, token lists with system|code) over the resources of a record,
 * paged {@value #PAGE_SIZE} per page. Counts requests, remembers what they carried, and can demand a bearer token,
 * delay every response, or misbehave ({@link Fault}). Register it with {@code @RegisterExtension static}; every test
 * starts with no token demanded, no delay, no fault and zero requests.
 */
public final class TestFhirServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    public static final int PAGE_SIZE = 5;

    /** How every response goes wrong. */
    public enum Fault {
        NONE,
        HTTP_500,
        MALFORMED_JSON,
        HANG,
        HTTP_404
    }

    private static final List<Class<? extends Resource>> TYPES = List.of(
            Patient.class,
            Condition.class,
            Observation.class,
            MedicationStatement.class,
            MedicationRequest.class,
            Procedure.class,
            MedicationAdministration.class,
            Medication.class);

    private final FhirContext fhirContext;
    private final List<Resource> resources;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile String requiredToken;
    private volatile Duration delay = Duration.ZERO;
    private volatile long lastRequestNanos = System.nanoTime();
    private volatile Fault fault = Fault.NONE;
    private volatile CountDownLatch hangRelease = new CountDownLatch(1);
    private Tomcat tomcat;
    private String startedBy;
    private String baseUrl;

    private TestFhirServer(FhirContext fhirContext, List<Resource> resources) {
        this.fhirContext = fhirContext;
        this.resources = resources;
    }

    /** Serves the resources of a Bundle. */
    public static TestFhirServer serving(FhirContext fhirContext, Bundle record) {
        return new TestFhirServer(
                fhirContext,
                record.getEntry().stream()
                        .map(Bundle.BundleEntryComponent::getResource)
                        .toList());
    }

    /** Serves the {@code record} Bundle of a worked scenario of src/test/resources/scenarios. */
    public static TestFhirServer servingScenario(FhirContext fhirContext, Path scenario) {
        try {
            String record = new ObjectMapper()
                    .readTree(Files.readString(scenario))
                    .get("record")
                    .toString();
            return serving(fhirContext, fhirContext.newJsonParser().parseResource(Bundle.class, record));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws LifecycleException, IOException {
        if (tomcat != null) {
            return; // a @Nested class of the class that registered the server
        }
        startedBy = context.getUniqueId();
        RestfulServer servlet = new RestfulServer(fhirContext);
        TYPES.forEach(type -> servlet.registerProvider(new RecordProvider(
                type, resources.stream().filter(type::isInstance).toList())));
        FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(100);
        paging.setDefaultPageSize(PAGE_SIZE);
        paging.setMaximumPageSize(PAGE_SIZE);
        servlet.setPagingProvider(paging);
        servlet.setDefaultResponseEncoding(EncodingEnum.JSON);
        servlet.registerInterceptor(new Behaviour());

        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("test-fhir-server").toString());
        tomcat.setPort(0);
        Context root = tomcat.addContext("", null);
        Wrapper wrapper = Tomcat.addServlet(root, "fhir", servlet);
        wrapper.setLoadOnStartup(1);
        root.addServletMappingDecoded("/fhir/*", "fhir");
        tomcat.getConnector();
        tomcat.start();
        baseUrl = "http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/fhir";
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset();
    }

    /** No token demanded, no delay, no fault, no requests counted; a hanging response is released. */
    public void reset() {
        hangRelease.countDown();
        hangRelease = new CountDownLatch(1);
        requiredToken = null;
        delay = Duration.ZERO;
        fault = Fault.NONE;
        requests.clear();
        authorizations.clear();
    }

    /**
     * Waits (at most 3 s) until no request has arrived for {@code quiet}: a client that gave up on some queries
     * (a fault, a deadline) may still have them on the wire, and they must not be counted by the next test.
     */
    public void awaitQuiet(Duration quiet) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() - lastRequestNanos < quiet.toNanos() && System.nanoTime() < giveUp) {
            Thread.sleep(10);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws LifecycleException {
        if (!context.getUniqueId().equals(startedBy)) {
            return;
        }
        hangRelease.countDown();
        tomcat.stop();
        tomcat.destroy();
        tomcat = null;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Path and query of every request received since the test began, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** The Authorization header of every request (empty string when absent). */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    public void requireToken(String token) {
        requiredToken = token;
    }

    public void delayEachResponse(Duration delay) {
        this.delay = delay;
    }

    public void fault(Fault fault) {
        this.fault = fault;
    }

    @Interceptor
    public final class Behaviour {

        @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
        public boolean handle(HttpServletRequest request, HttpServletResponse response)
                throws IOException, InterruptedException {
            String authorization = request.getHeader("Authorization");
            lastRequestNanos = System.nanoTime();
            requests.add(
                    request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
            authorizations.add(authorization == null ? "" : authorization);
            if (requiredToken != null && !("Bearer " + requiredToken).equals(authorization)) {
                return answer(response, 401, "{\"resourceType\":\"OperationOutcome\"}");
            }
            Thread.sleep(delay.toMillis());
            return switch (fault) {
                case NONE -> true;
                case HTTP_500 -> answer(response, 500, "{\"resourceType\":\"OperationOutcome\"}");
                case MALFORMED_JSON ->
                    answer(response, 200, "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{");
                case HTTP_404 -> answer(response, 404, "{\"resourceType\":\"OperationOutcome\"}");
                case HANG -> {
                    hangRelease.await(30, TimeUnit.SECONDS);
                    yield answer(response, 503, "{}");
                }
            };
        }

        private boolean answer(HttpServletResponse response, int status, String body) throws IOException {
            response.setStatus(status);
            response.setContentType("application/fhir+json");
            response.getWriter().write(body);
            response.getWriter().close();
            return false;
        }
    }

    /** Read and search-by-patient (and by code) over the record's resources of one type. */
    public static final class RecordProvider implements IResourceProvider {
        private final Class<? extends Resource> type;
        private final List<? extends Resource> resources;

        RecordProvider(Class<? extends Resource> type, List<? extends Resource> resources) {
            this.type = type;
            this.resources = resources;
        }

        @Override
        public Class<? extends IBaseResource> getResourceType() {
            return type;
        }

        @Read
        public IBaseResource read(@IdParam IdType id) {
            return resources.stream()
                    .filter(resource ->
                            id.getIdPart().equals(resource.getIdElement().getIdPart()))
                    .findFirst()
                    .orElseThrow(() -> new ResourceNotFoundException(id));
        }

        @Search
        public List<IBaseResource> search(
                @RequiredParam(name = "patient") ReferenceParam patient,
                @OptionalParam(name = "code") TokenOrListParam code) {
            return resources.stream()
                    .filter(resource -> isOf(resource, patient.getIdPart()))
                    .filter(resource -> code == null || hasCode(resource, code))
                    .map(IBaseResource.class::cast)
                    .toList();
        }

        /** {@code Medication?_id=a,b}: the fetch by reference of PROTOCOL-v3 section A. */
        @Search
        public List<IBaseResource> searchById(@RequiredParam(name = "_id") TokenOrListParam ids) {
            List<String> wanted = ids.getValuesAsQueryTokens().stream()
                    .map(TokenParam::getValue)
                    .toList();
            return resources.stream()
                    .filter(resource -> wanted.contains(resource.getIdElement().getIdPart()))
                    .map(IBaseResource.class::cast)
                    .toList();
        }

        private static boolean isOf(Resource resource, String patientId) {
            Property subject = resource.getNamedProperty("subject");
            return subject != null
                    && subject.hasValues()
                    && subject.getValues().get(0) instanceof Reference reference
                    && patientId.equals(reference.getReferenceElement().getIdPart());
        }

        private static boolean hasCode(Resource resource, TokenOrListParam tokens) {
            Property code = resource.getNamedProperty("code");
            if (code == null || !code.hasValues() || !(code.getValues().get(0) instanceof CodeableConcept concept)) {
                return false;
            }
            return tokens.getValuesAsQueryTokens().stream()
                    .anyMatch(token -> concept.getCoding().stream()
                            .anyMatch(coding -> matches(token, coding.getSystem(), coding.getCode())));
        }

        private static boolean matches(TokenParam token, String system, String code) {
            return token.getValue().equals(code)
                    && (token.getSystem() == null || token.getSystem().equals(system));
        }
    }
}
