package org.drcc.drill.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the drills' read model. */
@Repository
public class Drills {

    private static final String SUMMARY = "SELECT * FROM drill";

    private final JdbcClient jdbc;

    Drills(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first; {@code scenario} and {@code status} may be null. */
    public List<DrillSummary> list(String scenario, String status, int limit) {
        return jdbc.sql(SUMMARY + " WHERE (CAST(? AS varchar) IS NULL OR scenario = ?) "
                        + "AND (CAST(? AS varchar) IS NULL OR status = ?) ORDER BY started_at DESC LIMIT ?")
                .params(scenario, scenario, status, status, Math.max(1, limit)).query(Drills::summary).list();
    }

    public Optional<DrillSummary> summary(String drillId) {
        return jdbc.sql(SUMMARY + " WHERE drill_id = ?").param(drillId).query(Drills::summary).optional();
    }

    public DrillView view(String drillId) {
        DrillSummary summary = summary(drillId).orElseThrow(() -> new DrillNotFoundException(drillId));
        List<DrillStep> steps = jdbc.sql("SELECT seq, step, outcome, detail, started_at, ended_at FROM drill_step "
                + "WHERE drill_id = ? ORDER BY seq").param(drillId).query(DrillStep.class).list();
        return new DrillView(summary, steps);
    }

    /** Drills left RUNNING, as after a crash of the service. */
    public List<DrillSummary> running() {
        return jdbc.sql(SUMMARY + " WHERE status = 'RUNNING'").query(Drills::summary).list();
    }

    private static DrillSummary summary(ResultSet rs, int row) throws SQLException {
        return new DrillSummary(rs.getString("drill_id"), rs.getString("scenario"), rs.getString("database_name"),
                rs.getString("trigger_name"), rs.getString("status"), rs.getString("actor"), rs.getString("incident_id"),
                instant(rs, "started_at"), instant(rs, "finished_at"), rs.getString("reason"), rs.getString("backup_id"),
                instant(rs, "restore_point"), duration(rs, "rto_ms"), duration(rs, "rto_target_ms"),
                duration(rs, "rpo_ms"), duration(rs, "rpo_target_ms"), rs.getString("pending_cleanup"),
                rs.getString("report_bucket"), rs.getString("report_key"), instant(rs, "report_retain_until"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Duration duration(ResultSet rs, String column) throws SQLException {
        long ms = rs.getLong(column);
        return rs.wasNull() ? null : Duration.ofMillis(ms);
    }
}
