package org.drcc.incident.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
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
import org.drcc.contract.incident.IncidentTargets;
import org.drcc.contract.incident.IncidentValidatedEvent;
import org.drcc.contract.incident.NoteAddedEvent;
import org.drcc.contract.incident.Phase;
import org.drcc.contract.incident.PhaseWindowBreachedEvent;
import org.drcc.contract.incident.PhaseWindowMetEvent;
import org.drcc.contract.incident.PhaseWindowsAssignedEvent;
import org.drcc.contract.incident.RestoreEvidenceRecordedEvent;
import org.drcc.contract.incident.RoleAssignedEvent;
import org.drcc.contract.incident.Severity;
import org.drcc.contract.incident.SeverityChangedEvent;
import org.drcc.contract.PersonalData;
import org.drcc.contract.incident.ValidationFailedEvent;

/** A DR incident, moved through the plan's phases; its events are the audit trail. */
@Aggregate(snapshotTriggerDefinition = "incidentSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE)
public class Incident {

    /** The actor of what the service's own clock records. */
    static final String CLOCK_ACTOR = "incident-service";

    @AggregateIdentifier
    private String incidentId;
    private IncidentStatus status;
    private IncidentTargets targets;
    private Severity severity;
    private Instant suspectedDamageStart;
    private final Checklist checklist = new Checklist();
    private final PhaseDeadlines deadlines = new PhaseDeadlines();
    @PersonalData // each holder sealed with their own key in snapshots, as in the events
    private final Map<IncidentRole, String> roles = new EnumMap<>(IncidentRole.class);

    protected Incident() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Incident(DeclareIncidentCommand c) {
        Rules.require(c.title() != null && !c.title().isBlank(), "an incident needs a title");
        Rules.require(!c.detectedAt().isAfter(c.requestedAt()), "detectedAt " + c.detectedAt() + " is in the future");
        Rules.require(c.suspectedDamageStart() == null || !c.suspectedDamageStart().isAfter(c.detectedAt()),
                "suspectedDamageStart " + c.suspectedDamageStart() + " is after detectedAt " + c.detectedAt()
                        + ": damage starts before it is detected");
        IncidentDeclaredEvent declared = new IncidentDeclaredEvent(c.incidentId(), c.scenarioId(), c.title().strip(),
                c.description(), c.severity(), c.rto(), c.rpo(), c.detectedAt(), c.suspectedDamageStart(), c.drill(),
                c.actor(), c.requestedAt());
        apply(declared);
        apply(new ChecklistAssignedEvent(c.incidentId(), declared.targets(), c.checklist(), c.actor(), c.requestedAt()));
        if (c.windows() != null && !c.windows().isEmpty()) {
            apply(new PhaseWindowsAssignedEvent(c.incidentId(), declared.targets(), c.detectedAt(), c.windows(),
                    c.actor(), c.requestedAt()));
        }
    }

    @CommandHandler
    void handle(AssessIncidentCommand c) {
        Phase leaving = move(IncidentStatus.ASSESSED, "assess");
        apply(new IncidentAssessedEvent(incidentId, targets, c.summary(), c.actor(), c.requestedAt()));
        windowLeft(leaving, c.actor(), c.requestedAt());
    }

    @CommandHandler
    void handle(ContainIncidentCommand c) {
        Phase leaving = move(IncidentStatus.CONTAINED, "contain");
        apply(new IncidentContainedEvent(incidentId, targets, c.summary(), c.actor(), c.requestedAt()));
        windowLeft(leaving, c.actor(), c.requestedAt());
    }

    @CommandHandler
    void handle(RestoreIncidentCommand c) {
        Lifecycle.requireMove(status, IncidentStatus.RESTORED);
        // the items the linked restore proves are ticked first, so that they count for the phase's gate; a refusal
        // below rolls them back with the rest
        c.proofs().stream().filter(p -> checklist.isOpen(p.itemId())).forEach(p -> evidence(p, c.actor(), c.requestedAt()));
        Phase leaving = move(IncidentStatus.RESTORED, "record the restore");
        Rules.requireRestoreEvidence(targets, suspectedDamageStart, c.backupId(), c.restorePoint(), c.requestedAt());
        RestoreEvidence e = c.evidence();
        if (e != null) {
            apply(new RestoreEvidenceRecordedEvent(incidentId, targets, e.kind(), c.backupId(), c.restorePoint(),
                    e.restoreId(), e.database(), e.sourceEventId(), e.vouchedBy(), c.actor(), c.requestedAt()));
        }
        apply(new IncidentRestoredEvent(incidentId, targets, c.backupId(), c.restorePoint(), c.summary(), c.actor(),
                c.requestedAt()));
        windowLeft(leaving, c.actor(), c.requestedAt());
    }

    @CommandHandler
    void handle(ValidateIncidentCommand c) {
        if (!c.passed()) {
            Lifecycle.requireMove(status, IncidentStatus.VALIDATED);
            apply(new ValidationFailedEvent(incidentId, targets, c.summary(), c.actor(), c.requestedAt()));
            return;
        }
        Phase leaving = move(IncidentStatus.VALIDATED, "validate");
        apply(new IncidentValidatedEvent(incidentId, targets, c.summary(), c.actor(), c.requestedAt()));
        windowLeft(leaving, c.actor(), c.requestedAt());
    }

    @CommandHandler
    void handle(CloseIncidentCommand c) {
        Phase leaving = move(IncidentStatus.CLOSED, "close");
        apply(new IncidentClosedEvent(incidentId, targets, c.summary(), c.actor(), c.requestedAt()));
        windowLeft(leaving, c.actor(), c.requestedAt());
    }

    @CommandHandler
    void handle(CancelIncidentCommand c) {
        Lifecycle.requireMove(status, IncidentStatus.CANCELLED);
        Rules.require(c.reason() != null && !c.reason().isBlank(), "cancelling needs a reason");
        apply(new IncidentCancelledEvent(incidentId, targets, c.reason(), c.actor(), c.requestedAt()));
    }

    @CommandHandler
    void handle(CompleteChecklistItemCommand c) {
        Lifecycle.requireOpen(status);
        checklist.requireOpen(c.itemId());
        apply(new ChecklistItemCompletedEvent(incidentId, targets, c.itemId(), c.note(), c.actor(), c.requestedAt()));
    }

    @CommandHandler
    void handle(EvidenceChecklistItemCommand c) {
        if (Lifecycle.isOpen(status) && !targets.drill() && checklist.isOpen(c.proof().itemId())) {
            evidence(c.proof(), c.actor(), c.at());
        }
    }

    private void evidence(ItemProof p, String actor, Instant at) {
        apply(new ChecklistItemEvidencedEvent(incidentId, targets, p.itemId(), p.deed(), p.eventType(), p.eventId(),
                p.note(), actor, at));
    }

    @CommandHandler
    void handle(WaiveChecklistItemCommand c) {
        Lifecycle.requireOpen(status);
        Rules.require(c.actor() != null && c.actor().equals(roles.get(IncidentRole.DR_LEAD)),
                "only the incident's DR lead (" + roles.getOrDefault(IncidentRole.DR_LEAD, "not assigned yet")
                        + ") may waive a checklist item");
        Rules.require(c.reason() != null && !c.reason().isBlank(), "a waiver needs a reason");
        checklist.requireOpen(c.itemId());
        apply(new ChecklistItemWaivedEvent(incidentId, targets, c.itemId(), c.reason(), c.actor(), c.requestedAt()));
    }

    @CommandHandler
    void handle(AssignRoleCommand c) {
        Lifecycle.requireOpen(status);
        Rules.require(c.person() != null && !c.person().isBlank(), "a role needs a person");
        Rules.require(!c.person().equals(roles.get(c.role())), c.person() + " already holds " + c.role());
        apply(new RoleAssignedEvent(incidentId, targets, c.role(), c.person().strip(), roles.get(c.role()), c.actor(),
                c.requestedAt()));
    }

    @CommandHandler
    void handle(AddNoteCommand c) {
        Lifecycle.requireOpen(status);
        Rules.require(c.text() != null && !c.text().isBlank(), "a note needs a text");
        apply(new NoteAddedEvent(incidentId, targets, c.text(), c.statusUpdate(), c.actor(), c.requestedAt()));
    }

    @CommandHandler
    void handle(ChangeSeverityCommand c) {
        Lifecycle.requireOpen(status);
        Rules.require(c.severity() != severity, "the incident is already " + severity);
        Rules.require(c.reason() != null && !c.reason().isBlank(), "a severity change needs a reason");
        apply(new SeverityChangedEvent(incidentId, targets, severity, c.severity(), c.reason(), c.actor(),
                c.requestedAt()));
    }

    @CommandHandler
    void handle(CheckPhaseWindowsCommand c) {
        if (Lifecycle.isOpen(status)) {
            deadlines.passed(c.at()).forEach(phase -> apply(new PhaseWindowBreachedEvent(incidentId, targets, phase,
                    deadlines.open(phase), CLOCK_ACTOR, c.at())));
        }
    }

    /** Refuses a move the plan or the checklist forbids; answers the phase the move leaves. */
    private Phase move(IncidentStatus target, String verb) {
        Lifecycle.requireMove(status, target);
        checklist.requireComplete(Lifecycle.gate(target), verb);
        return Lifecycle.phaseOf(status);
    }

    /** The window of the phase just left is met, or breached if it ended first and the clock had not seen it yet. */
    private void windowLeft(Phase left, String actor, Instant at) {
        Instant deadline = deadlines.open(left);
        if (deadline != null) {
            apply(at.isAfter(deadline) ? new PhaseWindowBreachedEvent(incidentId, targets, left, deadline, actor, at)
                    : new PhaseWindowMetEvent(incidentId, targets, left, deadline, actor, at));
        }
    }

    @EventSourcingHandler
    void on(IncidentDeclaredEvent e) {
        incidentId = e.incidentId();
        status = IncidentStatus.DECLARED;
        targets = e.targets();
        severity = e.severity();
        suspectedDamageStart = e.suspectedDamageStart();
    }

    @EventSourcingHandler
    void on(ChecklistAssignedEvent e) {
        checklist.assign(e.items());
    }

    @EventSourcingHandler
    void on(ChecklistItemCompletedEvent e) {
        checklist.resolve(e.itemId());
    }

    @EventSourcingHandler
    void on(ChecklistItemEvidencedEvent e) {
        checklist.resolve(e.itemId());
    }

    @EventSourcingHandler
    void on(ChecklistItemWaivedEvent e) {
        checklist.resolve(e.itemId());
    }

    @EventSourcingHandler
    void on(PhaseWindowsAssignedEvent e) {
        deadlines.assign(e.startsAt(), e.windows());
    }

    @EventSourcingHandler
    void on(PhaseWindowMetEvent e) {
        deadlines.decide(e.phase());
    }

    @EventSourcingHandler
    void on(PhaseWindowBreachedEvent e) {
        deadlines.decide(e.phase());
    }

    @EventSourcingHandler
    void on(RoleAssignedEvent e) {
        roles.put(e.role(), e.person());
    }

    @EventSourcingHandler
    void on(SeverityChangedEvent e) {
        severity = e.to();
    }

    /** The lifecycle events: each sets the state it names. */
    @EventSourcingHandler
    void on(IncidentEvent e) {
        Lifecycle.statusAfter(e).ifPresent(next -> status = next);
    }
}
