package org.drcc.incident.web;

import jakarta.validation.Valid;
import java.security.Principal;
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
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every change to an incident: phase changes, checklist, roles, notes, severity. Each answers with the
 * incident's new state and ETag; {@code If-Match} refuses a change to a version the caller has not seen
 * (412), {@code Idempotency-Key} makes a retry safe. The actor is the caller named by the bearer token, never the request.
 */
@RestController
@RequestMapping("/api/incidents/{id}")
class IncidentLifecycleController {

    private static final String IF_MATCH = "If-Match";
    private static final String KEY = "Idempotency-Key";

    private final IncidentCommands commands;

    IncidentLifecycleController(IncidentCommands commands) {
        this.commands = commands;
    }

    @PostMapping("/assess")
    ResponseEntity<?> assess(@PathVariable String id, @Valid @RequestBody SummaryRequest body, Principal caller,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch, @RequestHeader(value = KEY, required = false) String key) {
        return commands.send(id, ifMatch, key, Fingerprint.of("assess " + id, body),
                c -> new AssessIncidentCommand(id, c.expectedVersion(), body.summary(), caller.getName(), c.now()));
    }

    @PostMapping("/contain")
    ResponseEntity<?> contain(@PathVariable String id, @Valid @RequestBody SummaryRequest body, Principal caller,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch, @RequestHeader(value = KEY, required = false) String key) {
        return commands.send(id, ifMatch, key, Fingerprint.of("contain " + id, body),
                c -> new ContainIncidentCommand(id, c.expectedVersion(), body.summary(), caller.getName(), c.now()));
    }

    @PostMapping("/restore")
    ResponseEntity<?> restore(@PathVariable String id, @Valid @RequestBody RestoreRequest body, Principal caller,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch, @RequestHeader(value = KEY, required = false) String key) {
        return commands.send(id, ifMatch, key, Fingerprint.of("restore " + id, body),
                c -> new RestoreIncidentCommand(id, c.expectedVersion(), body.backupId(), body.restorePoint(),
                        body.summary(), caller.getName(), c.now()));
    }

    @PostMapping("/validate")
    ResponseEntity<?> validate(@PathVariable String id, @Valid @RequestBody ValidateRequest body, Principal caller,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch, @RequestHeader(value = KEY, required = false) String key) {
        return commands.send(id, ifMatch, key, Fingerprint.of("validate " + id, body),
                c -> new ValidateIncidentCommand(id, c.expectedVersion(), body.passed(), body.summary(), caller.getName(), c.now()));
    }

    @PostMapping("/close")
    ResponseEntity<?> close(@PathVariable String id, @Valid @RequestBody SummaryRequest body, Principal caller,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch, @RequestHeader(value = KEY, required = false) String key) {
        return commands.send(id, ifMatch, key, Fingerprint.of("close " + id, body),
                c -> new CloseIncidentCommand(id, c.expectedVersion(), body.summary(), caller.getName(), c.now()));
    }

    @PostMapping("/cancel")
    ResponseEntity<?> cancel(@PathVariable String id, @Valid @RequestBody ReasonRequest body, Principal caller,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch, @RequestHeader(value = KEY, required = false) String key) {
        return commands.send(id, ifMatch, key, Fingerprint.of("cancel " + id, body),
                c -> new CancelIncidentCommand(id, c.expectedVersion(), body.reason(), caller.getName(), c.now()));
    }

    @PostMapping("/checklist/{item}/complete")
    ResponseEntity<?> complete(@PathVariable String id, @PathVariable String item, @Valid @RequestBody(required = false) ChecklistRequest body,
            Principal caller, @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @RequestHeader(value = KEY, required = false) String key) {
        String note = body == null ? null : body.note();
        return commands.send(id, ifMatch, key, Fingerprint.of("complete " + id + " " + item, note),
                c -> new CompleteChecklistItemCommand(id, c.expectedVersion(), item, note, caller.getName(), c.now()));
    }

    @PostMapping("/checklist/{item}/waive")
    ResponseEntity<?> waive(@PathVariable String id, @PathVariable String item, @Valid @RequestBody ReasonRequest body,
            Principal caller, @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @RequestHeader(value = KEY, required = false) String key) {
        return commands.send(id, ifMatch, key, Fingerprint.of("waive " + id + " " + item, body),
                c -> new WaiveChecklistItemCommand(id, c.expectedVersion(), item, body.reason(), caller.getName(), c.now()));
    }

    @PutMapping("/roles/{role}")
    ResponseEntity<?> assign(@PathVariable String id, @PathVariable IncidentRole role, @Valid @RequestBody RoleRequest body,
            Principal caller, @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @RequestHeader(value = KEY, required = false) String key) {
        return commands.send(id, ifMatch, key, Fingerprint.of("assign " + id + " " + role, body),
                c -> new AssignRoleCommand(id, c.expectedVersion(), role, body.person(), caller.getName(), c.now()));
    }

    @PostMapping("/notes")
    ResponseEntity<?> note(@PathVariable String id, @Valid @RequestBody NoteRequest body, Principal caller,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch, @RequestHeader(value = KEY, required = false) String key) {
        return commands.send(id, ifMatch, key, Fingerprint.of("note " + id, body),
                c -> new AddNoteCommand(id, c.expectedVersion(), body.text(), body.statusUpdate(), caller.getName(), c.now()));
    }

    @PostMapping("/severity")
    ResponseEntity<?> severity(@PathVariable String id, @Valid @RequestBody SeverityRequest body, Principal caller,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch, @RequestHeader(value = KEY, required = false) String key) {
        return commands.send(id, ifMatch, key, Fingerprint.of("severity " + id, body),
                c -> new ChangeSeverityCommand(id, c.expectedVersion(), body.severity(), body.reason(), caller.getName(), c.now()));
    }
}
