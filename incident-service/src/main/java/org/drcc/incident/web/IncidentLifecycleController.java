package org.drcc.incident.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.drcc.contract.incident.IncidentRole;
import org.drcc.incident.command.AddNoteCommand;
import org.drcc.incident.command.AssessIncidentCommand;
import org.drcc.incident.command.AssignRoleCommand;
import org.drcc.incident.command.CancelIncidentCommand;
import org.drcc.incident.command.ChangeSeverityCommand;
import org.drcc.incident.command.CloseIncidentCommand;
import org.drcc.incident.command.CompleteChecklistItemCommand;
import org.drcc.incident.command.ContainIncidentCommand;
import org.drcc.incident.command.RestoreIncidentCommand;
import org.drcc.incident.command.ValidateIncidentCommand;
import org.drcc.incident.command.WaiveChecklistItemCommand;
import org.drcc.incident.evidence.RestoreLinks;
import org.drcc.kit.idempotency.Fingerprint;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every change to an incident: phase changes, checklist, roles, notes, severity. Each answers with the
 * incident's new state and ETag; {@code If-Match} refuses a change to a version the caller has not seen
 * (412), {@code Idempotency-Key} makes a retry safe. The actor is the caller named by the bearer token, never the request.
 */
@Tag(name = "incident lifecycle", description = "Move an incident through the plan's phases: every change is an event; what the plan does not allow is a 409")
@RestController
@RequestMapping("/api/incidents/{id}")
class IncidentLifecycleController {

    private final IncidentCommands commands;
    private final RestoreLinks restores;

    IncidentLifecycleController(IncidentCommands commands, RestoreLinks restores) {
        this.commands = commands;
        this.restores = restores;
    }

    @Operation(summary = "Record the impact assessment: DECLARED to ASSESSED", description = "Needs the ASSESSMENT phase's mandatory checklist items done or waived.")
    @PostMapping("/assess")
    ResponseEntity<?> assess(@PathVariable String id, @Valid @RequestBody SummaryRequest body, Caller caller) {
        return commands.send(id, caller, Fingerprint.of("assess " + id, body),
                now -> new AssessIncidentCommand(id, caller.expectedVersion(), body.summary(), caller.name(), now));
    }

    @Operation(summary = "Record the containment: ASSESSED to CONTAINED", description = "Needs the CONTAINMENT phase's mandatory checklist items done or waived.")
    @PostMapping("/contain")
    ResponseEntity<?> contain(@PathVariable String id, @Valid @RequestBody SummaryRequest body, Caller caller) {
        return commands.send(id, caller, Fingerprint.of("contain " + id, body),
                now -> new ContainIncidentCommand(id, caller.expectedVersion(), body.summary(), caller.name(), now));
    }

    @Operation(summary = "Record the restore: CONTAINED to RESTORED", description = "Where the scenario has an RPO, names the backup used and its restore point, which must precede the suspected start of the damage.")
    @PostMapping("/restore")
    ResponseEntity<?> restore(@PathVariable String id, @Valid @RequestBody RestoreRequest body, Caller caller) {
        RestoreLinks.Linked linked;
        try {
            linked = body.restoreId() == null ? restores.manual(body.backupId(), body.restorePoint(), caller.name())
                    : restores.link(body.restoreId(), body.backupId(), body.restorePoint());
        } catch (RestoreLinks.MismatchException e) {
            throw new InvalidFieldException(e.field(), e.getMessage());
        }
        return commands.send(id, caller, Fingerprint.of("restore " + id, body),
                now -> new RestoreIncidentCommand(id, caller.expectedVersion(), linked.backupId(), linked.restorePoint(),
                        body.summary(), linked.evidence(), linked.proofs(), caller.name(), now));
    }

    @Operation(summary = "Record the validation: RESTORED to VALIDATED, or a failed validation", description = "A failed validation (passed false) is recorded and keeps the incident RESTORED.")
    @PostMapping("/validate")
    ResponseEntity<?> validate(@PathVariable String id, @Valid @RequestBody ValidateRequest body, Caller caller) {
        return commands.send(id, caller, Fingerprint.of("validate " + id, body),
                now -> new ValidateIncidentCommand(id, caller.expectedVersion(), body.passed(), body.summary(), caller.name(), now));
    }

    @Operation(summary = "Close the incident: VALIDATED to CLOSED", description = "Needs the COMMUNICATION and POST_RECOVERY phases complete. Nothing changes after CLOSED.")
    @PostMapping("/close")
    ResponseEntity<?> close(@PathVariable String id, @Valid @RequestBody SummaryRequest body, Caller caller) {
        return commands.send(id, caller, Fingerprint.of("close " + id, body),
                now -> new CloseIncidentCommand(id, caller.expectedVersion(), body.summary(), caller.name(), now));
    }

    @Operation(summary = "Cancel a false alarm: DECLARED, ASSESSED or CONTAINED to CANCELLED", description = "Needs a reason. Nothing changes after CANCELLED.")
    @PostMapping("/cancel")
    ResponseEntity<?> cancel(@PathVariable String id, @Valid @RequestBody ReasonRequest body, Caller caller) {
        return commands.send(id, caller, Fingerprint.of("cancel " + id, body),
                now -> new CancelIncidentCommand(id, caller.expectedVersion(), body.reason(), caller.name(), now));
    }

    @Operation(summary = "Tick a checklist item, with an optional note")
    @PostMapping("/checklist/{item}/complete")
    ResponseEntity<?> complete(@PathVariable String id, @PathVariable String item,
            @Valid @RequestBody(required = false) ChecklistRequest body, Caller caller) {
        String note = body == null ? null : body.note();
        return commands.send(id, caller, Fingerprint.of("complete " + id + " " + item, note),
                now -> new CompleteChecklistItemCommand(id, caller.expectedVersion(), item, note, caller.name(), now));
    }

    @Operation(summary = "Waive a checklist item, with a reason", description = "Only the person who holds the incident's DR_LEAD role may waive.")
    @PostMapping("/checklist/{item}/waive")
    ResponseEntity<?> waive(@PathVariable String id, @PathVariable String item, @Valid @RequestBody ReasonRequest body,
            Caller caller) {
        return commands.send(id, caller, Fingerprint.of("waive " + id + " " + item, body),
                now -> new WaiveChecklistItemCommand(id, caller.expectedVersion(), item, body.reason(), caller.name(), now));
    }

    @Operation(summary = "Assign one of the incident's roles to a person")
    @PutMapping("/roles/{role}")
    ResponseEntity<?> assign(@PathVariable String id, @PathVariable IncidentRole role, @Valid @RequestBody RoleRequest body,
            Caller caller) {
        return commands.send(id, caller, Fingerprint.of("assign " + id + " " + role, body),
                now -> new AssignRoleCommand(id, caller.expectedVersion(), role, body.person(), caller.name(), now));
    }

    @Operation(summary = "Add a note, or a status update for the communication plan")
    @PostMapping("/notes")
    ResponseEntity<?> note(@PathVariable String id, @Valid @RequestBody NoteRequest body, Caller caller) {
        return commands.send(id, caller, Fingerprint.of("note " + id, body),
                now -> new AddNoteCommand(id, caller.expectedVersion(), body.text(), body.statusUpdate(), caller.name(), now));
    }

    @Operation(summary = "Change the incident's severity, with a reason")
    @PostMapping("/severity")
    ResponseEntity<?> severity(@PathVariable String id, @Valid @RequestBody SeverityRequest body, Caller caller) {
        return commands.send(id, caller, Fingerprint.of("severity " + id, body),
                now -> new ChangeSeverityCommand(id, caller.expectedVersion(), body.severity(), body.reason(), caller.name(),
                        now));
    }
}
