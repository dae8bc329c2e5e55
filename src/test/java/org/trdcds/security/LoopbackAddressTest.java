package org.trdcds.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoopbackAddressTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            nullValues = "null",
            value = {
                "127.0.0.1, true",
                "127.255.10.3, true",
                "::1, true",
                "0:0:0:0:0:0:0:1, true",
                "[::1], true",
                "::ffff:127.0.0.1, true",
                "10.1.2.3, false",
                "192.168.0.1, false",
                "128.0.0.1, false",
                "127.0.0.256, false",
                "::2, false",
                "fe80::1, false",
                "localhost, false",
                "127.0.0.1.evil.example, false",
                "'', false",
                "null, false"
            })
    void recognisesLoopbackLiteralsOnly(String address, boolean loopback) {
        assertThat(LoopbackAddress.is(address)).isEqualTo(loopback);
    }
}
