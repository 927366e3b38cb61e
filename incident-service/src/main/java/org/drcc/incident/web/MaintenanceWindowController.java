package org.drcc.incident.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.incident.maintenance.ScheduleMaintenanceWindowCommand;
import org.drcc.kit.idempotency.Fingerprint;
import org.drcc.kit.idempotency.IdempotencyKeys;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "maintenance", description = "Planned maintenance windows, which the SLA excludes")
@RestController
@RequestMapping("/api/maintenance-windows")
class MaintenanceWindowController {

    private final CommandGateway commands;
    private final IdempotencyKeys idempotency;
    private final Clock clock;

    MaintenanceWindowController(CommandGateway commands, IdempotencyKeys idempotency, Clock clock) {
        this.commands = commands;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Operation(summary = "Schedule a planned maintenance window",
            description = "Recorded as dr.plan.maintenance-window-scheduled.v1; metrics-service leaves the window out of "
                    + "the SLA (from the time measured and from the downtime). It must start in the future and last at "
                    + "most 12 hours. With an Idempotency-Key, a retry gets the first answer.")
    @ApiResponse(responseCode = "201", description = "Scheduled")
    @ApiResponse(responseCode = "400", description = "A field missing, or endsAt not after startsAt",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "Refused by the plan: it starts in the past, or is too long",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping
    ResponseEntity<?> schedule(@Valid @RequestBody MaintenanceWindowRequest request, Principal caller,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        if (!request.endsAt().isAfter(request.startsAt())) {
            throw new InvalidFieldException("endsAt", "must be after startsAt (" + request.startsAt() + ")");
        }
        return idempotency.once(caller.getName(), idempotencyKey, Fingerprint.of("maintenance", request), () -> {
            String id = UUID.randomUUID().toString();
            Instant now = clock.instant();
            commands.sendAndWait(new ScheduleMaintenanceWindowCommand(id, request.startsAt(), request.endsAt(),
                    request.reason(), caller.getName(), now));
            return ResponseEntity.created(URI.create("/api/maintenance-windows/" + id)).body(new MaintenanceWindowView(
                    id, request.startsAt(), request.endsAt(), request.reason().strip(), caller.getName(), now));
        });
    }
}
