package org.trdcds.security;

/**
 * A rejected credential. The message is a fixed reason; issuer and kid are the token's own claims
 * (unverified, for the log only). Never carries the token itself.
 */
final class AuthenticationFailure extends Exception {

    private final String issuer;
    private final String keyId;

    AuthenticationFailure(String reason, String issuer, String keyId) {
        super(reason, null, false, false);
        this.issuer = issuer;
        this.keyId = keyId;
    }

    String reason() {
        return getMessage();
    }

    String issuer() {
        return issuer;
    }

    String keyId() {
        return keyId;
    }
}
