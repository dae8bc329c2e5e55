package org.trdcds.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.trdcds.feedback.FeedbackEntry.Coding;
import org.trdcds.feedback.FeedbackEntry.Outcome;
import org.trdcds.feedback.FeedbackEntry.OverrideReason;

/** What the store must do on every database it supports; subclasses provide the database. */
abstract class FeedbackStoreContract {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    FeedbackStore store;
    JdbcTemplate jdbc;

    abstract DataSource dataSource();

    @BeforeEach
    void migrate() {
        DataSource dataSource = dataSource();
        Flyway.configure().dataSource(dataSource).cleanDisabled(false).load().clean();
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        store = new FeedbackStore(jdbc, new DataSourceTransactionManager(dataSource));
    }

    static IssuedCard issued(String topic) {
        return new IssuedCard(UUID.randomUUID(), "ketamine-tms-screening", topic, UUID.randomUUID(), NOW);
    }

    static FeedbackEntry overridden(UUID card, String reasonCode) {
        return new FeedbackEntry(
                card,
                Outcome.OVERRIDDEN,
                Set.of(),
                new OverrideReason(new Coding("https://fhir.trd-cds-hooks.org/override", reasonCode, null), "why"),
                NOW);
    }

    static FeedbackEntry accepted(UUID card, UUID suggestion) {
        return new FeedbackEntry(card, Outcome.ACCEPTED, Set.of(suggestion), null, NOW);
    }

    @Test
    void summaryCountsPerServiceTopicOutcomeAndReasonWithTheOverrideRate() {
        IssuedCard candidate = issued("combination-candidate");
        IssuedCard candidate2 = issued("combination-candidate");
        IssuedCard hypertension = issued("contraindication-uncontrolled-hypertension");
        store.recordIssued(List.of(candidate, candidate2, hypertension, issued("combination-candidate")));
        store.recordFeedback(
                "ketamine-tms-screening",
                List.of(
                        overridden(candidate.cardUuid(), "benefit"), accepted(candidate2.cardUuid(), UUID.randomUUID()),
                        overridden(hypertension.cardUuid(), "benefit"), overridden(UUID.randomUUID(), "other")));

        FeedbackSummary summary = store.summary();

        assertThat(summary.topics())
                .containsExactly(
                        new FeedbackSummary.TopicCount("combination-candidate", 3, 1, 1, 0.5, 1.0 / 3),
                        new FeedbackSummary.TopicCount(
                                "contraindication-uncontrolled-hypertension", 1, 0, 1, 1.0, 1.0));
        assertThat(summary.feedback())
                .extracting(
                        FeedbackSummary.FeedbackCount::topic,
                        FeedbackSummary.FeedbackCount::outcome,
                        FeedbackSummary.FeedbackCount::count)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("combination-candidate", "accepted", 1L),
                        org.assertj.core.groups.Tuple.tuple("combination-candidate", "overridden", 1L),
                        org.assertj.core.groups.Tuple.tuple(
                                "contraindication-uncontrolled-hypertension", "overridden", 1L),
                        org.assertj.core.groups.Tuple.tuple(null, "overridden", 1L));
        assertThat(summary.feedback())
                .allSatisfy(count -> assertThat(count.service()).isEqualTo("ketamine-tms-screening"));
    }

    @Test
    void acceptedSuggestionsAndOverrideReasonsAreStored() {
        UUID card = UUID.randomUUID();
        UUID suggestion = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        store.recordFeedback(
                "ketamine-tms-order-sign", List.of(accepted(card, suggestion), overridden(other, "benefit")));

        assertThat(jdbc.queryForObject("SELECT suggestion_uuid FROM feedback_accepted_suggestion", UUID.class))
                .isEqualTo(suggestion);
        assertThat(jdbc.queryForList("SELECT override_code FROM feedback WHERE outcome = 'overridden'", String.class))
                .containsExactly("benefit");
    }

    @Test
    void feedbackIsAllOrNothing() {
        UUID card = UUID.randomUUID();
        FeedbackEntry tooLongSystem = new FeedbackEntry(
                card,
                Outcome.OVERRIDDEN,
                Set.of(),
                new OverrideReason(new Coding("x".repeat(600), "c", null), null),
                NOW);
        assertThatThrownBy(() -> store.recordFeedback(
                        "ketamine-tms-screening", List.of(overridden(card, "benefit"), tooLongSystem)))
                .isInstanceOf(DataAccessException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM feedback", Long.class))
                .isZero();
    }

    @Test
    void issuedCardsCarryThePatientOnlyAsTheConfiguredLink() {
        assertThat(jdbc.queryForList(
                        "SELECT LOWER(column_name) FROM information_schema.columns "
                                + "WHERE LOWER(table_name) = 'card_issued'",
                        String.class))
                .containsExactlyInAnyOrder(
                        "card_uuid",
                        "service_id",
                        "topic",
                        "hook_instance",
                        "issued_at",
                        "suggestions",
                        "override_reasons",
                        "patient_link",
                        "hook",
                        "encounter_link",
                        "indicator",
                        "knowledge_version",
                        "shadow",
                        "client");
    }

    @Test
    void anIssuedCardKeepsItsAuditColumns() {
        IssuedCard card = new IssuedCard(
                UUID.randomUUID(),
                "ketamine-tms-order-sign",
                "contraindication-pregnancy",
                UUID.randomUUID(),
                NOW,
                List.of(),
                List.of(),
                new CardAudit("3f2a", "order-sign", "e9b1", "critical", "2026.12.0", true, "https://ehr.example.org"));
        store.recordIssued(List.of(card));

        assertThat(store.findIssued(card.cardUuid())).contains(card);
    }

    @Test
    void anIssuedCardIsFoundWithWhatItOffered() {
        IssuedCard card = new IssuedCard(
                UUID.randomUUID(),
                "ketamine-tms-order-sign",
                "ketamine-dose-check",
                UUID.randomUUID(),
                NOW,
                List.of(UUID.randomUUID(), UUID.randomUUID()),
                List.of(
                        IssuedCard.overrideReason("https://fhir.trd-cds-hooks.org/override", "benefit"),
                        IssuedCard.overrideReason("https://fhir.trd-cds-hooks.org/override", "other")));
        IssuedCard bare = issued(null);
        store.recordIssued(List.of(card, bare));

        assertThat(store.findIssued(card.cardUuid())).contains(card);
        assertThat(store.findIssued(bare.cardUuid())).contains(bare);
        assertThat(store.findIssued(UUID.randomUUID())).isEmpty();
    }

    @Test
    void identicalFeedbackIsStoredOnceEvenWithinOneCall() {
        IssuedCard card = issued("combination-candidate");
        store.recordIssued(List.of(card));
        UUID suggestion = UUID.randomUUID();
        store.recordFeedback(
                "ketamine-tms-screening",
                List.of(overridden(card.cardUuid(), "benefit"), overridden(card.cardUuid(), "benefit")));
        store.recordFeedback(
                "ketamine-tms-screening",
                List.of(overridden(card.cardUuid(), "benefit"), accepted(card.cardUuid(), suggestion)));
        store.recordFeedback(
                "ketamine-tms-screening",
                List.of(accepted(card.cardUuid(), suggestion), overridden(card.cardUuid(), "other")));

        // one outcome per card (issue 19 F5): the latest replaces the stored one
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM feedback", Long.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT override_code FROM feedback", String.class))
                .isEqualTo("other");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM feedback_accepted_suggestion", Long.class))
                .isZero();
    }
}
