package org.trdcds.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Deletes issued cards (live and shadow) older than {@code cds.audit.retention}, with their feedback, in batches.
 * Every replica tries once per {@code cds.audit.purge-interval}; one purges at a time: it takes the lease row with a
 * conditional update (free when its lease has run out), which behaves the same on H2 and PostgreSQL.
 */
@Component
public class AuditPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditPurge.class);
    static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final AuditProperties properties;
    private final Clock clock;
    private final String holder = UUID.randomUUID().toString();
    private ScheduledExecutorService scheduler;

    @Autowired
    public AuditPurge(JdbcTemplate jdbc, AuditProperties properties) {
        this(jdbc, properties, Clock.systemUTC());
    }

    AuditPurge(JdbcTemplate jdbc, AuditProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * One purge, if this replica gets the lease: the number of cards deleted, or -1 when another replica holds it.
     */
    public long purgeOnce() {
        Instant now = clock.instant();
        int taken = jdbc.update(
                "UPDATE audit_purge_lease SET holder = ?, lease_until = ? WHERE name = 'card_issued' "
                        + "AND (lease_until < ? OR holder = ?)",
                holder,
                utc(now.plus(properties.purgeInterval())),
                utc(now),
                holder);
        if (taken == 0) {
            return -1;
        }
        OffsetDateTime cutoff = utc(now.minus(properties.retention()));
        long deleted = 0;
        while (true) {
            int batch = jdbc.update(
                    "DELETE FROM feedback_accepted_suggestion WHERE feedback_id IN (SELECT f.id FROM "
                            + "feedback f JOIN card_issued c ON c.card_uuid = f.card_uuid WHERE c.issued_at < ?)",
                    cutoff);
            batch += jdbc.update(
                    "DELETE FROM feedback WHERE card_uuid IN (SELECT card_uuid FROM card_issued "
                            + "WHERE issued_at < ?)",
                    cutoff);
            int cards = jdbc.update(
                    "DELETE FROM card_issued WHERE card_uuid IN (SELECT card_uuid FROM card_issued "
                            + "WHERE issued_at < ? ORDER BY issued_at LIMIT " + BATCH + ")",
                    cutoff);
            deleted += cards;
            if (cards < BATCH) {
                break;
            }
        }
        jdbc.update(
                "UPDATE audit_purge_lease SET lease_until = ? WHERE name = 'card_issued' AND holder = ?",
                utc(now.plus(properties.purgeInterval()).minusSeconds(1)),
                holder);
        if (deleted > 0) {
            log.info(
                    "Audit retention {}: purged {} issued cards issued before {}",
                    properties.retention(),
                    deleted,
                    cutoff);
        }
        return deleted;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "audit-purge");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.purgeInterval().toMillis();
        scheduler.scheduleWithFixedDelay(
                this::purgeQuietly, Math.min(interval, 60_000), interval, TimeUnit.MILLISECONDS);
    }

    private void purgeQuietly() {
        try {
            purgeOnce();
        } catch (DataAccessException | IllegalStateException e) {
            log.warn(
                    "Audit purge failed this time ({}); next try in {}",
                    e.getClass().getSimpleName(),
                    properties.purgeInterval());
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
