import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * Loopback servers and tokens for bench/hostile-soak.sh (run as a single-file program:
 * {@code java bench/HostileServers.java <dir> <port> <audience-base> <normal-threads> <tokens-per-thread>
 * <hostile-tokens>}). Writes into dir: the trusted issuer's JWKS (good-jwks.json, loaded by the service as a file),
 * ES256 tokens, one per line, with fresh jtis (normal-N.txt for the load's N threads, hostile-*.txt for the hostile
 * calls), and the hostile calls' request bodies; then serves on 127.0.0.1:port, until killed:
 *
 * <ul>
 *   <li>{@code /bomb/...}: every FHIR read answers gzip members a few hundred KB on the wire that inflate to 1 GB;
 *   <li>{@code /drip/...}: the headers, then one byte a second for up to two minutes;
 *   <li>{@code /huge/...}: a searchset page of 70,000 entries (6 MB);
 *   <li>{@code /jwks}: the second issuer's JWKS; the first fetch is answered at once, every later one drips a byte
 *       every two seconds.
 * </ul>
 *
 * Each served request is counted by route in counts.txt (rewritten every 5 s).
 */
public class HostileServers {

    static final AtomicInteger BOMB = new AtomicInteger(), DRIP = new AtomicInteger(), HUGE = new AtomicInteger();
    static final String GOOD = "https://good.soak.example", DRIP_ISSUER = "https://drip.soak.example";
    static final AtomicInteger JWKS = new AtomicInteger(), OTHER = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        String audienceBase = args[2];
        int normalThreads = Integer.parseInt(args[3]);
        int tokensPerThread = Integer.parseInt(args[4]);
        int hostileTokens = Integer.parseInt(args[5]);
        String fhir = "http://127.0.0.1:" + port;
        long lifetime = 20 * 60; // the run's length plus start-up; the service runs with max-token-lifetime=25m

        KeyPair good = ecKeyPair(), dripping = ecKeyPair(), unknown = ecKeyPair();
        Files.writeString(dir.resolve("good-jwks.json"), jwks(good, "good-1"));
        byte[] dripJwks = jwks(dripping, "drip-1").getBytes(StandardCharsets.UTF_8);
        String[] audiences = {
            audienceBase + "/cds-services/ketamine-tms-screening",
            audienceBase + "/cds-services/ketamine-tms-order-sign",
            audienceBase + "/cds-services/ketamine-tms-screening/feedback",
            audienceBase + "/cds-services/no-such-service"
        };
        // signing is the slow part on a busy machine: one signer per file, in parallel
        ExecutorService signers = Executors.newFixedThreadPool(8);
        List<Future<?>> files = new ArrayList<>();
        for (int t = 1; t <= normalThreads; t++) {
            Path file = dir.resolve("normal-" + t + ".txt");
            files.add(signers.submit(() -> tokens(file, good, "good-1", GOOD, audiences, lifetime, tokensPerThread)));
        }
        for (String route : new String[] {"bomb", "drip", "huge"}) {
            Path file = dir.resolve("hostile-" + route + ".txt");
            files.add(signers.submit(() -> tokens(file, good, "good-1", GOOD, audiences, lifetime, hostileTokens)));
            Files.writeString(dir.resolve("hostile-" + route + ".json"), fetchingRequest(fhir + "/" + route));
        }
        // the dripping issuer: a kid it published (served from the cache while a refetch drips) and one it did not
        Path known = dir.resolve("hostile-jwks-known.txt"), unpublished = dir.resolve("hostile-jwks-unknown.txt");
        files.add(signers.submit(() -> tokens(known, dripping, "drip-1", DRIP_ISSUER, audiences, lifetime, hostileTokens)));
        files.add(signers.submit(
                () -> tokens(unpublished, unknown, "drip-new", DRIP_ISSUER, audiences, lifetime, hostileTokens)));
        for (Future<?> file : files) {
            file.get();
        }
        signers.shutdown();

        byte[] bomb = bomb();
        byte[] huge = hugePage();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/bomb/", x -> answer(x, BOMB, () -> send(x, bomb, "gzip")));
        server.createContext("/huge/", x -> answer(x, HUGE, () -> send(x, huge, null)));
        server.createContext("/drip/", x -> answer(x, DRIP, () -> drip(x, "{\"resourceType\":\"Bundle\",\"entry\":[" + " ".repeat(200), 1000)));
        server.createContext("/jwks", x -> answer(x, JWKS, () -> {
            if (JWKS.get() == 1) {
                send(x, dripJwks, null);
            } else {
                drip(x, new String(dripJwks, StandardCharsets.UTF_8), 2000);
            }
        }));
        server.createContext("/", x -> answer(x, OTHER, () -> x.sendResponseHeaders(404, -1)));
        server.start();
        System.out.println("READY " + fhir + " bomb " + bomb.length + " bytes, huge page " + huge.length + " bytes");
        while (true) {
            Thread.sleep(5000);
            Files.writeString(dir.resolve("counts.txt"), "bomb=" + BOMB + " drip=" + DRIP + " huge=" + HUGE + " jwks="
                    + JWKS + " other=" + OTHER + "\n");
        }
    }

    interface Body {
        void write() throws IOException;
    }

    static void answer(HttpExchange exchange, AtomicInteger counter, Body body) {
        counter.incrementAndGet();
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            body.write();
        } catch (IOException clientWentAway) {
            // the service gave up on this response: that is the point
        }
    }

    static void send(HttpExchange exchange, byte[] body, String encoding) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/fhir+json");
        if (encoding != null) {
            exchange.getResponseHeaders().set("Content-Encoding", encoding);
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < body.length; i += 65536) {
                out.write(body, i, Math.min(65536, body.length - i));
            }
        }
    }

    /** The headers at once, then the text one byte per interval (two minutes at most), flushed each time. */
    static void drip(HttpExchange exchange, String text, long intervalMillis) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        long end = System.currentTimeMillis() + 120_000;
        for (int i = 0; i < text.length() && System.currentTimeMillis() < end; i++) {
            out.write(text.charAt(i));
            out.flush();
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
        out.close();
    }

    /** 1,024 copies of one gzip member holding 1 MB of spaces: concatenated members are one valid gzip stream. */
    static byte[] bomb() throws IOException {
        ByteArrayOutputStream member = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(member)) {
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            gzip.write(spaces);
        }
        byte[] one = member.toByteArray();
        byte[] all = new byte[one.length * 1024];
        for (int i = 0; i < 1024; i++) {
            System.arraycopy(one, 0, all, i * one.length, one.length);
        }
        return all;
    }

    static byte[] hugePage() {
        StringBuilder page = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[");
        for (int i = 0; i < 70_000; i++) {
            page.append(i == 0 ? "" : ",")
                    .append("{\"resource\":{\"resourceType\":\"Observation\",\"id\":\"o")
                    .append(i)
                    .append("\",\"status\":\"final\",\"code\":{\"text\":\"x\"}}}");
        }
        return page.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A patient-view call without prefetch: everything is fetched from fhirServer. */
    static String fetchingRequest(String fhirServer) {
        return "{\"hook\":\"patient-view\",\"hookInstance\":\"" + UUID.randomUUID() + "\",\"fhirServer\":\"" + fhirServer
                + "\",\"fhirAuthorization\":{\"access_token\":\"soak\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                + "\"scope\":\"patient/*.read\",\"subject\":\"soak\"},"
                + "\"context\":{\"userId\":\"Practitioner/example\",\"patientId\":\"p-hostile\"}}";
    }

    static KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    static String jwks(KeyPair pair, String kid) {
        ECPublicKey key = (ECPublicKey) pair.getPublic();
        return "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"use\":\"sig\",\"alg\":\"ES256\",\"kid\":\"" + kid
                + "\",\"x\":\"" + b64(unsigned32(key.getW().getAffineX())) + "\",\"y\":\""
                + b64(unsigned32(key.getW().getAffineY())) + "\"}]}";
    }

    static Void tokens(Path file, KeyPair pair, String kid, String issuer, String[] audiences, long lifetime, int count)
            throws Exception {
        String header = b64("{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}");
        String aud = "[\"" + String.join("\",\"", audiences) + "\"]";
        long now = System.currentTimeMillis() / 1000;
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            for (int i = 0; i < count; i++) {
                String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"soak\",\"aud\":" + aud + ",\"iat\":" + now
                        + ",\"exp\":" + (now + lifetime) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
                String input = header + "." + b64(claims);
                signer.initSign(pair.getPrivate());
                signer.update(input.getBytes(StandardCharsets.US_ASCII));
                out.println(input + "." + b64(signer.sign()));
            }
        }
        return null;
    }

    static byte[] unsigned32(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(32, bytes.length);
        System.arraycopy(bytes, bytes.length - copy, out, 32 - copy, copy);
        return out;
    }

    static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
