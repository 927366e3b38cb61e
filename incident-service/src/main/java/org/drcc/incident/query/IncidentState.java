package org.drcc.incident.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drcc.contract.incident.ChecklistAssignedEvent;
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
import org.drcc.contract.incident.IncidentStatus;
import org.drcc.contract.incident.IncidentValidatedEvent;
import org.drcc.contract.incident.NoteAddedEvent;
import org.drcc.contract.incident.RestoreEvidenceRecordedEvent;
import org.drcc.contract.incident.Phase;
import org.drcc.contract.incident.PhaseWindowBreachedEvent;
import org.drcc.contract.incident.PhaseWindowMetEvent;
import org.drcc.contract.incident.PhaseWindowsAssignedEvent;
import org.drcc.contract.incident.RoleAssignedEvent;
import org.drcc.contract.incident.Severity;
import org.drcc.contract.incident.SeverityChangedEvent;
import org.drcc.contract.incident.ValidationFailedEvent;
import org.drcc.incident.command.Lifecycle;
import org.drcc.recovery.RecoveryRules;

/** Folds an incident's events, in order, into what {@link IncidentView} shows. */
final class IncidentState {

    private IncidentDeclaredEvent declared;
    private IncidentStatus status;
    private Severity severity;
    private Instant updatedAt;
    private long version;
    private final Map<IncidentRole, String> roles = new EnumMap<>(IncidentRole.class);
    private final Map<String, IncidentView.ChecklistEntry> checklist = new LinkedHashMap<>();
    private final Map<Phase, IncidentView.PhaseWindowEntry> windows = new LinkedHashMap<>();
    private IncidentView.RestoreEvidence restore;
    private RestoreEvidenceRecordedEvent restoreEvidence;
    private IncidentView.ValidationResult validation;
    private final List<IncidentView.TimelineEntry> timeline = new ArrayList<>();

    boolean isEmpty() {
        return declared == null;
    }

    void apply(IncidentEvent event, long sequence) {
        version = sequence;
        updatedAt = event.occurredAt();
        Lifecycle.statusAfter(event).ifPresent(next -> {
            status = next;
            timeline.add(entry(event, "status", next.name() + summary(event)));
        });
        if (event instanceof IncidentDeclaredEvent e) {
            declared = e;
            severity = e.severity();
        } else if (event instanceof ChecklistAssignedEvent e) {
            e.items().forEach(i -> checklist.put(i.id(), new IncidentView.ChecklistEntry(i.id(), i.phase(), i.text(),
                    i.mandatory(), i.owner(), "OPEN", null, null, null, null)));
        } else if (event instanceof PhaseWindowsAssignedEvent e) {
            e.windows().forEach(w -> windows.put(w.phase(), new IncidentView.PhaseWindowEntry(w.phase(), w.from(),
                    w.until(), w.until() == null ? null : e.startsAt().plus(w.until()), "OPEN", null)));
        } else if (event instanceof PhaseWindowMetEvent e) {
            decide(e.phase(), "MET", e);
        } else if (event instanceof PhaseWindowBreachedEvent e) {
            decide(e.phase(), "BREACHED", e);
            timeline.add(entry(e, "phase-window", e.phase() + " window ended at " + e.deadline() + " and the phase is "
                    + "not over: escalated"));
        } else if (event instanceof ChecklistItemCompletedEvent e) {
            resolve(e.itemId(), "DONE", e, e.note(), null);
        } else if (event instanceof ChecklistItemEvidencedEvent e) {
            resolve(e.itemId(), "DONE", e, e.note(), new IncidentView.EventRef(e.evidenceType(), e.evidenceEventId()));
        } else if (event instanceof RestoreEvidenceRecordedEvent e) {
            restoreEvidence = e;
        } else if (event instanceof ChecklistItemWaivedEvent e) {
            resolve(e.itemId(), "WAIVED", e, e.reason(), null);
        } else if (event instanceof RoleAssignedEvent e) {
            roles.put(e.role(), e.person());
            timeline.add(entry(e, "role", e.role() + ": " + e.person()));
        } else if (event instanceof NoteAddedEvent e) {
            timeline.add(entry(e, e.statusUpdate() ? "status-update" : "note", e.text()));
        } else if (event instanceof SeverityChangedEvent e) {
            severity = e.to();
            timeline.add(entry(e, "severity", e.from() + " -> " + e.to() + ": " + e.reason()));
        } else if (event instanceof IncidentRestoredEvent e) {
            // the view reports the evidence as recorded; judging it is for the metrics and the drills
            Duration loss = RecoveryRules.dataLoss(e.restorePoint(), declared.suspectedDamageStart(),
                    RecoveryRules.LaterRestorePoint.NEGATIVE_LOSS).orElse(null);
            RestoreEvidenceRecordedEvent ev = restoreEvidence;
            restore = new IncidentView.RestoreEvidence(e.backupId(), e.restorePoint(), loss, e.summary(), e.actor(),
                    e.occurredAt(), ev == null ? null : ev.evidence(), ev == null ? null : ev.restoreId(),
                    ev == null ? null : ev.database(), ev == null || ev.sourceEventId() == null ? null
                    : new IncidentView.EventRef("dr.backup.restored.v1", ev.sourceEventId()),
                    ev == null ? null : ev.vouchedBy());
        } else if (event instanceof ValidationFailedEvent e) {
            validation = new IncidentView.ValidationResult(false, e.summary(), e.actor(), e.occurredAt());
            timeline.add(entry(e, "validation", "failed: " + e.summary()));
        } else if (event instanceof IncidentValidatedEvent e) {
            validation = new IncidentView.ValidationResult(true, e.summary(), e.actor(), e.occurredAt());
        }
    }

    IncidentView view() {
        IncidentDeclaredEvent d = declared;
        return new IncidentView(d.incidentId(), d.scenarioId(), d.title(), d.description(), severity, status,
                Lifecycle.phaseOf(status), Lifecycle.allowedNext(status), d.rto(), d.rpo(), d.detectedAt(),
                d.suspectedDamageStart(), d.drill(), d.occurredAt(), d.actor(), updatedAt, version, Map.copyOf(roles),
                List.copyOf(checklist.values()), List.copyOf(windows.values()), restore, validation, List.copyOf(timeline));
    }

    private void resolve(String itemId, String state, IncidentEvent e, String note, IncidentView.EventRef evidence) {
        IncidentView.ChecklistEntry item = checklist.get(itemId);
        checklist.put(itemId, new IncidentView.ChecklistEntry(item.id(), item.phase(), item.text(), item.mandatory(),
                item.owner(), state, e.actor(), e.occurredAt(), note, evidence));
    }

    private void decide(Phase phase, String state, IncidentEvent e) {
        IncidentView.PhaseWindowEntry w = windows.get(phase);
        if (w != null) {
            windows.put(phase, new IncidentView.PhaseWindowEntry(phase, w.from(), w.until(), w.deadline(), state,
                    e.occurredAt()));
        }
    }

    private static String summary(IncidentEvent e) {
        String text = null;
        if (e instanceof IncidentAssessedEvent a) {
            text = a.summary();
        } else if (e instanceof IncidentContainedEvent c) {
            text = c.summary();
        } else if (e instanceof IncidentRestoredEvent r) {
            text = r.summary();
        } else if (e instanceof IncidentValidatedEvent v) {
            text = v.summary();
        } else if (e instanceof IncidentClosedEvent c) {
            text = c.summary();
        } else if (e instanceof IncidentCancelledEvent c) {
            text = c.reason();
        } else if (e instanceof IncidentDeclaredEvent d) {
            text = d.title();
        }
        return text == null || text.isBlank() ? "" : ": " + text;
    }

    private static IncidentView.TimelineEntry entry(IncidentEvent e, String kind, String text) {
        return new IncidentView.TimelineEntry(e.occurredAt(), e.actor(), kind, text);
    }
}
