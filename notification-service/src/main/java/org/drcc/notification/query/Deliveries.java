package org.drcc.notification.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads of the delivery table: per incident for the API, and the work the dispatcher owes now; the one write, at each
 * round, takes the declarations decided by now out of {@code declaration_undecided} ({@link #unacknowledged}).
 */
@Repository
public class Deliveries {

    private static final String COLUMNS = """
            notification_id, incident_id, kind, tier, audience, contact, channel, subject, status, attempts,
            last_error, due_at, deadline, scheduled_at, sent_at, acknowledged_by, acknowledged_at""";

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<DeliveryView> forIncident(String incidentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification_delivery WHERE incident_id = ? "
                        + "ORDER BY scheduled_at, due_at NULLS LAST, audience, contact")
                .param(incidentId).query(DeliveryView.class).list();
    }

    /**
     * The deadlines of each of these incidents, in the order asked, counted by PostgreSQL in one read of their
     * messages (the board asks for every open incident at once, not for every message of each).
     */
    public List<DeadlineCount> deadlines(Collection<String> incidentIds) {
        Map<String, DeadlineCount> counted = jdbc.sql("""
                        SELECT incident_id,
                            count(*) FILTER (WHERE deadline IS NULL AND due_at IS NOT NULL) AS due,
                            count(*) FILTER (WHERE deadline = 'MET') AS met,
                            count(*) FILTER (WHERE deadline = 'BREACHED') AS breached,
                            min(due_at) FILTER (WHERE deadline IS NULL) AS next_due
                        FROM notification_delivery WHERE incident_id = ANY (?) GROUP BY incident_id""")
                .param(incidentIds.toArray(String[]::new)).query(DeadlineCount.class).list().stream()
                .collect(Collectors.toMap(DeadlineCount::incidentId, Function.identity()));
        return incidentIds.stream().distinct()
                .map(id -> counted.getOrDefault(id, DeadlineCount.none(id))).toList();
    }

    public Optional<DeliveryView> find(String notificationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification_delivery WHERE notification_id = ?")
                .param(notificationId).query(DeliveryView.class).optional();
    }

    /**
     * Messages of the plan not yet sent whose next attempt is due (a first attempt is due at once), those with a
     * deadline first. The status page's subscribers are not among them: see {@link #dueForSubscribers}.
     */
    public List<DueDelivery> dueForDelivery(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT notification_id, channel FROM notification_delivery
                        WHERE status IN ('SCHEDULED', 'RETRYING') AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
                          AND channel NOT LIKE 'subscriber-%'
                        ORDER BY due_at NULLS LAST, scheduled_at LIMIT ?""")
                .params(Timestamp.from(now), limit).query(DueDelivery.class).list();
    }

    /** The status page subscribers' messages due now, oldest first: a round's bounded share of its own. */
    public List<DueDelivery> dueForSubscribers(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT notification_id, channel FROM notification_delivery
                        WHERE status IN ('SCHEDULED', 'RETRYING') AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
                          AND channel LIKE 'subscriber-%'
                        ORDER BY scheduled_at LIMIT ?""")
                .params(Timestamp.from(now), limit).query(DueDelivery.class).list();
    }

    /**
     * Attempts claimed but never recorded. The dispatcher runs one round at a time and records each
     * attempt in the round that claimed it, so at the start of a round these are left over from a
     * process that stopped (or a record that could not be stored).
     */
    public List<String> interrupted(int limit) {
        return jdbc.sql("SELECT notification_id FROM notification_delivery WHERE status = 'SENDING' LIMIT ?")
                .param(limit).query(String.class).list();
    }

    /** Messages still unsent past their tier's deadline, with no deadline outcome yet (an index of their own). */
    public List<String> pastDeadline(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT notification_id FROM notification_delivery
                        WHERE status <> 'SENT' AND deadline IS NULL AND due_at < ? LIMIT ?""")
                .params(Timestamp.from(now), limit).query(String.class).list();
    }

    /** The plan's messages scheduled since {@code since} and given up ({@code FAILED}): someone it names was not told. */
    public long failedSince(Instant since) {
        return jdbc.sql("""
                        SELECT count(*) FROM notification_delivery
                        WHERE status = 'FAILED' AND scheduled_at >= ? AND channel NOT LIKE 'subscriber-%'""")
                .param(Timestamp.from(since)).query(Long.class).single();
    }

    /**
     * Messages scheduled since {@code since} whose tier's deadline was breached (late, failed, unsent or only logged).
     * Counted by when they were scheduled, not when they were due: a declaration made long after the incident's
     * detection owes messages due before they were scheduled, and its breaches must still be counted.
     */
    public long breachedSince(Instant since) {
        return jdbc.sql("SELECT count(*) FROM notification_delivery WHERE deadline = 'BREACHED' AND scheduled_at >= ?")
                .param(Timestamp.from(since)).query(Long.class).single();
    }

    /**
     * Declarations older than {@code before} that nobody of {@code tier} acknowledged, not yet escalated. Asked at
     * every round, of {@code declaration_undecided} (kept by the delivery projection), not of every declaration ever
     * made: first the declarations of the table decided by now leave it (escalated, acknowledged by someone of the
     * tier, or never sent to it), then what is left is the answer. A declaration escalated by this answer leaves at
     * a later round, once its escalation is stored.
     */
    public List<Unacknowledged> unacknowledged(String tier, Instant before, int limit) {
        Timestamp until = Timestamp.from(before);
        // each check a lookup by index for each declaration (OFFSET 0): otherwise PostgreSQL may plan it as one pass
        // over all the messages, hashed, when its estimate of the table's rows is stale (the first round after the
        // upgrade leaves thousands fewer than the statistics say)
        jdbc.sql("""
                        DELETE FROM declaration_undecided w
                        WHERE w.scheduled_at < ?
                          AND (EXISTS (SELECT 1 FROM notification_escalation e
                                       WHERE e.source_event_id = w.source_event_id OFFSET 0)
                               OR EXISTS (SELECT 1 FROM notification_delivery a
                                          WHERE a.source_event_id = w.source_event_id AND a.tier = ?
                                            AND a.acknowledged_at IS NOT NULL OFFSET 0)
                               OR NOT EXISTS (SELECT 1 FROM notification_delivery d
                                              WHERE d.incident_id = w.incident_id
                                                AND d.source_event_id = w.source_event_id AND d.tier = ? OFFSET 0))""")
                .params(until, tier, tier).update();
        return jdbc.sql("""
                        SELECT source_event_id, incident_id FROM declaration_undecided
                        WHERE scheduled_at < ? ORDER BY scheduled_at LIMIT ?""")
                .params(until, limit).query(Unacknowledged.class).list();
    }
}
