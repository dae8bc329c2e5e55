package org.trdcds.edge;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request outside /cds-services whose body, if anything reads it, is bounded as a hook call's is: at most
 * cds.limits.max-body-bytes, all of it within cds.limits.body-read-timeout of the request's start. Past either the
 * read fails (an IOException; the caller's error handling answers), and nothing is read that nobody asked for.
 */
final class BoundedBodyRequest extends HttpServletRequestWrapper {

    private final long maxBytes;
    private final long deadline;
    private ServletInputStream stream;

    BoundedBodyRequest(HttpServletRequest request, long maxBytes, long deadline) {
        super(request);
        this.maxBytes = maxBytes;
        this.deadline = deadline;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            if (getContentLengthLong() > maxBytes) {
                throw new IOException("request body over cds.limits.max-body-bytes");
            }
            stream = new Bounded(super.getInputStream());
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    private final class Bounded extends ServletInputStream {
        private final ServletInputStream in;
        private long read;

        Bounded(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                read += n;
                if (read > maxBytes) {
                    throw new IOException("request body over cds.limits.max-body-bytes");
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("request body not arrived within cds.limits.body-read-timeout");
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("synchronous reads only");
        }
    }
}
