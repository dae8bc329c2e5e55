package org.trdcds.fhirdata;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server that answers every request with one redirect status to the same path on another base URL,
 * or (as the sink of such redirects) with a FHIR Patient; it records the Authorization header of every request.
 */
public final class Redirector implements AutoCloseable {

    private final HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    private Redirector(int status, String target) {
        this(status, target, "{\"resourceType\":\"Patient\",\"id\":\"p-cand\"}");
    }

    private Redirector(int status, String target, String answer) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization == null ? "-" : authorization);
            if (target != null) {
                exchange.getResponseHeaders().add("Location", target + exchange.getRequestURI());
                exchange.sendResponseHeaders(status, -1);
            } else {
                byte[] patient = answer.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
                exchange.sendResponseHeaders(200, patient.length);
                exchange.getResponseBody().write(patient);
            }
            exchange.close();
        });
        server.start();
    }

    /** Redirects every request with {@code status} to {@code targetBase} + the request's path and query. */
    public static Redirector redirecting(int status, String targetBase) {
        return new Redirector(status, targetBase);
    }

    /** Answers every request with a Patient; the place a redirect would lead to. */
    public static Redirector sink() {
        return new Redirector(200, null);
    }

    /** Answers every request with this FHIR JSON. */
    public static Redirector answering(String fhirJson) {
        return new Redirector(200, null, fhirJson);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The Authorization header of each request received ("-" when there was none). */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
