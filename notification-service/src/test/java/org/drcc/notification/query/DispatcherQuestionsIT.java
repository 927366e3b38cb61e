package org.drcc.notification.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.drcc.contract.notification.NotificationAcknowledgedEvent;
import org.drcc.contract.notification.NotificationDeadlineMetEvent;
import org.drcc.contract.notification.NotificationEscalatedEvent;
import org.drcc.contract.notification.NotificationScheduledEvent;
import org.drcc.contract.notification.NotificationSentEvent;
import org.drcc.engines.Engines;
import org.drcc.notification.HistoryDatabase;
import org.drcc.notification.command.DeliveryAttemptStartedEvent;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The two questions the dispatcher asks at every round, on a real PostgreSQL holding a long history: the messages
 * past their deadline with no outcome and the declarations nobody acknowledged are found (those of before the
 * upgrade that added their indexes included), and neither question reads the whole table to find them.
 */
@WithEngines(database = "notification")
class DispatcherQuestionsIT {

    private static final int HISTORY = 100_000;
    private static final String TIER = "immediate";

    private final Instant now = Instant.now();
    private HistoryDatabase db;
    private JdbcClient sql;
    private Deliveries deliveries;
    private DeliveryProjection projection;

    @BeforeEach
    void freshDatabase(Engines engines) {
        db = HistoryDatabase.create(engines, "dispatch");
        sql = db.sql();
        deliveries = new Deliveries(sql);
        projection = new DeliveryProjection(sql);
    }

    @Test
    void theRoundsQuestionsFindWhatIsOpenWithoutReadingTheHistory() {
        // a database from before the upgrade: a long history of declarations, each told to four tiers and sent in
        // time, each acknowledged by someone of the escalation tier or escalated, and one declaration of an hour ago
        // nobody has answered yet, unsent
        db.flyway().target("58").load().migrate();
        sql.sql("""
                INSERT INTO notification_delivery (notification_id, incident_id, source_event_id, kind, tier, audience,
                    contact, channel, subject, status, attempts, due_at, deadline, scheduled_at, sent_at,
                    acknowledged_by, acknowledged_at)
                SELECT 'h-' || n, 'i-' || n / 20, 'e-' || n / 20, 'incident-declaration',
                    (ARRAY['immediate', 'within-1h', 'within-4h', 'external'])[n % 4 + 1], 'dr-team',
                    'contact-' || n % 20, 'webhook', 'Incident declared', 'SENT', 1, d + interval '15 minutes', 'MET',
                    d, d + interval '1 minute',
                    CASE WHEN n % 40 = 20 THEN 'contact-0' END, CASE WHEN n % 40 = 20 THEN d + interval '2 minutes' END
                FROM generate_series(1, ?) n, LATERAL (SELECT ?::timestamptz - n * interval '1 minute' AS d) t""")
                .params(HISTORY, Timestamp.from(now.minus(Duration.ofDays(2)))).update();
        sql.sql("""
                INSERT INTO notification_escalation (source_event_id, incident_id, escalated_at)
                SELECT DISTINCT 'e-' || n / 20, 'i-' || n / 20, ?::timestamptz
                FROM generate_series(1, ?) n WHERE (n / 20) % 2 = 0""")
                .params(Timestamp.from(now.minus(Duration.ofDays(2))), HISTORY).update();
        sql.sql("""
                INSERT INTO notification_delivery (notification_id, incident_id, source_event_id, kind, tier, audience,
                    contact, channel, subject, status, due_at, scheduled_at)
                SELECT 'before-' || n, 'incident-before', 'event-before', 'incident-declaration', ?, 'dr-team',
                    'contact-' || n, 'webhook', 'Incident declared', 'SCHEDULED', ?, ?
                FROM generate_series(1, 2) n""")
                .params(TIER, Timestamp.from(now.minus(Duration.ofMinutes(45))), Timestamp.from(now.minus(Duration.ofHours(1))))
                .update();

        db.flyway().load().migrate();

        // after the upgrade, as the delivery projection keeps them: a declaration unanswered, one acknowledged by
        // someone of the escalation tier, one acknowledged only by someone of another tier, one escalated (all but
        // the first sent in time)
        List<String> open = scheduleDeclaration("open", TIER);
        List<String> acknowledged = scheduleDeclaration("acknowledged", TIER);
        acknowledged.forEach(this::sentInTime);
        projection.on(new NotificationAcknowledgedEvent(acknowledged.get(1), "incident-acknowledged", "contact-2",
                now.minus(Duration.ofMinutes(20))));
        List<String> elsewhere = scheduleDeclaration("elsewhere", TIER);
        List<String> otherTier = scheduleDeclaration("elsewhere", "within-1h");
        elsewhere.forEach(this::sentInTime);
        otherTier.forEach(this::sentInTime);
        projection.on(new NotificationAcknowledgedEvent(otherTier.get(0), "incident-elsewhere", "contact-1",
                now.minus(Duration.ofMinutes(20))));
        List<String> escalated = scheduleDeclaration("escalated", TIER);
        escalated.forEach(this::sentInTime);
        projection.on(new NotificationEscalatedEvent("escalation-1", "incident-escalated", "event-escalated", TIER,
                Duration.ofMinutes(15), now.minus(Duration.ofMinutes(15))));
        db.analyze();

        List<Unacknowledged> owed = List.of(new Unacknowledged("event-before", "incident-before"),
                new Unacknowledged("event-open", "incident-open"), new Unacknowledged("event-elsewhere", "incident-elsewhere"));
        // the first round after the upgrade decides the history's declarations, once
        db.readOnce(() -> assertThat(deliveries.unacknowledged(TIER, now.minus(Duration.ofMinutes(15)), 100))
                .containsExactlyInAnyOrderElementsOf(owed));
        assertThat(sql.sql("SELECT count(*) FROM declaration_undecided").query(Long.class).single())
                .as("declarations left undecided").isEqualTo(owed.size());

        db.readOnce(() -> {
            assertThat(deliveries.unacknowledged(TIER, now.minus(Duration.ofMinutes(15)), 100))
                    .containsExactlyInAnyOrderElementsOf(owed);
            assertThat(deliveries.pastDeadline(now, 100))
                    .containsExactlyInAnyOrder("before-1", "before-2", open.get(0), open.get(1));
            // PostgreSQL's own count of this transaction's reads of the table: no full read, and rows fetched by
            // index for the open declarations only
            assertThat(db.fullReads("notification_delivery"))
                    .as("full reads of the %d messages of the history", HISTORY).isZero();
            assertThat(db.readByIndex("notification_delivery")).as("messages read through an index").isLessThan(50);
        });
    }

    /**
     * A declaration's two messages to {@code tier}, scheduled 30 minutes ago with the tier's deadline 15 minutes
     * later, as the projection keeps them.
     */
    private List<String> scheduleDeclaration(String name, String tier) {
        Instant at = now.minus(Duration.ofMinutes(30));
        List<String> ids = new ArrayList<>();
        for (int contact = 1; contact <= 2; contact++) {
            String id = name + "-" + tier + "-" + contact;
            projection.on(new NotificationScheduledEvent(id, "incident-" + name, "event-" + name,
                    "incident-declaration", tier, "dr-team", "contact-" + contact, "webhook", "Incident declared",
                    "body", at.plus(Duration.ofMinutes(15)), at));
            ids.add(id);
        }
        return ids;
    }

    private void sentInTime(String notificationId) {
        String incident = "incident-" + notificationId.substring(0, notificationId.indexOf('-'));
        Instant sent = now.minus(Duration.ofMinutes(29));
        projection.on(new DeliveryAttemptStartedEvent(notificationId, incident, 1, sent));
        projection.on(new NotificationSentEvent(notificationId, incident, "webhook", 1, sent));
        projection.on(new NotificationDeadlineMetEvent(notificationId, incident, TIER, sent.plus(Duration.ofMinutes(14)), sent));
    }
}
