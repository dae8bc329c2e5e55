package org.trdcds.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How {@link CdsRequestFilter} reads a body within the limit, of declared length (Content-Length) or chunked. */
class RequestBodyTest {

    static final long LATER = System.nanoTime() + 60_000_000_000L;

    private static final byte[] BODY = "{\"hook\":\"patient-view\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aBodyOfDeclaredLengthIsReadWhole() throws IOException {
        assertThat(CdsRequestFilter.readAtMost(new ByteArrayInputStream(BODY), BODY.length, BODY.length, LATER))
                .isEqualTo(BODY);
        assertThat(CdsRequestFilter.readAtMost(new ByteArrayInputStream(new byte[0]), 0, 10, LATER))
                .isEmpty();
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedUnread() throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(BODY);

        assertThat(CdsRequestFilter.readAtMost(in, BODY.length, BODY.length - 1, LATER))
                .isNull();
        assertThat(in.available()).as("nothing read").isEqualTo(BODY.length);
    }

    @Test
    void aStreamLongerThanItsDeclaredLengthIsRefused() throws IOException {
        assertThat(CdsRequestFilter.readAtMost(new ByteArrayInputStream(BODY), BODY.length - 5, 1_000, LATER))
                .isNull();
    }

    @Test
    void aChunkedBodyIsReadUpToTheLimit() throws IOException {
        byte[] large = new byte[20_000];
        large[19_999] = 7;

        assertThat(CdsRequestFilter.readAtMost(new ByteArrayInputStream(large), -1, 20_000, LATER))
                .isEqualTo(large);
        assertThat(CdsRequestFilter.readAtMost(new ByteArrayInputStream(large), -1, 19_999, LATER))
                .isNull();
    }

    @Test
    void aBodyStillArrivingAtTheDeadlineIsTooSlow() {
        java.io.InputStream trickle = new java.io.InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                b[off] = 'x';
                return 1; // one byte per read, like a client sending one byte at a time
            }
        };
        long deadline = System.nanoTime() + 50_000_000L;

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> CdsRequestFilter.readAtMost(trickle, 10_000_000, 20_000_000, deadline))
                .isInstanceOf(CdsRequestFilter.BodyTooSlow.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> CdsRequestFilter.readAtMost(trickle, -1, 20_000_000, deadline))
                .isInstanceOf(CdsRequestFilter.BodyTooSlow.class);
    }
}
