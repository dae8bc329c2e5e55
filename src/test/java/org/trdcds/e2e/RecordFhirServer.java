package org.trdcds.e2e;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The v3 runner's FHIR server: HAPI's RestfulServer in an embedded Tomcat holding whole records, for the clinical
 * resource types a CDS service may ask for. Every type answers read and any search: by patient, by code, by
 * {@code _id} (so {@code Medication?_id=a,b} is answered), with {@code _include} (see {@link RecordQueries});
 * paged 5 per page. Demands a bearer token and records each request's path, query and Authorization header.
 */
final class RecordFhirServer implements BeforeAllCallback, AfterAllCallback {

    static final List<String> TYPES = List.of(
            "Patient",
            "Condition",
            "Observation",
            "MedicationStatement",
            "MedicationRequest",
            "MedicationAdministration",
            "MedicationDispense",
            "Medication",
            "Procedure",
            "ServiceRequest",
            "Device",
            "DeviceUseStatement",
            "Encounter",
            "DiagnosticReport",
            "AllergyIntolerance",
            "RiskAssessment",
            "QuestionnaireResponse",
            "CarePlan",
            "Immunization",
            "FamilyMemberHistory");

    private final FhirContext fhir;
    private final List<Resource> record;
    private final String token;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private Tomcat tomcat;
    private String baseUrl;

    RecordFhirServer(FhirContext fhir, List<Resource> record, String token) {
        this.fhir = fhir;
        this.record = record;
        this.token = token;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws LifecycleException, IOException {
        if (tomcat != null) {
            return;
        }
        RestfulServer servlet = new RestfulServer(fhir);
        TYPES.forEach(type -> servlet.registerProvider(
                new Provider(fhir.getResourceDefinition(type).getImplementingClass())));
        FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(200);
        paging.setDefaultPageSize(5);
        paging.setMaximumPageSize(5);
        servlet.setPagingProvider(paging);
        servlet.setDefaultResponseEncoding(EncodingEnum.JSON);
        servlet.registerInterceptor(new Gate());
        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("record-fhir-server").toString());
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
    public void afterAll(ExtensionContext context) throws LifecycleException {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
            tomcat = null;
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    void clearRequests() {
        requests.clear();
        authorizations.clear();
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    @Interceptor
    public final class Gate {
        @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
        public boolean handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String authorization = request.getHeader("Authorization");
            requests.add(
                    request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
            authorizations.add(authorization == null ? "" : authorization);
            if (!("Bearer " + token).equals(authorization)) {
                response.setStatus(401);
                response.setContentType("application/fhir+json");
                response.getWriter().write("{\"resourceType\":\"OperationOutcome\"}");
                response.getWriter().close();
                return false;
            }
            return true;
        }
    }

    /** Read and any search over the record's resources of one type. */
    public final class Provider implements IResourceProvider {
        private final Class<? extends IBaseResource> type;

        Provider(Class<? extends IBaseResource> type) {
            this.type = type;
        }

        @Override
        public Class<? extends IBaseResource> getResourceType() {
            return type;
        }

        @Read
        public IBaseResource read(@IdParam IdType id) {
            return record.stream()
                    .filter(type::isInstance)
                    .filter(r -> id.getIdPart().equals(r.getIdElement().getIdPart()))
                    .findFirst()
                    .orElseThrow(() -> new ResourceNotFoundException(id));
        }

        @Search(allowUnknownParams = true)
        public List<IBaseResource> search(HttpServletRequest request) {
            String typeName = fhir.getResourceType(type);
            Bundle answer = RecordQueries.search(typeName, RecordQueries.parameters(request.getQueryString()), record);
            List<IBaseResource> out = new ArrayList<>();
            for (Bundle.BundleEntryComponent entry : answer.getEntry()) {
                Resource resource = entry.getResource().copy();
                if (entry.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE) {
                    ca.uhn.fhir.model.api.ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(
                            resource, ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum.INCLUDE);
                }
                out.add(resource);
            }
            return out;
        }
    }
}
