package org.drcc.notification.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.drcc.contract.incident.IncidentCancelledEvent;
import org.drcc.contract.incident.IncidentClosedEvent;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.IncidentRestoredEvent;
import org.drcc.contract.incident.IncidentTargets;
import org.drcc.contract.incident.Severity;
import org.drcc.contract.notification.NotificationScheduledEvent;
import org.drcc.engines.Engines;
import org.drcc.notification.HistoryDatabase;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;

/**
 * The extended-outage round's question (every poll-interval, for each audience told only of an extended outage), on a
 * real PostgreSQL holding a long history of ended incidents: it finds the incidents whose outage goes on, oldest first
 * and page by page, and reads them through their index, not the whole table.
 */
@WithEngines(database = "notification")
class IncidentBriefsIT {

    private static final int HISTORY = 100_000;
    private static final String AUDIENCE = "users-email";

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private IncidentBriefs briefs;

    @Test
    void theRoundFindsTheOutagesGoingOnWithoutReadingTheHistory(Engines engines) {
        HistoryDatabase db = HistoryDatabase.migrated(engines, "briefs");
        briefs = new IncidentBriefs(db.sql());
        // incidents of years before, each restored two hours after its declaration
        db.sql().sql("""
                INSERT INTO incident_brief (incident_id, scenario_id, title, severity, rto, declared_at, drill,
                    outage_ended_at)
                SELECT 'h-' || n, 'database-corruption', 'Incident ' || n, 'SEV2', 'PT4H', d, false, d + interval '2 hours'
                FROM generate_series(1, ?) n, LATERAL (SELECT ?::timestamptz - n * interval '5 minutes' AS d) t""")
                .params(HISTORY, Timestamp.from(now.minus(Duration.ofDays(30)))).update();
        declared("going-on", 5);
        declared("told-already", 4);
        new DeliveryProjection(db.sql()).on(new NotificationScheduledEvent("told-1", "told-already", "extended-outage",
                "extended-outage", "external", AUDIENCE, "users", "email", "Extended outage", "body", null, now));
        declared("restored", 4);
        briefs.project(new IncidentRestoredEvent("restored", targets(), "backup-1", now, "restored", "alice", now));
        declared("closed", 3);
        briefs.project(new IncidentClosedEvent("closed", targets(), "closed", "alice", now));
        declared("cancelled", 3);
        briefs.project(new IncidentCancelledEvent("cancelled", targets(), "false alarm", "alice", now));
        declared("going-on-too", 2);
        declared("just-declared", 0);
        db.analyze();

        db.readOnce(() -> {
            // pages of one, as the round pages through them
            List<String> found = new ArrayList<>();
            List<IncidentBrief> page = briefs.outagesDeclaredBefore(now.minus(Duration.ofHours(1)), AUDIENCE, null, 1);
            while (!page.isEmpty()) {
                page.forEach(b -> found.add(b.incidentId()));
                page = briefs.outagesDeclaredBefore(now.minus(Duration.ofHours(1)), AUDIENCE, page.get(0), 1);
            }
            assertThat(found).containsExactly("going-on", "going-on-too");
            assertThat(db.fullReads("incident_brief")).as("full reads of %d ended incidents", HISTORY).isZero();
            assertThat(db.readByIndex("incident_brief")).as("incidents read through an index").isLessThan(20);
        });
    }

    @Test
    void incidentsStoredBeforeTheirOutagesEndWasRecordedAreNotTakenForOutagesGoingOn(Engines engines) {
        // a database from before V30: the incidents' briefs, their messages and the status page's phases, no ends
        HistoryDatabase db = HistoryDatabase.create(engines, "before_v30");
        db.flyway().target("21").load().migrate();
        Timestamp declared = Timestamp.from(now.minus(Duration.ofDays(3)));
        for (String id : List.of("restored", "closed", "cancelled", "going-on", "drill")) {
            db.sql().sql("INSERT INTO incident_brief (incident_id, scenario_id, title, severity, rto, declared_at, drill) "
                    + "VALUES (?, 'database-corruption', 'Incident', 'HIGH', 'PT2H', ?, ?)")
                    .params(id, declared, id.equals("drill")).update();
        }
        message(db, "restored", "incident-declaration", declared);
        message(db, "restored", "recovery-completion", Timestamp.from(now.minus(Duration.ofDays(2))));
        statusPage(db, "closed", "closed");
        statusPage(db, "cancelled", "cancelled");
        statusPage(db, "going-on", "contained");
        message(db, "going-on", "incident-declaration", declared);

        db.flyway().load().migrate();

        briefs = new IncidentBriefs(db.sql());
        assertThat(briefs.outagesDeclaredBefore(now, AUDIENCE, null, 10)).extracting(IncidentBrief::incidentId)
                .containsExactly("going-on");
        assertThat(db.sql().sql("SELECT outage_ended_at FROM incident_brief WHERE incident_id = 'restored'")
                .query(Timestamp.class).single()).as("ended when its recovery was told")
                .isEqualTo(Timestamp.from(now.minus(Duration.ofDays(2))));
    }

    private void message(HistoryDatabase db, String incidentId, String kind, Timestamp at) {
        db.sql().sql("INSERT INTO notification_delivery (notification_id, incident_id, source_event_id, kind, tier, "
                        + "audience, contact, channel, subject, status, attempts, scheduled_at, sent_at) "
                        + "VALUES (?, ?, ?, ?, 'immediate', 'dr-team', 'contact-1', 'webhook', 'Subject', 'SENT', 1, ?, ?)")
                .params(incidentId + "-" + kind, incidentId, "event-" + incidentId + "-" + kind, kind, at, at).update();
    }

    private void statusPage(HistoryDatabase db, String incidentId, String status) {
        db.sql().sql("INSERT INTO status_incident (incident_id, scenario_id, status, declared_at, updated_at) "
                        + "VALUES (?, 'database-corruption', ?, ?, ?)")
                .params(incidentId, status, Timestamp.from(now.minus(Duration.ofDays(3))),
                        Timestamp.from(now.minus(Duration.ofDays(2)))).update();
    }

    /** A declaration {@code hoursAgo}, as the listener projects it. */
    private void declared(String incidentId, int hoursAgo) {
        Instant at = now.minus(Duration.ofHours(hoursAgo)).minusSeconds(60);
        briefs.project(new IncidentDeclaredEvent(incidentId, "database-corruption", "Orders table corrupted", null,
                Severity.HIGH, Duration.ofHours(2), Duration.ofHours(1), at, at, false, "alice", at));
    }

    private static IncidentTargets targets() {
        return new IncidentTargets("database-corruption", Duration.ofHours(2), Duration.ofHours(1), false);
    }
}
