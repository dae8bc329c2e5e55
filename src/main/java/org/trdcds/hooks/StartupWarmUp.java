package org.trdcds.hooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.trdcds.security.SecurityProperties;

/**
 * Runs before the application reports ready, so that the first real call is not a cold one: rehearses every hook on
 * the synthetic requests of warm-up/ in process (parse, data, decision, cards, JSON), then sends the same calls and
 * discovery over HTTP through the whole web stack, marked with the process's {@link WarmUpKey} so that nothing is
 * recorded or counted (not over HTTP when calls must be signed: the warm-up has no JWT).
 * At most cds.warm-up.rounds in-process rounds (0 turns the warm-up off) within the first half of cds.warm-up.budget,
 * then HTTP rounds until the budget is spent (at least a few, so the web stack is loaded); a warm-up that fails is
 * logged and never stops the application.
 */
@Component
class StartupWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupWarmUp.class);
    private static final int HTTP_CALLS = 5_000;
    private static final int MIN_HTTP_CALLS = 5;

    private final ServiceCatalog catalog;
    private final HookInvocation invocation;
    private final ObjectMapper objectMapper;
    private final ApplicationContext context;
    private final WarmUpKey warmUpKey;
    private final int rounds;
    private final long budgetNanos;

    StartupWarmUp(
            ServiceCatalog catalog,
            HookInvocation invocation,
            ObjectMapper objectMapper,
            ApplicationContext context,
            WarmUpKey warmUpKey,
            WarmUpProperties properties) {
        this.catalog = catalog;
        this.invocation = invocation;
        this.objectMapper = objectMapper;
        this.context = context;
        this.warmUpKey = warmUpKey;
        this.rounds = properties.rounds();
        this.budgetNanos = properties.budget().toNanos();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (rounds <= 0) {
            return;
        }
        long start = System.nanoTime();
        try {
            Map<String, byte[]> requests = requests();
            int round = 0;
            for (; round < rounds && System.nanoTime() - start < budgetNanos / 2; round++) {
                for (Map.Entry<String, byte[]> request : requests.entrySet()) {
                    objectMapper.writeValueAsBytes(invocation.rehearse(request.getKey(), request.getValue()));
                }
            }
            overHttp(requests, start + budgetNanos);
            log.info(
                    "warmed up in {} ms ({} rounds of {} hooks)",
                    (System.nanoTime() - start) / 1_000_000,
                    round,
                    requests.size());
        } catch (IOException | RuntimeException e) {
            log.warn("start-up warm-up failed; the first calls will be slower ({})", e.toString());
        }
    }

    /** Service id -> its warm-up request (warm-up/{hook}.json), for the hooks that have one. */
    private Map<String, byte[]> requests() throws IOException {
        Map<String, byte[]> requests = new LinkedHashMap<>();
        for (CdsService service : catalog.services()) {
            ClassPathResource file = new ClassPathResource("warm-up/" + service.hook() + ".json");
            if (file.exists()) {
                try (InputStream in = file.getInputStream()) {
                    requests.put(service.id(), in.readAllBytes());
                }
            }
        }
        return requests;
    }

    private void overHttp(Map<String, byte[]> requests, long deadline) throws IOException {
        if (!(context instanceof WebServerApplicationContext web) || web.getWebServer() == null || mustBeSigned()) {
            return;
        }
        String base = "http://127.0.0.1:" + web.getWebServer().getPort()
                + context.getEnvironment().getProperty("server.servlet.context-path", "") + "/cds-services";
        for (int call = 0; call < HTTP_CALLS && (call < MIN_HTTP_CALLS || System.nanoTime() < deadline); call++) {
            if (refused(send(base, "GET", null))) {
                return; // calls must be signed (cds.security.trusted-issuers): the warm-up has no token
            }
            for (Map.Entry<String, byte[]> request : requests.entrySet()) {
                if (refused(send(base + "/" + request.getKey(), "POST", request.getValue()))) {
                    return;
                }
            }
        }
    }

    /**
     * Whether calls must carry a client JWT: then the warm-up, which has none, does not call over HTTP at all (it
     * would only be refused, and an operator would read "Refused ... no bearer token" at every start as an attack).
     */
    private boolean mustBeSigned() {
        SecurityProperties security =
                context.getBeanProvider(SecurityProperties.class).getIfAvailable();
        return security != null
                && security.mode() == SecurityProperties.Mode.VERIFY
                && !security.trustedIssuers().isEmpty();
    }

    private static boolean refused(int status) {
        return status == 401 || status == 403;
    }

    private int send(String url, String method, byte[] body) throws IOException {
        HttpURLConnection connection =
                (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setConnectTimeout(2000);
        connection.setReadTimeout(5000);
        if (body != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty(WarmUpKey.HEADER, warmUpKey.value());
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
        }
        int status = connection.getResponseCode();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
        return status;
    }
}
