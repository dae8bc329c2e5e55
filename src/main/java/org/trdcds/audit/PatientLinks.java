package org.trdcds.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The patient link stored with each issued card (cds.audit.patient-link): an HMAC-SHA256 of the FHIR id (hex),
 * the id itself, or nothing. The same id always gives the same link on every replica, so a reviewer can find a
 * patient's cards by computing the link (the admin pages do it for an id typed in) without the store holding ids.
 */
@Component
public class PatientLinks {

    private static final Logger log = LoggerFactory.getLogger(PatientLinks.class);
    private static final String HMAC = "HmacSHA256";

    private final AuditProperties.PatientLinkMode mode;
    private final SecretKeySpec key;

    @Autowired
    public PatientLinks(AuditProperties properties, JdbcTemplate jdbc) {
        this.mode = properties.patientLink();
        this.key = mode == AuditProperties.PatientLinkMode.HASHED
                ? new SecretKeySpec(keyBytes(properties, jdbc), HMAC)
                : null;
    }

    /** A link with the key given (tests, tools). */
    public PatientLinks(AuditProperties.PatientLinkMode mode, byte[] key) {
        this.mode = mode;
        this.key = mode == AuditProperties.PatientLinkMode.HASHED ? new SecretKeySpec(key, HMAC) : null;
    }

    public AuditProperties.PatientLinkMode mode() {
        return mode;
    }

    /** The link of a FHIR id (patient or encounter), or null for none (mode none, or no id). */
    public String link(String id) {
        if (id == null || id.isEmpty() || mode == AuditProperties.PatientLinkMode.NONE) {
            return null;
        }
        if (mode == AuditProperties.PatientLinkMode.PLAIN) {
            return id;
        }
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] keyBytes(AuditProperties properties, JdbcTemplate jdbc) {
        if (properties.linkKey() != null && !properties.linkKey().isEmpty()) {
            return properties.linkKey().getBytes(StandardCharsets.UTF_8);
        }
        String stored = storedKey(jdbc);
        if (stored == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                jdbc.update(
                        "INSERT INTO audit_key (id, key_hex) VALUES (1, ?)",
                        HexFormat.of().formatHex(fresh));
                log.warn("cds.audit.link-key is not set: a random patient-link key was generated into the database "
                        + "(set cds.audit.link-key from a secret in production: docs/configuration.md)");
            } catch (DuplicateKeyException raced) {
                // another replica generated it first: use that one
            }
            stored = storedKey(jdbc);
        }
        return HexFormat.of().parseHex(stored);
    }

    private static String storedKey(JdbcTemplate jdbc) {
        return jdbc.query("SELECT key_hex FROM audit_key WHERE id = 1", rs -> rs.next() ? rs.getString(1) : null);
    }
}
