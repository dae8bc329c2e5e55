package org.trdcds.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdminCredentialTest {

    final AdminCredential credential = new AdminCredential("s3cret-admin-token-0123456789");

    @Test
    void matchesOnlyTheExactToken() {
        assertThat(credential.matches("s3cret-admin-token-0123456789")).isTrue();
        assertThat(credential.matches("s3cret-admin-token-012345678")).isFalse();
        assertThat(credential.matches("S3CRET-ADMIN-TOKEN-0123456789")).isFalse();
        assertThat(credential.matches("")).isFalse();
    }
}
