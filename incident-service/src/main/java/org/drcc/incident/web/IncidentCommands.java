package org.drcc.incident.web;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.drcc.incident.query.IncidentHistory;
import org.drcc.incident.query.IncidentView;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Sends one command to an incident and answers with its new state, once per Idempotency-Key. */
@Component
class IncidentCommands {

    /** Tries of a change that met another change to the same incident at the same moment. */
    private static final int ATTEMPTS = 3;

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

    /**
     * The command is built from the request time, taken only when it runs, not when a retry is answered.
     *
     * <p>Tried again, whole, when another change to the incident was stored at the same moment (Axon's
     * {@link ConcurrencyException}: the incident's next event number was taken). With an {@code Idempotency-Key} the
     * command's events commit only with the key's transaction, after Axon has let go of the incident, so a second
     * change can load it before the first commits and find its number taken when it appends; nothing of the failed
     * try is left (its transaction, the key's claim included, rolled back), and the next one sees the first change
     * (an {@code If-Match} it no longer meets is then refused with 412).
     */
    ResponseEntity<?> send(String incidentId, Caller caller, String fingerprint, Function<Instant, Object> command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return idempotency.once(caller.name(), caller.idempotencyKey(), fingerprint, () -> {
                    gateway.sendAndWait(command.apply(clock.instant()));
                    IncidentView view = history.current(incidentId);
                    return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view);
                });
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !concurrent(e)) {
                    throw e;
                }
            }
        }
    }

    /** Whether the failure is another change's stored at the same moment (Axon may wrap it). */
    private static boolean concurrent(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
