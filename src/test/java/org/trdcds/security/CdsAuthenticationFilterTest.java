package org.trdcds.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The filter in a minimal MVC context: only the security configuration and a probe controller. */
@WebMvcTest
@ContextConfiguration(classes = CdsAuthenticationFilterTest.ProbeApplication.class)
@ActiveProfiles(CdsAuthenticationFilterTest.PROBE_PROFILE)
class CdsAuthenticationFilterTest {

    /**
     * The probe beans exist only in this profile: the application's component scan also sees test classes, and the
     * probe's /cds-services mappings must never shadow the real controllers in other Spring tests.
     */
    static final String PROBE_PROFILE = "security-probe";

    static final String ADMIN_TOKEN = "c0ffee2b9a8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f";

    @SpringBootConfiguration
    @Profile(PROBE_PROFILE)
    @Import({SecurityConfiguration.class, org.trdcds.edge.Refusals.class, ProbeController.class})
    static class ProbeApplication {}

    /** Stands in for the real endpoints; answers with the authenticated issuer, if any. */
    @RestController
    @Profile(PROBE_PROFILE)
    static class ProbeController {

        @CrossOrigin
        @GetMapping("/cds-services")
        String discovery(HttpServletRequest request) {
            return "discovery " + issuer(request);
        }

        @PostMapping("/cds-services/{id}")
        String service(@PathVariable String id, HttpServletRequest request) {
            return id + " " + issuer(request);
        }

        @PostMapping("/cds-services/{id}/feedback")
        String feedback(@PathVariable String id) {
            return "feedback " + id;
        }

        @GetMapping({"/admin/ping", "/actuator/env", "/actuator/health/liveness", "/public"})
        String plain() {
            return "ok";
        }

        private static String issuer(HttpServletRequest request) {
            Object client = request.getAttribute(AuthenticatedClient.ATTRIBUTE);
            return client == null ? "anonymous" : ((AuthenticatedClient) client).issuer();
        }
    }

    static RequestPostProcessor from(String remoteAddress) {
        return request -> {
            request.setRemoteAddr(remoteAddress);
            return request;
        };
    }

    static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            return request;
        };
    }

    @Nested
    class WithATrustedIssuer {

        static final Path JWKS = writeJwks();

        @DynamicPropertySource
        static void issuer(DynamicPropertyRegistry registry) {
            registry.add("cds.security.trusted-issuers[0].issuer", () -> TestKeys.ISSUER);
            registry.add(
                    "cds.security.trusted-issuers[0].jwks-url",
                    () -> JWKS.toUri().toString());
            registry.add("cds.security.audience-base-url", () -> "http://localhost");
        }

        static Path writeJwks() {
            try {
                Path file = Files.createTempFile("trusted-jwks", ".json");
                file.toFile().deleteOnExit();
                return Files.writeString(
                        file, TestKeys.publicSet(TestKeys.EC, TestKeys.RSA).toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Autowired
        MockMvc mvc;

        @Test
        void discoveryServiceAndFeedbackAcceptASignedTokenForTheirOwnUrl() throws Exception {
            mvc.perform(get("/cds-services")
                            .with(from("10.1.2.3"))
                            .with(bearer(TestKeys.es384(TestKeys.claims("http://localhost/cds-services")
                                    .build()))))
                    .andExpect(status().isOk())
                    .andExpect(content().string("discovery " + TestKeys.ISSUER));
            String serviceUrl = "http://localhost/cds-services/trd-ketamine-tms";
            mvc.perform(post("/cds-services/trd-ketamine-tms")
                            .with(from("10.1.2.3"))
                            .with(bearer(
                                    TestKeys.es384(TestKeys.claims(serviceUrl).build()))))
                    .andExpect(status().isOk())
                    .andExpect(content().string("trd-ketamine-tms " + TestKeys.ISSUER));
            mvc.perform(post("/cds-services/trd-ketamine-tms/feedback")
                            .with(from("10.1.2.3"))
                            .with(bearer(TestKeys.es384(
                                    TestKeys.claims(serviceUrl + "/feedback").build()))))
                    .andExpect(status().isOk());
        }

        @Test
        void aTokenForAnotherUrlIsRefusedWithA401WithoutDetail() throws Exception {
            String token = TestKeys.es384(
                    TestKeys.claims("http://localhost/cds-services/other").build());

            mvc.perform(post("/cds-services/trd-ketamine-tms").with(bearer(token)))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                    .andExpect(content().json("""
                            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"login",
                            "diagnostics":"authentication failed"}]}""", true));
        }

        @Test
        void noTokenIsRefusedEvenFromLoopback() throws Exception {
            mvc.perform(get("/cds-services").with(from("127.0.0.1")))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.resourceType").value("OperationOutcome"));
        }

        @Test
        void aCorsPreflightPassesWithoutAToken() throws Exception {
            mvc.perform(options("/cds-services")
                            .with(from("10.1.2.3"))
                            .header(HttpHeaders.ORIGIN, "https://sandbox.cds-hooks.org")
                            .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                            .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type"))
                    .andExpect(status().isOk())
                    .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*"));
        }

        @Test
        void otherPathsAndHealthAreOpen() throws Exception {
            mvc.perform(get("/public").with(from("10.1.2.3"))).andExpect(status().isOk());
            mvc.perform(get("/actuator/health/liveness").with(from("10.1.2.3"))).andExpect(status().isOk());
        }

        @Test
        void adminWithoutAConfiguredTokenIsLoopbackOnly() throws Exception {
            mvc.perform(get("/admin/ping").with(from("127.0.0.1"))).andExpect(status().isOk());
            mvc.perform(get("/actuator/env").with(from("::1"))).andExpect(status().isOk());
            mvc.perform(get("/admin/ping").with(from("10.1.2.3"))).andExpect(status().isUnauthorized());
            mvc.perform(get("/actuator/env").with(from("10.1.2.3"))).andExpect(status().isUnauthorized());
        }
    }

    @Nested
    class WithoutIssuers {

        @Autowired
        MockMvc mvc;

        @Test
        void unsignedCallsAreAcceptedFromLoopbackOnly() throws Exception {
            mvc.perform(post("/cds-services/trd-ketamine-tms").with(from("127.0.0.1")))
                    .andExpect(status().isOk())
                    .andExpect(content().string("trd-ketamine-tms anonymous"));
            mvc.perform(get("/cds-services").with(from("::1"))).andExpect(status().isOk());
            mvc.perform(post("/cds-services/trd-ketamine-tms").with(from("10.1.2.3")))
                    .andExpect(status().isUnauthorized());
            mvc.perform(get("/cds-services")
                            .with(from("10.1.2.3"))
                            .with(bearer(TestKeys.es384(TestKeys.claims("http://localhost/cds-services")
                                    .build()))))
                    .andExpect(status().isUnauthorized());
        }
    }

    @Nested
    @TestPropertySource(properties = "cds.security.mode=open")
    class OpenMode {

        @Autowired
        MockMvc mvc;

        @Test
        void cdsCallsPassFromAnywhereButAdminStaysGuarded() throws Exception {
            mvc.perform(post("/cds-services/trd-ketamine-tms").with(from("10.1.2.3")))
                    .andExpect(status().isOk());
            mvc.perform(get("/admin/ping").with(from("10.1.2.3"))).andExpect(status().isUnauthorized());
        }
    }

    @Nested
    @TestPropertySource(properties = "cds.security.admin-token=" + ADMIN_TOKEN)
    class WithAnAdminToken {

        @Autowired
        MockMvc mvc;

        @Test
        void adminNeedsTheTokenFromEveryAddress() throws Exception {
            mvc.perform(get("/admin/ping").with(from("10.1.2.3")).with(bearer(ADMIN_TOKEN)))
                    .andExpect(status().isOk());
            mvc.perform(get("/actuator/env").with(from("10.1.2.3")).with(bearer(ADMIN_TOKEN)))
                    .andExpect(status().isOk());
            mvc.perform(get("/admin/ping").with(from("127.0.0.1"))).andExpect(status().isUnauthorized());
            mvc.perform(get("/admin/ping").with(bearer(ADMIN_TOKEN + "x"))).andExpect(status().isUnauthorized());
            mvc.perform(get("/admin/ping").header(HttpHeaders.AUTHORIZATION, "Basic " + ADMIN_TOKEN))
                    .andExpect(status().isUnauthorized());
        }
    }
}
