package org.drcc.notification.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.drcc.contract.notification.NotificationDeadlineBreachedEvent;
import org.drcc.contract.notification.NotificationDeadlineMetEvent;
import org.drcc.contract.notification.NotificationScheduledEvent;
import org.drcc.engines.Engines;
import org.drcc.notification.HistoryDatabase;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The board's one question for every open incident's deadlines, on a real PostgreSQL holding other incidents'
 * history: each incident asked is counted as the delivery projection recorded its messages (met, breached, still
 * due and the nearest of those; a message without a deadline is none of them), one that owes nothing counts nothing,
 * and the history of the others is not read; and the breach alert's count.
 */
@WithEngines(database = "notification")
class DeadlineCountsIT {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void countsEachIncidentAskedFromItsOwnMessages(Engines engines) {
        HistoryDatabase db = HistoryDatabase.migrated(engines, "deadlines");
        JdbcClient sql = db.sql();
        DeliveryProjection projection = new DeliveryProjection(sql);
        Deliveries deliveries = new Deliveries(sql);
        sql.sql("""
                INSERT INTO notification_delivery (notification_id, incident_id, source_event_id, kind, tier, audience,
                    contact, channel, subject, status, attempts, due_at, deadline, scheduled_at, sent_at)
                SELECT 'h-' || n, 'history-' || n / 20, 'e-' || n / 20, 'incident-declaration', 'immediate', 'dr-team',
                    'contact-' || n % 20, 'webhook', 'Incident declared', 'SENT', 1, ?, 'MET', ?, ?
                FROM generate_series(1, 20000) n""")
                .params(Timestamp.from(now), Timestamp.from(now), Timestamp.from(now)).update();

        Instant soon = now.plus(Duration.ofMinutes(10));
        Instant later = now.plus(Duration.ofMinutes(50));
        schedule(projection, "a-met", "a", now.minus(Duration.ofMinutes(5)));
        projection.on(new NotificationDeadlineMetEvent("a-met", "a", "immediate", now.minus(Duration.ofMinutes(5)), now));
        schedule(projection, "a-late", "a", now.minus(Duration.ofMinutes(1)));
        projection.on(new NotificationDeadlineBreachedEvent("a-late", "a", "immediate", now.minus(Duration.ofMinutes(1)), now));
        schedule(projection, "a-due-later", "a", later);
        schedule(projection, "a-due-soon", "a", soon);
        schedule(projection, "a-no-deadline", "a", null);
        schedule(projection, "b-due", "b", later);
        db.analyze();

        db.readOnce(() -> {
            assertThat(deliveries.deadlines(List.of("b", "a", "nothing-owed", "a"))).containsExactly(
                    new DeadlineCount("b", 1, 0, 0, later),
                    new DeadlineCount("a", 2, 1, 1, soon),
                    new DeadlineCount("nothing-owed", 0, 0, 0, null));
            assertThat(db.fullReads("notification_delivery")).as("full reads of the other incidents' history").isZero();
            assertThat(db.readByIndex("notification_delivery")).as("messages read through an index")
                    .isLessThanOrEqualTo(6);
        });

        // each answer gives its connection back: more questions, one after the other, than a pool of two holds
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setDataSource(db.source());
            pool.setMaximumPoolSize(2);
            pool.setConnectionTimeout(1_000);
            Deliveries pooled = new Deliveries(JdbcClient.create(pool));
            for (int question = 0; question < 5; question++) {
                assertThat(pooled.deadlines(List.of("b"))).as("question %d", question + 1)
                        .containsExactly(new DeadlineCount("b", 1, 0, 0, later));
            }
        }
    }

    @Test
    void theBreachAlertCountsWhatWasScheduledInItsWindowThoughItWasDueBefore(Engines engines) {
        HistoryDatabase db = HistoryDatabase.migrated(engines, "breaches");
        DeliveryProjection projection = new DeliveryProjection(db.sql());
        Deliveries deliveries = new Deliveries(db.sql());
        Instant twoDaysAgo = now.minus(Duration.ofDays(2));
        // declared now, for an incident detected two days ago: due before it was scheduled, and breached
        schedule(projection, "declared-late", "late", twoDaysAgo.plus(Duration.ofMinutes(15)), now);
        projection.on(new NotificationDeadlineBreachedEvent("declared-late", "late", "immediate",
                twoDaysAgo.plus(Duration.ofMinutes(15)), now));
        // a breach of two days ago, scheduled then too: outside the window
        schedule(projection, "old", "old", twoDaysAgo.plus(Duration.ofMinutes(15)), twoDaysAgo);
        projection.on(new NotificationDeadlineBreachedEvent("old", "old", "immediate",
                twoDaysAgo.plus(Duration.ofMinutes(15)), twoDaysAgo.plus(Duration.ofMinutes(20))));

        assertThat(deliveries.breachedSince(now.minus(Duration.ofHours(24)))).isEqualTo(1);
    }

    private void schedule(DeliveryProjection projection, String id, String incident, Instant dueAt) {
        schedule(projection, id, incident, dueAt, now);
    }

    private void schedule(DeliveryProjection projection, String id, String incident, Instant dueAt, Instant at) {
        projection.on(new NotificationScheduledEvent(id, incident, "event-" + incident, "incident-declaration",
                "immediate", "dr-team", "contact-1", "webhook", "Incident declared", "body", dueAt, at));
    }
}
