package org.drcc.metrics.query;

import org.drcc.contract.incident.IncidentCancelledEvent;
import org.drcc.contract.incident.IncidentClosedEvent;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.IncidentEvent;
import org.drcc.contract.incident.IncidentRestoredEvent;
import org.drcc.contract.incident.RestoreEvidenceRecordedEvent;
import org.drcc.contract.incident.SeverityChangedEvent;
import org.springframework.stereotype.Component;

/**
 * Projects incident events into incident_fact. Called inside the inbox's transaction, by the live
 * listener and by the replay alike. Each event sets its own columns, so the result does not depend on
 * the order in which the events of different incidents, or topics, arrive.
 *
 * <p>Backup and notification events have a projection of their own ({@code BackupFactsProjection}), and so do
 * plan and drill events ({@code MaintenanceWindows}, {@code PlanSla}, {@code DrillFacts}); {@code VERSION} covers
 * them all, as one replay rebuilds them all.
 */
@Component
public class IncidentFactsProjection {

    /** Version 5: the drills' own outcomes (drill_fact, from dr.drill.events). Version 4: the events the clocks were read from, and the restore's evidence. Version 3: backup and notification facts. Raise when the projection writes different facts: a start-up then replays the whole history. */
    public static final int VERSION = 5;
    public static final String NAME = "incident_fact";

    private final IncidentFacts facts;

    IncidentFactsProjection(IncidentFacts facts) {
        this.facts = facts;
    }

    /** {@code eventId}: the CloudEvents id of the event, named by the figures computed from it. */
    public void apply(IncidentEvent event, String eventId) {
        String id = event.incidentId();
        facts.targets(id, event.targets());
        if (event instanceof IncidentDeclaredEvent e) {
            facts.set(id, "detected_at = ?, suspected_damage_start = ?, declared_at = ?, declared_event_id = ?",
                    e.detectedAt(), e.suspectedDamageStart(), e.occurredAt(), eventId);
            facts.severity(id, e.severity().name(), e.occurredAt());
        } else if (event instanceof SeverityChangedEvent e) {
            facts.severity(id, e.to().name(), e.occurredAt());
        } else if (event instanceof IncidentRestoredEvent e) {
            facts.set(id, "restored_at = ?, restore_point = ?, backup_id = ?, restored_event_id = ?",
                    e.occurredAt(), e.restorePoint(), e.backupId(), eventId);
        } else if (event instanceof RestoreEvidenceRecordedEvent e) {
            facts.set(id, "restore_evidence = ?, restore_source_event_id = ?", e.evidence(), e.sourceEventId());
        } else if (event instanceof IncidentClosedEvent e) {
            facts.set(id, "closed_at = ?", e.occurredAt());
        } else if (event instanceof IncidentCancelledEvent e) {
            facts.set(id, "cancelled_at = ?", e.occurredAt());
        }
    }
}
