package org.trdcds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How {@link CdsRequestFilter} reads a body within the limit, of declared length (Content-Length) or chunked. */
class RequestBodyTest {

    private static final byte[] BODY = "{\"hook\":\"patient-view\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aBodyOfDeclaredLengthIsReadWhole() throws IOException {
        assertThat(CdsRequestFilter.readAtMost(new ByteArrayInputStream(BODY), BODY.length, BODY.length))
                .isEqualTo(BODY);
        assertThat(CdsRequestFilter.readAtMost(new ByteArrayInputStream(new byte[0]), 0, 10)).isEmpty();
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedUnread() throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(BODY);

        assertThat(CdsRequestFilter.readAtMost(in, BODY.length, BODY.length - 1)).isNull();
        assertThat(in.available()).as("nothing read").isEqualTo(BODY.length);
    }

    @Test
    void aStreamLongerThanItsDeclaredLengthIsRefused() throws IOException {
        assertThat(CdsRequestFilter.readAtMost(new ByteArrayInputStream(BODY), BODY.length - 5, 1_000)).isNull();
    }

    @Test
    void aChunkedBodyIsReadUpToTheLimit() throws IOException {
        byte[] large = new byte[20_000];
        large[19_999] = 7;

        assertThat(CdsRequestFilter.readAtMost(new ByteArrayInputStream(large), -1, 20_000)).isEqualTo(large);
        assertThat(CdsRequestFilter.readAtMost(new ByteArrayInputStream(large), -1, 19_999)).isNull();
    }
}
