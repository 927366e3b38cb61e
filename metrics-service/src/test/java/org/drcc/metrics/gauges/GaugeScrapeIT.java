package org.drcc.metrics.gauges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.drcc.engines.Engines;
import org.drcc.metrics.query.BackupFacts;
import org.drcc.metrics.query.DrillFacts;
import org.drcc.metrics.query.IncidentFacts;
import org.drcc.metrics.query.MaintenanceWindows;
import org.drcc.metrics.query.MetricsQueries;
import org.drcc.metrics.query.PlanSla;
import org.drcc.testsupport.WithEngines;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The gauges as Prometheus scrapes them, on a real PostgreSQL with the service's schema and facts written as the
 * projections keep them, at a fixed "now": which facts each window counts (a fact at a window's first instant is in
 * it, one a millisecond before is not), the rates, each database's newest good backup, the SLA of the year so far
 * and its burn rates, and that a scrape reads the window's facts, not the years of history before it.
 */
@WithEngines(database = "metrics")
class GaugeScrapeIT {

    private static final Duration WINDOW = Duration.ofDays(365);
    private static final Duration H = Duration.ofHours(1);
    private static final Duration M = Duration.ofMinutes(1);
    private static final int HISTORY = 50_000;

    private DataSource db;
    private JdbcClient sql;

    @BeforeEach
    void freshDatabase(Engines engines) {
        db = engines.postgres().newDatabase("gauges");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        sql = JdbcClient.create(db);
    }

    @Test
    void theWindowsCountTheirFactsOnlyAndAScrapeReadsThemWithoutTheHistoryBefore() throws Exception {
        Instant now = Instant.parse("2026-06-01T12:00:00Z");
        Instant edge = now.minus(WINDOW);
        // years of history before the window: backups of orders, all expired since, and their notifications
        sql.sql("""
                INSERT INTO backup_fact (backup_id, database, started_at, completed_at, snapshot_at, verified_at,
                                         expired_at)
                SELECT 'old-' || n, 'orders', t, t + interval '10 minutes', t, t + interval '1 hour',
                    t + interval '35 days'
                FROM generate_series(1, ?) n, LATERAL (SELECT ?::timestamptz - n * interval '1 hour' AS t) s""")
                .params(HISTORY, Timestamp.from(edge)).update();
        sql.sql("""
                INSERT INTO notification_fact (notification_id, tier, due_at, breached_at)
                SELECT 'old-' || n, 'within-1h', t, t FROM generate_series(1, ?) n,
                    LATERAL (SELECT ?::timestamptz - n * interval '1 hour' AS t) s""")
                .params(HISTORY, Timestamp.from(edge)).update();

        // the backups started in the window: [edge, now], now included
        insert("backup_fact", "backup_id", "at-edge", "database", "orders", "started_at", edge,
                "completed_at", edge.plus(M), "verified_at", edge.plus(H));
        insert("backup_fact", "backup_id", "before-edge", "database", "orders", "started_at", edge.minusMillis(1),
                "failed_at", edge, "verification_failed_at", edge);
        insert("backup_fact", "backup_id", "failed", "database", "orders", "started_at", edge.plus(H), "failed_at",
                edge.plus(H));
        insert("backup_fact", "backup_id", "completed-and-failed", "database", "orders", "started_at", edge.plus(H),
                "completed_at", edge.plus(H), "failed_at", edge.plus(H));
        insert("backup_fact", "backup_id", "running", "database", "orders", "started_at", now.minus(H));
        insert("backup_fact", "backup_id", "start-unseen", "database", "orders", "completed_at", now.minus(H),
                "failed_at", now.minus(H));
        insert("backup_fact", "backup_id", "verified-and-failed-check", "database", "orders", "started_at",
                edge.plus(H), "completed_at", edge.plus(H), "verified_at", edge.plus(H),
                "verification_failed_at", edge.plus(H));
        insert("backup_fact", "backup_id", "at-now", "database", "users", "started_at", now, "completed_at", now,
                "verification_failed_at", now);
        insert("backup_fact", "backup_id", "after-now", "database", "users", "started_at", now.plusMillis(1),
                "failed_at", now.plusMillis(1));
        // the newest good backup of orders: the point in time it holds (its snapshot, else its completion), not after
        // now, among the completed, verified, neither failed nor expired
        good("snapshot-26h", "orders", now.minus(H.multipliedBy(26)), now.minus(H.multipliedBy(24)));
        good("completed-25h", "orders", null, now.minus(H.multipliedBy(25)));
        insert("backup_fact", "backup_id", "unverified-10h", "database", "orders", "completed_at",
                now.minus(H.multipliedBy(10)));
        insert("backup_fact", "backup_id", "check-failed-20h", "database", "orders", "completed_at",
                now.minus(H.multipliedBy(20)), "verification_failed_at", now.minus(H.multipliedBy(19)));
        insert("backup_fact", "backup_id", "expired-15h", "database", "orders", "completed_at",
                now.minus(H.multipliedBy(15)), "verified_at", now.minus(H.multipliedBy(14)), "expired_at", now);
        insert("backup_fact", "backup_id", "failed-12h", "database", "orders", "completed_at",
                now.minus(H.multipliedBy(12)), "verified_at", now.minus(H.multipliedBy(11)), "failed_at",
                now.minus(H.multipliedBy(12)));
        good("future", "orders", now.plusMillis(1), now.plusMillis(1));
        good("archived", "archive", now.minus(H.multipliedBy(3)), now.minus(H.multipliedBy(3)));
        insert("database_rpo", "database", "orders", "rpo_seconds", 86_400, "rpo_at", edge);
        insert("database_rpo", "database", "users", "rpo_seconds", 3_600, "rpo_at", edge);
        insert("database_rpo", "database", "legacy", "rpo_seconds", 7_200, "rpo_at", edge);

        // the notifications due in the window, [edge, now]
        notification("at-edge", edge, "met_at");
        notification("before-edge", edge.minusMillis(1), "met_at");
        notification("breached", edge.plus(H), "breached_at");
        notification("met-and-breached", edge.plus(H), "met_at", "breached_at");
        notification("at-now", now, "met_at");
        notification("after-now", now.plusMillis(1), "breached_at");

        // the incidents declared in the window, [edge, now), now excluded; RTO 2 h, RPO 1 h
        incident("at-edge", false, edge.minus(Duration.ofMinutes(30)), edge, edge.plus(Duration.ofMinutes(90)),
                "restore_point", edge.minus(H.multipliedBy(2)), "suspected_damage_start", edge.minus(H),
                "closed_at", edge.plus(H.multipliedBy(2)));
        incident("before-edge", false, edge.minusMillis(1), edge.minusMillis(1), edge.plus(H.multipliedBy(10)),
                "closed_at", edge.plus(H.multipliedBy(11)));
        Instant missedAt = edge.plus(Duration.ofDays(100));
        incident("missed", false, missedAt, missedAt, missedAt.plus(H.multipliedBy(4)),
                "restore_point", missedAt.minus(H.multipliedBy(3)), "suspected_damage_start", missedAt.minus(H),
                "closed_at", missedAt.plus(H.multipliedBy(5)));
        incident("open", false, now.minus(H), now.minus(H), null);
        incident("at-now", false, now, now, null);
        incident("false-alarm", false, missedAt, missedAt, null, "cancelled_at", missedAt.plus(M));
        incident("drill", true, missedAt, missedAt, missedAt.plus(H.multipliedBy(9)));
        // the drills finished in the window, [edge, now)
        insert("drill_fact", "drill_id", "at-edge", "scenario", "s", "passed_at", edge);
        insert("drill_fact", "drill_id", "before-edge", "scenario", "s", "failed_at", edge.minusMillis(1));
        insert("drill_fact", "drill_id", "failed", "scenario", "s", "failed_at", missedAt);
        insert("drill_fact", "drill_id", "passed-and-failed", "scenario", "s", "passed_at", missedAt, "failed_at",
                missedAt);
        insert("drill_fact", "drill_id", "running", "scenario", "s", "started_at", now.minus(H));
        insert("drill_fact", "drill_id", "at-now", "scenario", "s", "passed_at", now);
        sql.sql("ANALYZE").update(); // as autovacuum does

        try (Connection connection = db.getConnection()) {
            // one transaction, so that PostgreSQL's counts of its reads are the scrapes' own
            connection.setAutoCommit(false);
            DataSource transaction = new SingleConnectionDataSource(connection, true);
            try (Service service = new Service(transaction, now)) {
                service.gauges().registerKnown();
                Map<String, Double> gauges = service.scrape();

                assertThat(gauges.get("dr_backup_success_ratio")).as("at-edge, at-now and verified-and-failed-check "
                        + "completed; failed and completed-and-failed failed").isEqualTo(3 / 5.0);
                assertThat(gauges.get("dr_backup_verification_ratio")).as("at-edge verified; at-now and "
                        + "verified-and-failed-check failed theirs").isEqualTo(1 / 3.0);
                assertThat(gauges.get("dr_newest_good_backup_age_seconds{database=\"orders\"}"))
                        .as("completed-25h: snapshot-26h holds an older point, those after it are not good")
                        .isEqualTo(25 * 3600.0);
                assertThat(gauges.get("dr_backup_rpo_seconds{database=\"orders\"}")).isEqualTo(86_400.0);
                assertThat(gauges.get("dr_newest_good_backup_age_seconds{database=\"users\"}")).isNaN();
                assertThat(gauges.get("dr_backup_rpo_seconds{database=\"users\"}")).isEqualTo(3_600.0);
                assertThat(gauges.get("dr_newest_good_backup_age_seconds{database=\"archive\"}")).isEqualTo(3 * 3600.0);
                assertThat(gauges.get("dr_backup_rpo_seconds{database=\"archive\"}")).isNaN();
                assertThat(gauges.get("dr_newest_good_backup_age_seconds{database=\"legacy\"}")).isNaN();
                assertThat(gauges.get("dr_backup_rpo_seconds{database=\"legacy\"}")).isEqualTo(7_200.0);

                assertThat(gauges.get("dr_notification_deadline_met_ratio{tier=\"immediate\"}"))
                        .as("at-edge and at-now met; breached and met-and-breached breached").isEqualTo(2 / 4.0);
                assertThat(gauges.get("dr_notification_deadline_met_ratio{tier=\"within-1h\"}"))
                        .as("a tier seen before the window only").isNaN();

                assertThat(gauges.get("dr_mttr_seconds")).as("at-edge 2 h, missed 4 h").isEqualTo(3 * 3600.0);
                assertThat(gauges.get("dr_rto_achievement_ratio")).as("open is pending").isEqualTo(1 / 2.0);
                assertThat(gauges.get("dr_rpo_achievement_ratio")).isEqualTo(1 / 2.0);
                assertThat(gauges.get("dr_mtbf_seconds"))
                        .as("(365 days less 15 h down: before-edge's 10 h in the window, at-edge's 1.5 h among them, "
                                + "missed's 4 h and open's 1 h) over the three; before-edge, declared before the "
                                + "window, is no failure of it, but its hours in it are no operating time")
                        .isEqualTo((WINDOW.toSeconds() - 15 * 3600) / 3);
                assertThat(gauges.get("dr_test_success_ratio"))
                        .as("at-edge passed; failed and passed-and-failed failed").isEqualTo(1 / 3.0);
                assertThat(gauges.get("dr_incidents_declared")).as("all time: false alarms and drills apart")
                        .isEqualTo(5.0);
                assertThat(gauges.get("dr_incidents_open")).isEqualTo(2.0);
                assertThat(gauges.get("dr_sla_availability_ratio")).as("no SLA stated yet").isNaN();
                assertThat(gauges.get("dr_sla_error_budget_burn_rate{window=\"1h\"}")).isNaN();

                // PostgreSQL's own counts of the scrape's reads: none of the history's tables read whole, and only the
                // window's rows fetched from them
                Map<String, Map<String, Object>> reads = reads(transaction);
                for (String table : List.of("backup_fact", "notification_fact")) {
                    assertThat(((Number) reads.get(table).get("seq_scan")).longValue()).as("full reads of " + table)
                            .isZero();
                    assertThat(((Number) reads.get(table).get("idx_tup_fetch")).longValue())
                            .as("rows of %s read through an index, of %d", table, HISTORY).isLessThan(100);
                }
                // the figures read once serve the whole scrape, and a scrape within the second after it
                assertThat(service.scrape()).isEqualTo(gauges);
                assertThat(reads(transaction)).isEqualTo(reads);
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    void theSlaCountsTheOutagesOfTheYearAndOfTheBurnWindowsItsMaintenanceLeftOut() throws Exception {
        // three hours into the year: the 6 h burn window reaches into the year before
        Instant now = Instant.parse("2026-01-01T03:00:00Z");
        insert("plan_sla", "availability", new BigDecimal("99.999"), "stated_at", now.minus(H));
        // ended an hour into the 6 h window, before the year
        incident("before-the-year", false, at("2025-12-31T20:00"), at("2025-12-31T20:00"), at("2025-12-31T22:00"));
        // across the year's start, its first 15 minutes of the year under planned maintenance
        incident("across-the-year", false, at("2025-12-31T23:30"), at("2025-12-31T23:30"), at("2026-01-01T00:30"));
        insert("maintenance_window", "window_id", "w", "starts_at", at("2026-01-01T00:00"), "ends_at",
                at("2026-01-01T00:15"), "reason", "upgrade", "scheduled_at", at("2025-12-01T00:00"));
        // not restored: down until now
        incident("ongoing", false, now.minus(Duration.ofMinutes(30)), now.minus(Duration.ofMinutes(30)), null);
        incident("drill", true, at("2026-01-01T01:00"), at("2026-01-01T01:00"), at("2026-01-01T02:00"));
        incident("false-alarm", false, at("2026-01-01T01:00"), at("2026-01-01T01:00"), null, "cancelled_at",
                at("2026-01-01T01:05"));

        Map<String, Double> gauges;
        try (Service service = new Service(db, now)) {
            gauges = service.scrape();
        }

        double measured = 3 * 3600 - 15 * 60;
        double down = 15 * 60 + 30 * 60;
        assertThat(gauges.get("dr_sla_availability_target_ratio")).isEqualTo(0.99999);
        assertThat(gauges.get("dr_sla_availability_ratio")).as("45 min down of 2 h 45 min measured")
                .isCloseTo(1 - down / measured, within(1e-12));
        double budget = (365 * 86_400 - 15 * 60) * 1e-5;
        assertThat(gauges.get("dr_sla_error_budget_seconds")).isCloseTo(budget, within(1e-6));
        assertThat(gauges.get("dr_sla_error_budget_remaining_seconds")).isCloseTo(budget - down, within(1e-6));
        assertThat(gauges.get("dr_sla_error_budget_burn_rate{window=\"5m\"}")).isCloseTo(300 / (300 * 1e-5),
                within(1e-6));
        assertThat(gauges.get("dr_sla_error_budget_burn_rate{window=\"1h\"}")).isCloseTo(1800 / (3600 * 1e-5),
                within(1e-6));
        assertThat(gauges.get("dr_sla_error_budget_burn_rate{window=\"6h\"}"))
                .as("before-the-year's last hour, across-the-year's 45 min outside maintenance, ongoing's 30 min")
                .isCloseTo((3600 + 45 * 60 + 30 * 60) / ((6 * 3600 - 15 * 60) * 1e-5), within(1e-6));
    }

    /** The service's gauges and the beans they read, on {@code db} at {@code now}, scraped as Prometheus does. */
    private static final class Service implements AutoCloseable {

        private final AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

        Service(DataSource db, Instant now) {
            context.registerBean(JdbcClient.class, () -> JdbcClient.create(db));
            context.registerBean(JdbcTemplate.class, () -> new JdbcTemplate(db));
            context.registerBean(Clock.class, () -> Clock.fixed(now, ZoneOffset.UTC));
            context.registerBean(GaugeSettings.class, () -> new GaugeSettings(WINDOW));
            context.registerBean(PrometheusMeterRegistry.class, () -> registry);
            context.register(IncidentFacts.class, BackupFacts.class, DrillFacts.class, MaintenanceWindows.class,
                    PlanSla.class, MetricsQueries.class, MetricsGauges.class);
            context.refresh();
        }

        MetricsGauges gauges() {
            return context.getBean(MetricsGauges.class);
        }

        /** Each gauge's value by its name and labels, as on {@code /actuator/prometheus}. */
        Map<String, Double> scrape() {
            Map<String, Double> gauges = new HashMap<>();
            registry.scrape().lines().filter(l -> l.startsWith("dr_")).forEach(l -> gauges.put(
                    l.substring(0, l.lastIndexOf(' ')), Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))));
            return gauges;
        }

        @Override
        public void close() {
            context.close();
        }
    }

    private static Map<String, Map<String, Object>> reads(DataSource transaction) {
        Map<String, Map<String, Object>> reads = new TreeMap<>();
        JdbcClient.create(transaction)
                .sql("SELECT relname, seq_scan, idx_scan, idx_tup_fetch FROM pg_stat_xact_user_tables").query()
                .listOfRows().forEach(row -> reads.put((String) row.get("relname"), row));
        return reads;
    }

    private void good(String id, String database, Instant snapshot, Instant completed) {
        insert("backup_fact", "backup_id", id, "database", database, "completed_at", completed, "snapshot_at",
                snapshot, "verified_at", completed);
    }

    private void notification(String id, Instant due, String... decided) {
        List<Object> columns = new ArrayList<>(List.of("notification_id", id, "tier", "immediate", "due_at", due));
        for (String column : decided) {
            columns.addAll(List.of(column, due));
        }
        insert("notification_fact", columns.toArray());
    }

    /** A real incident or a drill incident; RTO 2 h, RPO 1 h; outage from {@code detected} to {@code restored}. */
    private void incident(String id, boolean drill, Instant detected, Instant declared, Instant restored,
                          Object... more) {
        List<Object> columns = new ArrayList<>(Arrays.asList("incident_id", id, "scenario", "database-corruption",
                "drill", drill, "rto_seconds", 7_200, "rpo_seconds", 3_600, "detected_at", detected, "declared_at",
                declared, "restored_at", restored));
        columns.addAll(Arrays.asList(more));
        insert("incident_fact", columns.toArray());
    }

    /** A row of {@code table}: column, value, column, value... */
    private void insert(String table, Object... columnsAndValues) {
        List<String> columns = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            columns.add((String) columnsAndValues[i]);
            Object value = columnsAndValues[i + 1];
            values.add(value instanceof Instant t ? Timestamp.from(t) : value);
        }
        sql.sql("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")").params(values).update();
    }

    private static Instant at(String minute) {
        return Instant.parse(minute + ":00Z");
    }
}
