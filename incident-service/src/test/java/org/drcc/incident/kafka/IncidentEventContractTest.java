package org.drcc.incident.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.drcc.contract.incident.ChecklistAssignedEvent;
import org.drcc.contract.incident.ChecklistItem;
import org.drcc.contract.incident.ChecklistItemCompletedEvent;
import org.drcc.contract.incident.ChecklistItemEvidencedEvent;
import org.drcc.contract.incident.ChecklistItemWaivedEvent;
import org.drcc.contract.incident.IncidentAssessedEvent;
import org.drcc.contract.incident.IncidentCancelledEvent;
import org.drcc.contract.incident.IncidentClosedEvent;
import org.drcc.contract.incident.IncidentContainedEvent;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.IncidentEvent;
import org.drcc.contract.incident.IncidentRestoredEvent;
import org.drcc.contract.incident.IncidentRole;
import org.drcc.contract.incident.IncidentTargets;
import org.drcc.contract.incident.IncidentValidatedEvent;
import org.drcc.contract.incident.NoteAddedEvent;
import org.drcc.contract.incident.Phase;
import org.drcc.contract.incident.PhaseWindow;
import org.drcc.contract.incident.PhaseWindowBreachedEvent;
import org.drcc.contract.incident.PhaseWindowMetEvent;
import org.drcc.contract.incident.PhaseWindowsAssignedEvent;
import org.drcc.contract.incident.RestoreEvidenceRecordedEvent;
import org.drcc.contract.incident.RoleAssignedEvent;
import org.drcc.contract.incident.Severity;
import org.drcc.contract.incident.SeverityChangedEvent;
import org.drcc.contract.incident.ValidationFailedEvent;
import org.drcc.testsupport.ContractSnapshots;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;

/**
 * The JSON of each incident event on Kafka is a public contract: these snapshots fail when it changes.
 * A breaking change needs a new event version, not an edit of the snapshot.
 */
@JsonTest
class IncidentEventContractTest {

    private static final String ID = "7d3f6c1e-0000-4000-8000-000000000001";
    private static final Instant AT = Instant.parse("2026-11-25T10:05:00Z");
    private static final IncidentTargets TARGETS =
            new IncidentTargets("database-corruption", Duration.ofHours(2), Duration.ofHours(1), false);

    private static final List<IncidentEvent> SAMPLES = List.of(
            new IncidentDeclaredEvent(ID, "database-corruption", "Orders table corrupted",
                    "checksum errors on customer_order", Severity.HIGH, Duration.ofHours(2), Duration.ofHours(1),
                    Instant.parse("2026-11-25T10:00:00Z"), Instant.parse("2026-11-25T09:00:00Z"), false, "alice", AT),
            new ChecklistAssignedEvent(ID, TARGETS, List.of(
                    new ChecklistItem("impact-assessed", Phase.ASSESSMENT, "Impact assessed", true, IncidentRole.DR_LEAD),
                    new ChecklistItem("step-1", Phase.RECOVERY, "Identify corruption source", false)), "alice", AT),
            new ChecklistItemCompletedEvent(ID, TARGETS, "impact-assessed", "orders only", "bob", AT),
            new ChecklistItemWaivedEvent(ID, TARGETS, "dns-updated", "no DNS change needed", "dana", AT),
            new RoleAssignedEvent(ID, TARGETS, IncidentRole.DR_LEAD, "dana", null, "alice", AT),
            new NoteAddedEvent(ID, TARGETS, "restore ETA 11:00", true, "dana", AT),
            new SeverityChangedEvent(ID, TARGETS, Severity.HIGH, Severity.CRITICAL, "payments down too", "dana", AT),
            new IncidentAssessedEvent(ID, TARGETS, "orders table only", "bob", AT),
            new IncidentContainedEvent(ID, TARGETS, "writes stopped", "bob", AT),
            new IncidentRestoredEvent(ID, TARGETS, "b-42", Instant.parse("2026-11-25T08:00:00Z"), "restored", "bob", AT),
            new ValidationFailedEvent(ID, TARGETS, "orders of 08:30 missing", "carol", AT),
            new IncidentValidatedEvent(ID, TARGETS, "all checks green", "carol", AT),
            new IncidentClosedEvent(ID, TARGETS, "post-mortem filed", "dana", AT),
            new IncidentCancelledEvent(ID, TARGETS, "monitoring glitch", "dana", AT),
            new RestoreEvidenceRecordedEvent(ID, TARGETS, RestoreEvidenceRecordedEvent.LINKED, "b-42",
                    Instant.parse("2026-11-25T08:00:00Z"), "r-7", "foodtruck", "e-restored-1", null, "bob", AT),
            new ChecklistItemEvidencedEvent(ID, TARGETS, "database-restored", "database-restored",
                    "dr.backup.restored.v1", "e-restored-1", "backup b-42 of foodtruck restored", "incident-service", AT),
            new PhaseWindowsAssignedEvent(ID, TARGETS, Instant.parse("2026-11-25T10:00:00Z"), List.of(
                    new PhaseWindow(Phase.ASSESSMENT, Duration.ZERO, Duration.ofMinutes(30)),
                    new PhaseWindow(Phase.POST_RECOVERY, Duration.ofHours(6), null)), "alice", AT),
            new PhaseWindowMetEvent(ID, TARGETS, Phase.ASSESSMENT, Instant.parse("2026-11-25T10:30:00Z"), "bob", AT),
            new PhaseWindowBreachedEvent(ID, TARGETS, Phase.CONTAINMENT, Instant.parse("2026-11-25T11:00:00Z"),
                    "incident-service", Instant.parse("2026-11-25T11:00:01Z")));

    @Autowired
    ObjectMapper json;

    @Test
    void everyEventTypeSerialisesExactlyAsItsSnapshot() throws Exception {
        ContractSnapshots.check(json, IncidentEvent.class, SAMPLES);
    }
}
