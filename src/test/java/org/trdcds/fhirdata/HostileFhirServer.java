package org.trdcds.fhirdata;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A loopback "FHIR server" that answers every request with a hostile body: a gzip bomb (a few MB on the wire, ~1 GB
 * inflated), an endless plain body, or a Bundle of many tiny entries. It counts the body bytes it managed to write
 * (before the client hung up), so a test can tell whether the client stopped reading.
 */
final class HostileFhirServer implements AutoCloseable {

    enum Body {
        GZIP_BOMB,
        PLAIN_400MB,
        MANY_ENTRIES
    }

    static final long INFLATED_BYTES = 1L << 30;
    static final int ENTRIES = 70_000;
    private static final int BLOCK = 64 << 20;
    private static volatile byte[] spacesMember;

    private final HttpServer server;
    private final AtomicLong written = new AtomicLong();

    HostileFhirServer(Body body) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "hostile-fhir");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/fhir+json;charset=utf-8");
            try (OutputStream out = exchange.getResponseBody()) {
                switch (body) {
                    case GZIP_BOMB -> {
                        exchange.getResponseHeaders().add("Content-Encoding", "gzip");
                        exchange.sendResponseHeaders(200, 0);
                        write(
                                out,
                                gzip("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":["
                                        .getBytes(StandardCharsets.UTF_8)));
                        for (long done = 0; done < INFLATED_BYTES; done += BLOCK) {
                            write(out, spaces()); // concatenated gzip members: one stream inflating to 1 GB
                        }
                        write(out, gzip("]}".getBytes(StandardCharsets.UTF_8)));
                    }
                    case PLAIN_400MB -> {
                        exchange.sendResponseHeaders(200, 0);
                        write(
                                out,
                                "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":["
                                        .getBytes(StandardCharsets.UTF_8));
                        byte[] chunk = new byte[1 << 20];
                        Arrays.fill(chunk, (byte) ' ');
                        for (int i = 0; i < 400; i++) {
                            write(out, chunk);
                        }
                        write(out, "]}".getBytes(StandardCharsets.UTF_8));
                    }
                    case MANY_ENTRIES -> {
                        StringBuilder json =
                                new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[");
                        for (int i = 0; i < ENTRIES; i++) {
                            json.append(i == 0 ? "" : ",").append("{}");
                        }
                        byte[] bytes = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(200, bytes.length);
                        write(out, bytes);
                    }
                }
            } catch (IOException e) {
                // the client hung up: what it refused is what the test measures
            }
            exchange.close();
        });
        server.start();
    }

    private void write(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        written.addAndGet(bytes.length);
    }

    /** One gzip member of 64 MB of spaces, made once per test JVM (about 64 KB). */
    private static byte[] spaces() throws IOException {
        if (spacesMember == null) {
            byte[] block = new byte[BLOCK];
            Arrays.fill(block, (byte) ' ');
            spacesMember = gzip(block);
        }
        return spacesMember;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Body bytes written to the socket (compressed bytes for the bomb). */
    long written() {
        return written.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
