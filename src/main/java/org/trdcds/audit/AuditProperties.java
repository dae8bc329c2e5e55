package org.trdcds.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cds.audit.*}: how issued cards are linked to their patient, and how long they are kept.
 *
 * @param patientLink    none (no link, as before), hashed (default: HMAC-SHA256 of the FHIR patient id with
 *                       {@code linkKey}), or plain (the FHIR id itself)
 * @param linkKey        the HMAC key (at least 32 characters; from the Kubernetes secret in production); when empty,
 *                       a random key is generated once into the database and shared by every replica on it
 * @param retention      issued cards (and their feedback) older than this are purged
 * @param purgeInterval  how often a replica tries to purge (one replica at a time, through a lease row)
 */
@ConfigurationProperties("cds.audit")
public record AuditProperties(
        @DefaultValue("hashed") PatientLinkMode patientLink,
        @DefaultValue("") String linkKey,
        @DefaultValue("400d") Duration retention,
        @DefaultValue("1h") Duration purgeInterval) {

    /** How the patient is linked to the cards issued for them. */
    public enum PatientLinkMode {
        NONE,
        HASHED,
        PLAIN
    }

    public AuditProperties {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("cds.audit.retention must be positive, e.g. 400d");
        }
        if (purgeInterval.isNegative() || purgeInterval.isZero()) {
            throw new IllegalArgumentException("cds.audit.purge-interval must be positive, e.g. 1h");
        }
        if (linkKey != null && !linkKey.isEmpty() && linkKey.length() < 32) {
            throw new IllegalArgumentException("cds.audit.link-key must be at least 32 characters (a random secret)");
        }
    }
}
