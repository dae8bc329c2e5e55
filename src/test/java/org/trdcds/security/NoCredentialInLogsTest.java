package org.trdcds.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.trdcds.security.SecurityProperties.Mode;
import org.trdcds.security.SecurityProperties.TrustedIssuer;

/** Every credential the filter sees, accepted or refused, stays out of the log (DEBUG included). */
class NoCredentialInLogsTest {

    static final String AUDIENCE = TestKeys.AUDIENCE_BASE + "/cds-services/trd-ketamine-tms";
    static final String ADMIN_TOKEN = "admin-secret-do-not-log-0123456789";

    @Test
    void noTokenOrAdminCredentialIsLogged(@TempDir Path dir) throws Exception {
        Path jwks = Files.writeString(
                dir.resolve("jwks.json"),
                TestKeys.publicSet(TestKeys.EC, TestKeys.RSA).toString());
        CdsAuthenticationFilter filter = new CdsAuthenticationFilter(
                TestKeys.properties(Mode.VERIFY, ADMIN_TOKEN, new TrustedIssuer(TestKeys.ISSUER, jwks.toUri(), null)),
                Clock.systemUTC());
        String valid =
                TestKeys.es384(TestKeys.claims(AUDIENCE).subject("client").build());
        List<String> tokens = List.of(
                valid,
                valid, // replayed
                TestKeys.sign(
                        TestKeys.header(JWSAlgorithm.RS384, "rsa-1").build(),
                        TestKeys.claims(AUDIENCE).build(),
                        TestKeys.RSA),
                TestKeys.es384(TestKeys.claims(AUDIENCE)
                        .expirationTime(JwtVerifierTest.in(-600))
                        .build()),
                TestKeys.es384(TestKeys.claims("http://localhost/elsewhere").build()),
                TestKeys.sign(
                        TestKeys.header(JWSAlgorithm.ES384, "ec-1").build(),
                        TestKeys.claims(AUDIENCE).build(),
                        TestKeys.generateEc("ec-1")),
                "garbage-" + valid);
        List<Integer> statuses = new ArrayList<>();

        try (LogCapture logs = new LogCapture()) {
            for (String token : tokens) {
                statuses.add(call(filter, "/cds-services/trd-ketamine-tms", token));
            }
            statuses.add(call(filter, "/admin/ping", ADMIN_TOKEN));
            statuses.add(call(filter, "/admin/ping", ADMIN_TOKEN + "-wrong"));

            assertThat(statuses).containsExactly(200, 401, 200, 401, 401, 401, 401, 200, 401);
            assertThat(logs.lines()).anyMatch(line -> line.startsWith("DEBUG Accepted CDS client"));
            assertThat(logs.lines())
                    .filteredOn(line -> line.startsWith("INFO Refused"))
                    .hasSize(6);
            List<String> secrets = new ArrayList<>(List.of(ADMIN_TOKEN));
            tokens.forEach(token -> secrets.addAll(Arrays.asList(token.split("\\."))));
            for (String line : logs.lines()) {
                assertThat(secrets).noneMatch(line::contains);
            }
        }
    }

    private static int call(CdsAuthenticationFilter filter, String path, String bearer) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setRemoteAddr("10.1.2.3");
        request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }

    @Test
    void theLoopbackDecisionReadsTheContainersRequestBeneathAnyWrapper() {
        MockHttpServletRequest socket = new MockHttpServletRequest("GET", "/cds-services");
        socket.setRemoteAddr("10.1.2.3");
        jakarta.servlet.http.HttpServletRequest forwarded = new jakarta.servlet.http.HttpServletRequestWrapper(socket) {
            @Override
            public String getRemoteAddr() {
                return "127.0.0.1"; // what a forwarded-header wrapper would answer for X-Forwarded-For: 127.0.0.1
            }
        };

        assertThat(CdsAuthenticationFilter.peerAddress(forwarded)).isEqualTo("10.1.2.3");
    }
}
