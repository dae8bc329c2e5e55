package org.trdcds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.trdcds.edge.Refusals;
import org.trdcds.replay.MemoryReplayStore;
import org.trdcds.replay.ReplayStore;
import org.trdcds.security.SecurityProperties.Mode;
import org.trdcds.security.SecurityProperties.TrustedIssuer;

/** cds.security.max-token-lifetime, and a replay store that cannot decide refusing the call (503), never passing it. */
class TokenLifetimeAndReplayTest {

    static final String AUDIENCE = TestKeys.AUDIENCE_BASE + "/cds-services/trd-ketamine-tms";

    @TempDir
    Path dir;

    SecurityProperties properties() throws Exception {
        Path jwks = Files.writeString(
                dir.resolve("jwks.json"), TestKeys.publicSet(TestKeys.EC).toString());
        return TestKeys.properties(Mode.VERIFY, null, new TrustedIssuer(TestKeys.ISSUER, jwks.toUri(), null));
    }

    JwtVerifier verifier(Duration maxLifetime) throws Exception {
        SecurityProperties properties = properties();
        return new JwtVerifier(
                properties,
                Clock.systemUTC(),
                new MemoryReplayStore(1000, properties.clockSkew(), Clock.systemUTC()),
                maxLifetime);
    }

    static Date at(Instant instant) {
        return Date.from(instant);
    }

    @Test
    void aTokenValidLongerThanTheCapIsRefused() throws Exception {
        JwtVerifier verifier = verifier(Duration.ofMinutes(5));
        Instant now = Instant.now();

        assertThatThrownBy(() -> verifier.verify(
                        TestKeys.es384(TestKeys.claims(AUDIENCE)
                                .expirationTime(at(Instant.parse("2100-01-01T00:00:00Z")))
                                .build()),
                        AUDIENCE))
                .hasMessage("lifetime over cds.security.max-token-lifetime");
        assertThatThrownBy(() -> verifier.verify(
                        TestKeys.es384(TestKeys.claims(AUDIENCE)
                                .expirationTime(at(now.plusSeconds(300 + 60 + 5)))
                                .build()),
                        AUDIENCE))
                .hasMessage("lifetime over cds.security.max-token-lifetime");
        assertThatThrownBy(() -> verifier.verify(
                        TestKeys.es384(TestKeys.claims(AUDIENCE)
                                .issueTime(at(now.minus(Duration.ofDays(365))))
                                .expirationTime(at(now.plusSeconds(60)))
                                .build()),
                        AUDIENCE))
                .hasMessage("lifetime over cds.security.max-token-lifetime");
    }

    @Test
    void aTokenWithinTheCapPlusSkewIsAcceptedAndTheCapIsConfigurable() throws Exception {
        Instant now = Instant.now();
        assertThat(verifier(Duration.ofMinutes(5))
                        .verify(
                                TestKeys.es384(TestKeys.claims(AUDIENCE)
                                        .expirationTime(at(now.plusSeconds(300 + 50)))
                                        .build()),
                                AUDIENCE)
                        .issuer())
                .isEqualTo(TestKeys.ISSUER);

        JwtVerifier oneMinute = verifier(Duration.ofMinutes(1));
        assertThatThrownBy(() -> oneMinute.verify(
                        TestKeys.es384(TestKeys.claims(AUDIENCE).build()), AUDIENCE))
                .hasMessage("lifetime over cds.security.max-token-lifetime");
    }

    @Test
    void aReplayStoreThatCannotDecideAnswers503WithRetryAfter() throws Exception {
        ReplayStore down = (issuer, jti, exp) -> {
            throw new ReplayStore.Unavailable("replay store database unavailable: test", null);
        };
        CdsAuthenticationFilter filter = new CdsAuthenticationFilter(
                properties(), Clock.systemUTC(), new Refusals(new SimpleMeterRegistry()), down, Duration.ofMinutes(5));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/cds-services/trd-ketamine-tms");
        request.addHeader(
                HttpHeaders.AUTHORIZATION,
                "Bearer " + TestKeys.es384(TestKeys.claims(AUDIENCE).build()));
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        try (LogCapture logs = new LogCapture()) {
            filter.doFilter(request, response, chain);
            assertThat(logs.lines()).anyMatch(line -> line.contains("503") && line.contains("unavailable"));
        }

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(response.getContentAsString()).contains("\"resourceType\":\"OperationOutcome\"", "transient");
        assertThat(chain.getRequest()).isNull();
    }
}
