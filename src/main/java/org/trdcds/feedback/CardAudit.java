package org.trdcds.feedback;

/**
 * What a case review needs to find an issued card again, never the patient's identity in the clear unless
 * {@code cds.audit.patient-link=plain} was chosen.
 *
 * @param patientLink   the patient link (an HMAC of the FHIR id, the id itself, or null: cds.audit.patient-link)
 * @param hook          the hook that was called (patient-view, order-sign, order-select)
 * @param encounterLink the encounter id of the call, treated as the patient link is; null when none was given
 * @param indicator     the indicator the card was issued with (info, warning, critical)
 * @param knowledgeVersion the knowledge version the card was decided with
 * @param shadow        true when the card was only recorded (the service runs in shadow mode), not shown
 * @param client        the client it was issued to: the JWT issuer, or "loopback"; feedback only from that client
 */
public record CardAudit(
        String patientLink,
        String hook,
        String encounterLink,
        String indicator,
        String knowledgeVersion,
        boolean shadow,
        String client) {

    /** Nothing known (cards issued before the audit columns existed, warm-up rows). */
    public static final CardAudit NONE = new CardAudit(null, null, null, null, null, false, null);

    /** The client name of calls that were not signed (loopback-only mode). */
    public static final String LOOPBACK_CLIENT = "loopback";
}
