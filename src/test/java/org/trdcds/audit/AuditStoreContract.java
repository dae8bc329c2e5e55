package org.trdcds.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.trdcds.feedback.CardAudit;
import org.trdcds.feedback.FeedbackEntry;
import org.trdcds.feedback.FeedbackStore;
import org.trdcds.feedback.IssuedCard;

/** Retention purge and patient links on every database the service supports; subclasses give the database. */
abstract class AuditStoreContract {

    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    JdbcTemplate jdbc;
    FeedbackStore store;

    abstract DataSource dataSource();

    @BeforeEach
    void migrate() {
        DataSource dataSource = dataSource();
        Flyway.configure().dataSource(dataSource).cleanDisabled(false).load().clean();
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        store = new FeedbackStore(jdbc, new DataSourceTransactionManager(dataSource));
    }

    static AuditProperties properties(String key, Duration retention) {
        return new AuditProperties(AuditProperties.PatientLinkMode.HASHED, key, retention, Duration.ofHours(1));
    }

    IssuedCard card(Instant issuedAt) {
        return new IssuedCard(
                UUID.randomUUID(),
                "ketamine-tms-screening",
                "combination-candidate",
                UUID.randomUUID(),
                issuedAt,
                List.of(),
                List.of(),
                new CardAudit("link", "patient-view", null, "info", "v", false, CardAudit.LOOPBACK_CLIENT));
    }

    long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    @Test
    void cardsOlderThanTheRetentionGoWithTheirFeedbackAndNewerOnesStay() {
        IssuedCard old = card(NOW.minus(Duration.ofDays(401)));
        IssuedCard recent = card(NOW.minus(Duration.ofDays(399)));
        List<IssuedCard> many = java.util.stream.IntStream.range(0, AuditPurge.BATCH + 5)
                .mapToObj(i -> card(NOW.minus(Duration.ofDays(500))))
                .toList();
        store.recordIssued(List.of(old, recent));
        store.recordIssued(many);
        store.recordFeedback(
                "ketamine-tms-screening",
                List.of(
                        new FeedbackEntry(
                                old.cardUuid(), FeedbackEntry.Outcome.ACCEPTED, Set.of(UUID.randomUUID()), null, NOW),
                        new FeedbackEntry(recent.cardUuid(), FeedbackEntry.Outcome.ACCEPTED, Set.of(), null, NOW)));

        long purged = new AuditPurge(jdbc, properties("", Duration.ofDays(400)), Clock.fixed(NOW, ZoneOffset.UTC))
                .purgeOnce();

        assertThat(purged).isEqualTo(AuditPurge.BATCH + 6);
        assertThat(store.findIssued(old.cardUuid())).isEmpty();
        assertThat(store.findIssued(recent.cardUuid())).isPresent();
        assertThat(count("feedback")).isEqualTo(1);
        assertThat(count("feedback_accepted_suggestion")).isZero();
    }

    @Test
    void onlyOneReplicaPurgesPerInterval() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        AuditPurge replicaA = new AuditPurge(jdbc, properties("", Duration.ofDays(400)), clock);
        AuditPurge replicaB = new AuditPurge(jdbc, properties("", Duration.ofDays(400)), clock);

        assertThat(replicaA.purgeOnce()).isZero();
        assertThat(replicaB.purgeOnce()).isEqualTo(-1);
        AuditPurge replicaBLater = new AuditPurge(
                jdbc, properties("", Duration.ofDays(400)), Clock.fixed(NOW.plus(Duration.ofHours(1)), ZoneOffset.UTC));
        assertThat(replicaBLater.purgeOnce()).isZero();
    }

    @Test
    void withoutAConfiguredKeyEveryReplicaOnTheDatabaseLinksAPatientAlike() {
        PatientLinks replicaA = new PatientLinks(properties("", Duration.ofDays(400)), jdbc);
        PatientLinks replicaB = new PatientLinks(properties("", Duration.ofDays(400)), jdbc);

        assertThat(replicaA.link("patient-1"))
                .hasSize(64)
                .isEqualTo(replicaB.link("patient-1"))
                .isNotEqualTo(replicaA.link("patient-2"))
                .doesNotContain("patient-1");
        assertThat(count("audit_key")).isEqualTo(1);
    }

    @Test
    void aConfiguredKeyIsUsedAndTheModesBehaveAsDocumented() {
        String key = "k".repeat(32);
        PatientLinks configured = new PatientLinks(properties(key, Duration.ofDays(400)), jdbc);
        PatientLinks sameKey = new PatientLinks(
                AuditProperties.PatientLinkMode.HASHED, key.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(configured.link("p")).isEqualTo(sameKey.link("p"));
        assertThat(count("audit_key")).isZero();
        assertThat(new PatientLinks(AuditProperties.PatientLinkMode.PLAIN, null).link("p"))
                .isEqualTo("p");
        assertThat(new PatientLinks(AuditProperties.PatientLinkMode.NONE, null).link("p"))
                .isNull();
        assertThatThrownBy(() -> properties("short", Duration.ofDays(1)))
                .hasMessageContaining("cds.audit.link-key must be at least 32 characters");
    }
}
