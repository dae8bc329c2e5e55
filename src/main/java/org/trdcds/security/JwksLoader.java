package org.trdcds.security;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a JWK Set from an http(s) URL or a file: URL. Over HTTP: redirects are never followed (a 3xx is a failed
 * fetch: keys come from the configured URL only), the body is at most 512 KiB, and the whole fetch (connect, headers,
 * every byte of the body) ends at {@code timeout}: a server dripping a byte every few seconds fails at the timeout,
 * and the exchange is cancelled.
 */
final class JwksLoader {

    private static final int SIZE_LIMIT_BYTES = 512 * 1024;

    private final Duration timeout;
    private final HttpClient http;

    JwksLoader(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    /** The public keys only, whatever the source holds. */
    JWKSet load(URI url) throws IOException, ParseException {
        JWKSet set = switch (url.getScheme()) {
            case "file" -> JWKSet.load(Path.of(url).toFile());
            case "http", "https" -> JWKSet.parse(fetch(url));
            default -> throw new IOException("unsupported JWKS URL scheme " + url.getScheme());
        };
        return set.toPublicJWKSet();
    }

    private String fetch(URI url) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(
                request,
                info -> info.statusCode() == 200
                        ? BodySubscribers.fromSubscriber(new Limited(), Limited::bytes)
                        : BodySubscribers.replacing(null));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new IOException(
                    "JWKS fetch not complete within cds.security.jwks-timeout (" + timeout.toMillis() + " ms)");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
        if (response.statusCode() != 200 || response.body() == null) {
            throw new IOException("JWKS URL answered HTTP " + response.statusCode()
                    + (response.statusCode() / 100 == 3 ? " (redirects are not followed)" : ""));
        }
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** Collects the body, cancelling the exchange past the size limit. */
    private static final class Limited implements Flow.Subscriber<List<ByteBuffer>> {
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private Flow.Subscription subscription;
        private boolean tooLarge;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (tooLarge || body.size() + buffer.remaining() > SIZE_LIMIT_BYTES) {
                    tooLarge = true;
                    subscription.cancel();
                    return;
                }
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                body.writeBytes(bytes);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            // the exchange fails with it
        }

        @Override
        public void onComplete() {
            // bytes() is read once the exchange completes
        }

        byte[] bytes() {
            return tooLarge ? null : body.toByteArray();
        }
    }
}
