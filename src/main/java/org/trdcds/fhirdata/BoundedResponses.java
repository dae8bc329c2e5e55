package org.trdcds.fhirdata;

import java.io.IOException;
import java.io.InputStream;
import org.apache.http.HttpConnection;
import org.apache.http.HttpEntity;
import org.apache.http.HttpHost;
import org.apache.http.HttpResponse;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.HttpEntityWrapper;
import org.apache.http.protocol.HttpContext;

/**
 * Bounds every FHIR response the HTTP client hands to HAPI: added last, after Apache's content decoding, so the bytes
 * counted are the ones HAPI parses (a 1.6 MB gzip body inflating to 1 GB stops at the byte bound), and the Bundle
 * entries of a JSON or XML page are counted as the bytes stream past, before HAPI has built them. Past a bound the read
 * throws {@link ResponseBoundExceeded} and the connection is shut down (never drained, never reused).
 */
final class BoundedResponses implements HttpResponseInterceptor {

    private final long maxBytes;
    private final int maxEntries;

    BoundedResponses(long maxBytes, int maxEntries) {
        if (maxBytes <= 0 || maxEntries <= 0) {
            throw new IllegalArgumentException(
                    "cds.fhir.max-response-bytes and cds.fhir.max-entries-per-page must be positive");
        }
        this.maxBytes = maxBytes;
        this.maxEntries = maxEntries;
    }

    @Override
    public void process(HttpResponse response, HttpContext context) throws IOException {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return;
        }
        HttpClientContext client = HttpClientContext.adapt(context);
        HttpHost target = client.getTargetHost();
        String server = target == null ? "the FHIR server" : target.toURI();
        HttpConnection connection = client.getConnection();
        long declared = entity.getContentLength();
        if (declared > maxBytes && entity.getContentEncoding() == null) {
            shutDown(connection);
            throw exceeded(server, "bytes", maxBytes);
        }
        boolean xml = isXml(entity);
        response.setEntity(new HttpEntityWrapper(entity) {
            @Override
            public InputStream getContent() throws IOException {
                return new BoundedStream(super.getContent(), xml, () -> shutDown(connection), server);
            }

            @Override
            public long getContentLength() {
                return -1; // the decoded length is not the declared one; nobody may size a buffer by it
            }
        });
    }

    private static boolean isXml(HttpEntity entity) {
        try {
            ContentType type = ContentType.get(entity);
            return type != null
                    && type.getMimeType() != null
                    && type.getMimeType().toLowerCase().contains("xml");
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void shutDown(HttpConnection connection) {
        if (connection != null) {
            try {
                connection.shutdown();
            } catch (IOException | RuntimeException e) {
                // already closed
            }
        }
    }

    static ResponseBoundExceeded exceeded(String server, String what, long bound) {
        String setting = "bytes".equals(what) ? "cds.fhir.max-response-bytes" : "cds.fhir.max-entries-per-page";
        return new ResponseBoundExceeded(server + " sent a response beyond " + setting + " (" + bound + " " + what
                + (what.equals("bytes") ? ", after decompression)" : " in one page)"));
    }

    /** Counts bytes and Bundle entries as they are read; throws once past either bound. */
    private final class BoundedStream extends InputStream {
        private final InputStream in;
        private final EntryCounter entries;
        private final Runnable shutDown;
        private final String server;
        private long bytes;
        private boolean failed;

        BoundedStream(InputStream in, boolean xml, Runnable shutDown, String server) {
            this.in = in;
            this.entries = xml ? EntryCounter.xml() : EntryCounter.json();
            this.shutDown = shutDown;
            this.server = server;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (failed) {
                throw new ResponseBoundExceeded(server + " response already refused");
            }
            int n = in.read(buffer, offset, (int) Math.min(length, maxBytes - bytes + 1));
            if (n <= 0) {
                return n;
            }
            bytes += n;
            if (bytes > maxBytes) {
                throw fail("bytes", maxBytes);
            }
            if (entries.feed(buffer, offset, n) > maxEntries) {
                throw fail("entries", maxEntries);
            }
            return n;
        }

        private ResponseBoundExceeded fail(String what, long bound) {
            failed = true;
            shutDown.run();
            return exceeded(server, what, bound);
        }

        @Override
        public void close() throws IOException {
            if (failed) {
                return; // the connection is shut: closing the decoder would try to drain the rest
            }
            in.close();
        }
    }
}
