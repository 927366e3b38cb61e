package org.drcc.drill.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.drcc.contract.incident.Phase;

/** incident-service's API as the drill uses it: the bodies it sends, and the fields it reads of the answers. */
public final class IncidentApi {

    private IncidentApi() {
    }

    /**
     * {@code GET /api/scenarios/{id}}: the plan's targets ({@code rpo} is null where none applies) and the
     * checklist its incidents are run by.
     */
    public record ScenarioTargets(String id, Duration rto, Duration rpo, List<PlannedItem> checklist) {

        public ScenarioTargets {
            checklist = checklist == null ? List.of() : List.copyOf(checklist);
        }

        /** The id of the item the plan ticks for {@code deed}, if the plan names one. */
        public Optional<String> itemFor(DrillDeed deed) {
            return checklist.stream().filter(i -> deed.tag().equals(i.deed())).map(PlannedItem::id).findFirst();
        }
    }

    /** {@code deed}: what the suite does itself that ticks the item, or null for an item a person ticks. */
    public record PlannedItem(String id, Phase phase, String deed) {
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
