package org.drcc.incident.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.incident.command.DeclareIncidentCommand;
import org.drcc.kit.axon.CommittedEvents;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.drcc.contract.incident.IncidentStatus;
import org.drcc.contract.incident.Severity;
import java.util.Set;
import java.util.stream.Collectors;
import org.drcc.incident.query.CallerChecklist;
import org.drcc.incident.query.Duties;
import org.drcc.incident.query.IncidentFilter;
import org.drcc.incident.query.IncidentHistory;
import org.drcc.incident.query.IncidentSummary;
import org.drcc.incident.query.IncidentSummaryProjection;
import org.drcc.incident.query.Page;
import org.drcc.incident.query.IncidentView;
import org.drcc.incident.query.RecordedEvent;
import org.drcc.incident.plan.Plan;
import org.drcc.incident.plan.Scenario;
import org.drcc.kit.idempotency.Fingerprint;
import org.drcc.kit.idempotency.IdempotencyKeys;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "incidents", description = "Declare DR incidents, list them, read one as it is or was, and its events")
@RestController
@RequestMapping("/api/incidents")
class IncidentController {

    private final CommandGateway commands;
    private final IncidentHistory history;
    private final Plan plan;
    private final IdempotencyKeys idempotency;
    private final IncidentSummaryProjection summaries;
    private final Clock clock;

    IncidentController(CommandGateway commands, IncidentHistory history, Plan plan, IdempotencyKeys idempotency,
                       IncidentSummaryProjection summaries, Clock clock) {
        this.summaries = summaries;
        this.idempotency = idempotency;
        this.commands = commands;
        this.history = history;
        this.plan = plan;
        this.clock = clock;
    }

    @Operation(summary = "Declare a DR incident for a scenario of the plan", description = "Starts an incident in DECLARED with the scenario's severity, RTO and RPO and its checklist copied from the plan. The actor is the caller the token names. Answers 201 with Location and an ETag. With an Idempotency-Key, a retry of the same request gets the first answer.")
    @ApiResponse(responseCode = "201", description = "Declared: Location is the incident, ETag its version")
    @PostMapping
    ResponseEntity<?> declare(@Valid @RequestBody DeclareIncidentRequest request,
            Principal caller,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        return idempotency.once(caller.getName(), idempotencyKey, Fingerprint.of("declare", request),
                () -> declare(request, caller.getName()));
    }

    private ResponseEntity<IncidentView> declare(DeclareIncidentRequest request, String actor) {
        Scenario scenario = plan.find(request.scenario()).orElseThrow(() -> new InvalidFieldException(
                "scenario", "'" + request.scenario() + "' is not a scenario of the plan; GET /api/scenarios lists them"));
        Instant now = clock.instant();
        Instant detectedAt = request.detectedAt() == null ? now : request.detectedAt();
        if (request.suspectedDamageStart() != null && request.suspectedDamageStart().isAfter(detectedAt)) {
            throw new InvalidFieldException("suspectedDamageStart", "must not be after detectedAt (" + detectedAt + ")");
        }
        String id = UUID.randomUUID().toString();
        DeclareIncidentCommand declare = new DeclareIncidentCommand(id, scenario.id(), request.title(),
                request.description(), request.severity() == null ? scenario.severity() : request.severity(),
                scenario.rto(), scenario.rpo(), detectedAt, request.suspectedDamageStart(), request.drill(),
                plan.checklistFor(scenario), plan.windows(), actor, now);
        // the answer is folded from the events as the command applied them, not read back from the store
        IncidentView view = history.current(id, CommittedEvents.of(id, () -> commands.sendAndWait(declare)));
        return ResponseEntity.created(URI.create("/api/incidents/" + id)).eTag(etag(view)).body(view);
    }

    /** The incident list, newest first; the filters combine, the time range is on the declaration. */
    @Operation(summary = "List incidents, newest first", description = "Filters combine (status, open, scenario, severity, "
            + "declared in [from, to)); open=true keeps the incidents neither closed nor cancelled, open=false only those; "
            + "a page of at most 200, with the total to page on.")
    @GetMapping
    Page<IncidentSummary> list(@RequestParam(required = false) IncidentStatus status,
            @RequestParam(required = false) Boolean open,
            @RequestParam(required = false) String scenario, @RequestParam(required = false) Severity severity,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return summaries.find(new IncidentFilter(status == null ? null : status.name(), open, scenario,
                severity == null ? null : severity.name(), from, to), page, size);
    }

    @Operation(summary = "Read one incident: phase, allowed next steps, checklist, roles", description = "With asOf, the incident as it was at that instant, rebuilt from its events. The ETag is its version, for If-Match on a change.")
    @GetMapping("/{id}")
    ResponseEntity<IncidentView> get(@PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        IncidentView view = asOf == null ? history.current(id) : history.stateAsOf(id, asOf);
        return ResponseEntity.ok().eTag(etag(view)).body(view);
    }

    @Operation(summary = "The incident's checklist, the caller's own items first", description = "An item is the caller's "
            + "own when its owner role is one the incident gives them, or one their token carries and the incident gives "
            + "nobody. With mine=true, only their own items.")
    @GetMapping("/{id}/checklist")
    CallerChecklist checklist(@PathVariable String id, @RequestParam(defaultValue = "false") boolean mine,
                              Authentication caller) {
        Set<String> tokenRoles = caller.getAuthorities().stream()
                .map(a -> a.getAuthority().replaceFirst("^ROLE_", "")).collect(Collectors.toSet());
        return Duties.checklistFor(history.current(id), caller.getName(), tokenRoles, mine);
    }

    @Operation(summary = "The incident's events, oldest first", description = "Every stored event of the incident with its type, time and actor: its audit trail.")
    @GetMapping("/{id}/events")
    List<RecordedEvent> events(@PathVariable String id) {
        return history.events(id);
    }

    private static String etag(IncidentView view) {
        return "\"" + view.version() + "\"";
    }
}
