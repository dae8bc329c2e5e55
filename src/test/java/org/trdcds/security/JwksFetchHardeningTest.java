package org.trdcds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.nimbusds.jose.jwk.JWK;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.trdcds.TestClock;

/**
 * F3/F4 over real HTTP to loopback JWKS servers: a redirect is never followed, a body dripping one byte a second ends
 * at cds.security.jwks-timeout, and a slow refetch holds no lock: other calls are served the cached keys meanwhile,
 * and however many calls ask for an unknown kid, one refetch is in flight.
 */
class JwksFetchHardeningTest {

    final TestClock clock = new TestClock(Instant.parse("2026-01-15T10:00:00Z"));

    @Test
    void aRedirectIsNeverFollowed() throws IOException {
        try (JwksServer target = new JwksServer(TestKeys.publicSet(TestKeys.EC))) {
            HttpServer redirector = server(exchange -> {
                exchange.getResponseHeaders().add("Location", target.uri().toString());
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            });
            try {
                URI url = uri(redirector);
                assertThatThrownBy(() -> new JwksLoader(Duration.ofSeconds(2)).load(url))
                        .isInstanceOf(IOException.class)
                        .hasMessageContaining("302");
                assertThat(target.requests())
                        .as("the redirect's target was never asked")
                        .isZero();
                IssuerKeys keys = new IssuerKeys(
                        TestKeys.ISSUER,
                        url,
                        new JwksLoader(Duration.ofSeconds(2)),
                        clock,
                        Duration.ofSeconds(30),
                        Duration.ofHours(1));
                assertThat(keys.find("ec-1")).isEmpty();
                assertThat(keys.loaded()).isFalse();
            } finally {
                redirector.stop(0);
            }
        }
    }

    @Test
    void aDripOfOneByteASecondEndsAtTheJwksTimeout() throws IOException {
        HttpServer drip = server(exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 30; i++) {
                    out.write(i == 0 ? '{' : ' ');
                    out.flush();
                    Thread.sleep(1000);
                }
            } catch (IOException | InterruptedException e) {
                // the client gave up
            }
            exchange.close();
        });
        try {
            URI url = uri(drip);
            long start = System.nanoTime();
            assertTimeoutPreemptively(
                    Duration.ofSeconds(8),
                    () -> assertThatThrownBy(() -> new JwksLoader(Duration.ofSeconds(2)).load(url))
                            .isInstanceOf(IOException.class));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(4500));
        } finally {
            drip.stop(0);
        }
    }

    @Test
    void aSlowRefetchServesTheCachedKeysMeanwhileAndRunsOnce() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        byte[] jwks = TestKeys.publicSet(TestKeys.EC).toString().getBytes(StandardCharsets.UTF_8);
        HttpServer slow = server(exchange -> {
            if (requests.incrementAndGet() > 1) {
                sleep(1500); // every refetch is slow
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        try {
            IssuerKeys keys = new IssuerKeys(
                    TestKeys.ISSUER,
                    uri(slow),
                    new JwksLoader(Duration.ofSeconds(5)),
                    clock,
                    Duration.ofSeconds(30),
                    Duration.ofHours(1));
            assertThat(keys.find("ec-1")).isPresent();
            clock.advance(Duration.ofHours(2)); // stale: the next call refetches

            CompletableFuture<Optional<JWK>> refetching = CompletableFuture.supplyAsync(() -> keys.find("ec-1"));
            while (requests.get() < 2) {
                Thread.sleep(10);
            }
            long start = System.nanoTime();
            assertThat(keys.find("ec-1"))
                    .as("the cached key while the refetch runs")
                    .isPresent();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));

            List<CompletableFuture<Optional<JWK>>> unknown = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                unknown.add(CompletableFuture.supplyAsync(() -> keys.find("unknown-kid")));
            }
            for (CompletableFuture<Optional<JWK>> call : unknown) {
                assertThat(call.get(10, TimeUnit.SECONDS)).isEmpty();
            }
            assertThat(refetching.get(10, TimeUnit.SECONDS)).isPresent();
            assertThat(requests.get())
                    .as("one refetch in flight, however many calls")
                    .isEqualTo(2);
        } finally {
            slow.stop(0);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpServer server(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks.json", handler);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return server;
    }

    private static URI uri(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
    }
}
