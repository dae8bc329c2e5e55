package org.trdcds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trdcds.TestClock;

class IssuerKeysTest {

    static final Path SANDBOX_JWKS =
            Path.of("src/test/resources/fixtures/cds-hooks-examples/sandbox-captured/sandbox-jwks.json");

    final TestClock clock = new TestClock(Instant.parse("2026-01-15T10:00:00Z"));
    final JwksLoader loader = new JwksLoader(Duration.ofSeconds(2));

    IssuerKeys keysAt(URI url) {
        return new IssuerKeys(TestKeys.ISSUER, url, loader, clock, Duration.ofSeconds(30), Duration.ofHours(1));
    }

    @Test
    void aRotatedKeyIsPickedUpOnItsFirstUseAndUnknownKidsDoNotRefetchWithinThirtySeconds() {
        try (JwksServer server = new JwksServer(TestKeys.publicSet(TestKeys.EC))) {
            IssuerKeys keys = keysAt(server.uri());
            assertThat(keys.find("ec-1")).isPresent();
            assertThat(server.requests()).isEqualTo(1);

            ECKey rotated = TestKeys.generateEc("ec-2");
            server.publish(TestKeys.publicSet(TestKeys.EC, rotated));
            clock.advance(Duration.ofSeconds(31));
            assertThat(keys.find("ec-2")).map(JWK::getKeyID).contains("ec-2");
            assertThat(server.requests()).isEqualTo(2);

            clock.advance(Duration.ofSeconds(10));
            assertThat(keys.find("ec-3")).isEmpty();
            assertThat(keys.find("ec-4")).isEmpty();
            assertThat(server.requests()).isEqualTo(2);

            clock.advance(Duration.ofSeconds(21));
            assertThat(keys.find("ec-3")).isEmpty();
            assertThat(server.requests()).isEqualTo(3);
        }
    }

    @Test
    void knownKidsAreServedFromTheCacheUntilItsTtlEnds() {
        try (JwksServer server = new JwksServer(TestKeys.publicSet(TestKeys.EC))) {
            IssuerKeys keys = keysAt(server.uri());
            for (int call = 0; call < 5; call++) {
                assertThat(keys.find("ec-1")).isPresent();
                clock.advance(Duration.ofMinutes(5));
            }
            assertThat(server.requests()).isEqualTo(1);

            clock.advance(Duration.ofMinutes(40));
            server.publish(TestKeys.publicSet(TestKeys.RSA));
            assertThat(keys.find("ec-1"))
                    .as("a key removed from the JWKS is dropped after the TTL")
                    .isEmpty();
            assertThat(server.requests()).isEqualTo(2);
        }
    }

    @Test
    void anUnreachableJwksFindsNoKeyAndIsNotRetriedWithinTheInterval() throws IOException {
        URI closedPort;
        try (JwksServer server = new JwksServer(TestKeys.publicSet(TestKeys.EC))) {
            closedPort = server.uri();
        }
        IssuerKeys keys = keysAt(closedPort);

        try (LogCapture logs = new LogCapture()) {
            assertThat(keys.find("ec-1")).isEmpty();
            assertThat(keys.find("ec-1")).isEmpty();

            assertThat(logs.lines()).singleElement().asString().startsWith("WARN Could not load the JWKS");
        }
    }

    @Test
    void aFileUrlIsReadFromDisk(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("jwks.json");
        Files.writeString(file, TestKeys.publicSet(TestKeys.EC, TestKeys.RSA).toString());

        IssuerKeys keys = keysAt(file.toUri());

        assertThat(keys.find("rsa-1")).isPresent();
        assertThat(keys.find("ec-1"))
                .get()
                .satisfies(key -> assertThat(key.isPrivate()).isFalse());
    }

    @Test
    void theSandboxPublicKeyLoadsAsAnEs384P384Key() throws Exception {
        JWKSet set = loader.load(SANDBOX_JWKS.toUri());

        assertThat(set.getKeys()).singleElement().isInstanceOf(ECKey.class);
        ECKey key = (ECKey) set.getKeys().get(0);
        assertThat(key.getCurve()).isEqualTo(Curve.P_384);
        assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.ES384);
        assertThat(key.getKeyID()).isEqualTo("44823f3d-0b01-4a6c-a80e-b9d3e8a7226f");
        assertThat(new ECDSAVerifier(key).supportedJWSAlgorithms()).containsExactly(JWSAlgorithm.ES384);
    }

    @Test
    void aPrivateKeyInTheSourceIsKeptOnlyAsItsPublicHalf(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("jwks.json");
        Files.writeString(file, new JWKSet(TestKeys.EC).toString(false));

        assertThat(loader.load(file.toUri()).getKeys())
                .singleElement()
                .satisfies(key -> assertThat(key.isPrivate()).isFalse());
    }

    @Test
    void aSlowJwksServerTimesOut() throws IOException {
        HttpServer slow = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        slow.createContext("/jwks.json", exchange -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        slow.setExecutor(Executors.newSingleThreadExecutor());
        slow.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + slow.getAddress().getPort() + "/jwks.json");
            long started = System.nanoTime();

            assertThatThrownBy(() -> new JwksLoader(Duration.ofMillis(300)).load(url))
                    .isInstanceOf(IOException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        } finally {
            slow.stop(0);
        }
    }
}
