package org.drcc.notification.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.drcc.contract.incident.IncidentAssessedEvent;
import org.drcc.contract.incident.IncidentClosedEvent;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.IncidentEvent;
import org.drcc.contract.incident.IncidentRestoredEvent;
import org.drcc.contract.incident.IncidentTargets;
import org.drcc.contract.incident.Severity;
import org.drcc.contract.notification.StatusUpdatePublishedEvent;
import org.drcc.engines.Engines;
import org.drcc.notification.HistoryDatabase;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;

/**
 * The public status page, read by anyone at any time, on a real PostgreSQL holding years of ended incidents: it shows
 * the current incidents, the past ones of its 90 days, the feed's newest lines and the components' outages, and reads
 * them through indexes, not the whole history.
 */
@WithEngines(database = "notification")
class StatusBoardIT {

    private static final int HISTORY = 100_000;
    private static final String ORDERS = "database-corruption";
    private static final String PAYMENTS = "payment-provider-outage";

    /** Two components, a feed of the newest 3 lines. */
    private static final StatusPageSettings PAGE = new StatusPageSettings("Food Truck Management System", List.of(
            new StatusPageSettings.Component("Ordering", List.of(ORDERS)),
            new StatusPageSettings.Component("Payments", List.of(PAYMENTS))), 3, "Service disruption");

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private StatusBoard board;

    @Test
    void thePageShowsWhatIsCurrentAndRecentWithoutReadingTheHistory(Engines engines) {
        HistoryDatabase db = HistoryDatabase.migrated(engines, "status");
        board = new StatusBoard(db.sql(), PAGE, Clock.fixed(now, ZoneOffset.UTC));
        // incidents of years before, each declared and closed on the page
        db.sql().sql("""
                INSERT INTO status_incident (incident_id, scenario_id, status, declared_at, updated_at)
                SELECT 'h-' || n, ?, 'closed', ?::timestamptz - n * interval '5 minutes',
                    ?::timestamptz - n * interval '5 minutes' + interval '2 hours'
                FROM generate_series(1, ?) n""")
                .params(ORDERS, at(daysAgo(200)), at(daysAgo(200)), HISTORY).update();
        db.sql().sql("""
                INSERT INTO status_update (event_id, incident_id, status, occurred_at)
                SELECT 'h-' || n || '-' || s, 'h-' || n, (ARRAY['declared', 'closed'])[s],
                    ?::timestamptz - n * interval '5 minutes' + (s - 1) * interval '2 hours'
                FROM generate_series(1, ?) n, generate_series(1, 2) s""")
                .params(at(daysAgo(200)), HISTORY).update();
        // a payment outage ended 100 days ago, on the page again today by a late update (the feed's newest line)
        Instant late = daysAgo(100);
        project(declared("late", PAYMENTS, late));
        project(new IncidentRestoredEvent("late", targets(PAYMENTS), "backup-1", late, "restored", "alice",
                late.plus(Duration.ofHours(1))));
        project(new IncidentClosedEvent("late", targets(PAYMENTS), "closed", "alice", late.plus(Duration.ofHours(2))));
        // an incident still open after 120 days, one declared and closed 10 days ago, one current since 2 hours
        project(declared("long-open", ORDERS, daysAgo(120)));
        project(declared("recent", ORDERS, daysAgo(10)));
        project(new IncidentClosedEvent("recent", targets(ORDERS), "closed", "alice", daysAgo(10).plusSeconds(3600)));
        project(declared("current", ORDERS, now.minus(Duration.ofHours(2))));
        project(new IncidentAssessedEvent("current", targets(ORDERS), "assessed", "alice", now.minus(Duration.ofHours(1))));
        board.on(new StatusUpdatePublishedEvent("public-1", "late", "What happened in August, and what we changed",
                null, "alice", now.minusSeconds(60)));
        db.analyze();

        db.readOnce(() -> {
            StatusView page = board.view();
            assertThat(page.incidents()).extracting(StatusView.IncidentView::incidentId)
                    .containsExactly("current", "long-open");
            assertThat(page.pastIncidents()).extracting(StatusView.IncidentView::incidentId).containsExactly("recent");
            assertThat(page.history()).extracting(StatusView.FeedEntry::incidentId, StatusView.FeedEntry::status)
                    .containsExactly(tuple("late", "update"), tuple("current", "identified"),
                            tuple("current", "investigating"));
            // the late update brought an old outage back on the page, not its days of outage: it ended 100 days ago
            assertThat(page.uptime()).filteredOn(bar -> bar.component().equals("Payments")).singleElement()
                    .extracting(UptimeBar::uptimePercent).isEqualTo(100.0);
            assertThat(page.uptime()).filteredOn(bar -> bar.component().equals("Ordering")).singleElement()
                    .extracting(UptimeBar::uptimePercent).isEqualTo(0.0);
            for (String table : List.of("status_incident", "status_update")) {
                assertThat(db.fullReads(table)).as("full reads of %s", table).isZero();
                assertThat(db.readByIndex(table)).as("rows of %s read through an index", table).isLessThan(50);
            }
        });
    }

    private void project(IncidentEvent event) {
        board.project(event, UUID.randomUUID().toString());
    }

    private Instant daysAgo(int days) {
        return now.minus(Duration.ofDays(days));
    }

    private static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }

    private static IncidentDeclaredEvent declared(String incidentId, String scenario, Instant at) {
        return new IncidentDeclaredEvent(incidentId, scenario, "Internal title", null, Severity.HIGH,
                Duration.ofHours(2), Duration.ofHours(1), at, at, false, "alice", at);
    }

    private static IncidentTargets targets(String scenario) {
        return new IncidentTargets(scenario, Duration.ofHours(2), Duration.ofHours(1), false);
    }
}
