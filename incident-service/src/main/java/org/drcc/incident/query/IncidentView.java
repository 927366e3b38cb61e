package org.drcc.incident.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.drcc.contract.incident.IncidentRole;
import org.drcc.contract.incident.IncidentStatus;
import org.drcc.contract.incident.Phase;
import org.drcc.contract.incident.Severity;

/**
 * An incident as it stood after a given event: its phase, checklist, roles and timeline. {@code version}
 * is that event's sequence number, sent back in {@code If-Match} for optimistic concurrency.
 */
public record IncidentView(
        String id,
        String scenario,
        String title,
        String description,
        Severity severity,
        IncidentStatus status,
        Phase phase,
        List<IncidentStatus> allowedNext,
        Duration rto,
        Duration rpo,
        Instant detectedAt,
        Instant suspectedDamageStart,
        boolean drill,
        Instant declaredAt,
        String declaredBy,
        Instant updatedAt,
        long version,
        Map<IncidentRole, String> roles,
        List<ChecklistEntry> checklist,
        List<PhaseWindowEntry> windows,
        RestoreEvidence restore,
        ValidationResult validation,
        List<TimelineEntry> timeline) {

    /**
     * A checklist item and its state: OPEN, DONE or WAIVED (with who, when and why); {@code evidence}: the event of
     * the suite that ticked it, null when a person did.
     */
    public record ChecklistEntry(String id, Phase phase, String text, boolean mandatory, IncidentRole owner,
                                 String state, String by, Instant at, String note, EventRef evidence) {
    }

    /**
     * A phase's window from the plan and its deadline (detection plus {@code until}; null: open-ended): OPEN, MET
     * (left in time) or BREACHED, with when that was recorded.
     */
    public record PhaseWindowEntry(Phase phase, Duration from, Duration until, Instant deadline, String state,
                                   Instant decidedAt) {
    }

    /** An event of the suite: its CloudEvents type and id. */
    public record EventRef(String type, String id) {
    }

    /**
     * The restore recorded on RESTORED; {@code dataLoss} is suspected start of damage minus restore point.
     * {@code evidence}: {@code LINKED} (backup id and restore point from the event {@code restoredEvent} of
     * backup-service's restore {@code restoreId}), {@code MANUAL} (typed, vouched for by {@code vouchedBy}), or null
     * for a restore recorded before evidence was kept.
     */
    public record RestoreEvidence(String backupId, Instant restorePoint, Duration dataLoss, String summary,
                                  String by, Instant at, String evidence, String restoreId, String database,
                                  EventRef restoredEvent, String vouchedBy) {
    }

    public record ValidationResult(boolean passed, String summary, String by, Instant at) {
    }

    public record TimelineEntry(Instant at, String actor, String kind, String text) {
    }
}
