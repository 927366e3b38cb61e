package org.drcc.drill.query;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.drcc.contract.drill.DrillFailedEvent;
import org.drcc.contract.drill.DrillIncidentDeclaredEvent;
import org.drcc.contract.drill.DrillPassedEvent;
import org.drcc.contract.drill.DrillReportStoredEvent;
import org.drcc.contract.drill.DrillStartedEvent;
import org.drcc.contract.drill.DrillStepRecordedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Projects the drills' events into the read model; subscribing, like the backups' projection. */
@Component
@ProcessingGroup(DrillProjection.GROUP)
class DrillProjection {

    static final String GROUP = "drill-projection";

    private final JdbcClient jdbc;

    DrillProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DrillStartedEvent e) {
        jdbc.sql("INSERT INTO drill (drill_id, scenario, database_name, trigger_name, status, actor, started_at) "
                        + "VALUES (?, ?, ?, ?, 'RUNNING', ?, ?)")
                .params(e.drillId(), e.scenario(), e.database(), e.trigger(), e.actor(), ts(e.occurredAt())).update();
    }

    @EventHandler
    void on(DrillIncidentDeclaredEvent e) {
        jdbc.sql("UPDATE drill SET incident_id = ? WHERE drill_id = ?").params(e.incidentId(), e.drillId()).update();
    }

    @EventHandler
    void on(DrillStepRecordedEvent e) {
        jdbc.sql("INSERT INTO drill_step (drill_id, seq, step, outcome, detail, started_at, ended_at) "
                        + "SELECT ?, coalesce(max(seq), 0) + 1, ?, ?, ?, ?, ? FROM drill_step WHERE drill_id = ?")
                .params(e.drillId(), e.step(), e.outcome(), e.detail(), ts(e.startedAt()), ts(e.endedAt()), e.drillId())
                .update();
    }

    @EventHandler
    void on(DrillPassedEvent e) {
        jdbc.sql("UPDATE drill SET status = 'PASSED', finished_at = ?, incident_id = ?, backup_id = ?, restore_point = ?, "
                        + "rto_ms = ?, rto_target_ms = ?, rpo_ms = ?, rpo_target_ms = ? WHERE drill_id = ?")
                .params(ts(e.occurredAt()), e.incidentId(), e.backupId(), ts(e.restorePoint()), ms(e.rto()),
                        ms(e.rtoTarget()), ms(e.rpo()), ms(e.rpoTarget()), e.drillId())
                .update();
    }

    @EventHandler
    void on(DrillFailedEvent e) {
        jdbc.sql("UPDATE drill SET status = 'FAILED', finished_at = ?, incident_id = ?, reason = ?, rto_ms = ?, "
                        + "rto_target_ms = ?, rpo_ms = ?, rpo_target_ms = ?, pending_cleanup = ? WHERE drill_id = ?")
                .params(ts(e.occurredAt()), e.incidentId(), e.reason(), ms(e.rto()), ms(e.rtoTarget()), ms(e.rpo()),
                        ms(e.rpoTarget()), e.pendingCleanup().isEmpty() ? null : String.join(",", e.pendingCleanup()),
                        e.drillId())
                .update();
    }

    @EventHandler
    void on(DrillReportStoredEvent e) {
        jdbc.sql("UPDATE drill SET report_bucket = ?, report_key = ?, report_sha256 = ?, report_retain_until = ? "
                        + "WHERE drill_id = ?")
                .params(e.bucket(), e.objectKey(), e.sha256(), ts(e.retainUntil()), e.drillId()).update();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Long ms(Duration duration) {
        return duration == null ? null : duration.toMillis();
    }
}
