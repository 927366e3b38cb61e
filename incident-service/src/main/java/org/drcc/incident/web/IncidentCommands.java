package org.drcc.incident.web;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.incident.query.IncidentHistory;
import org.drcc.incident.query.IncidentView;
import org.drcc.kit.idempotency.IdempotencyKeys;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Sends one command to an incident and answers with its new state, once per Idempotency-Key. */
@Component
class IncidentCommands {

    private final CommandGateway gateway;
    private final IncidentHistory history;
    private final IdempotencyKeys idempotency;
    private final Clock clock;

    IncidentCommands(CommandGateway gateway, IncidentHistory history, IdempotencyKeys idempotency, Clock clock) {
        this.gateway = gateway;
        this.history = history;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** The command is built from the request time, taken only when it runs, not when a retry is answered. */
    ResponseEntity<?> send(String incidentId, Caller caller, String fingerprint, Function<Instant, Object> command) {
        return idempotency.once(caller.name(), caller.idempotencyKey(), fingerprint, () -> {
            gateway.sendAndWait(command.apply(clock.instant()));
            IncidentView view = history.current(incidentId);
            return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view);
        });
    }
}
