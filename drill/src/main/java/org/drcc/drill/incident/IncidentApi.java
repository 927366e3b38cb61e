package org.drcc.drill.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.drcc.contract.incident.Phase;

/** incident-service's API as the drill uses it: the bodies it sends, and the fields it reads of the answers. */
public final class IncidentApi {

    private IncidentApi() {
    }

    /** {@code GET /api/scenarios/{id}}: the plan's targets; {@code rpo} is null where none applies. */
    public record ScenarioTargets(String id, Duration rto, Duration rpo) {
    }

    /** {@code GET /api/incidents/{id}}; {@code restore} is null until the restore is recorded. */
    public record Incident(String id, Instant declaredAt, List<ChecklistEntry> checklist, RestoreEvidence restore) {
    }

    /** {@code state}: OPEN, DONE or WAIVED. */
    public record ChecklistEntry(String id, Phase phase, boolean mandatory, String state) {
    }

    /** {@code dataLoss}: the suspected start of the damage minus the restore point; {@code at}: when restored. */
    public record RestoreEvidence(String backupId, Instant restorePoint, Duration dataLoss, Instant at) {
    }

    record Declare(String scenario, String title, String description, Instant detectedAt,
                   Instant suspectedDamageStart, boolean drill) {
    }

    record Role(String person) {
    }

    record Note(String note) {
    }

    record Reason(String reason) {
    }

    record Summary(String summary) {
    }

    record Restore(String backupId, Instant restorePoint, String summary) {
    }

    record Validate(boolean passed, String summary) {
    }
}
