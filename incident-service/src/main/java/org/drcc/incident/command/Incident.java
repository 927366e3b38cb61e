package org.drcc.incident.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.IncidentStatus;

/** A DR incident, moved through the plan's phases; its events are the audit trail. */
@Aggregate
public class Incident {

    @AggregateIdentifier
    private String incidentId;
    private IncidentStatus status;

    protected Incident() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Incident(DeclareIncidentCommand command) {
        if (command.title() == null || command.title().isBlank()) {
            throw new IncidentRuleException("an incident needs a title");
        }
        if (command.detectedAt().isAfter(command.requestedAt())) {
            throw new IncidentRuleException("detectedAt " + command.detectedAt() + " is in the future");
        }
        if (command.suspectedDamageStart() != null && command.suspectedDamageStart().isAfter(command.detectedAt())) {
            throw new IncidentRuleException("suspectedDamageStart " + command.suspectedDamageStart()
                    + " is after detectedAt " + command.detectedAt() + ": damage starts before it is detected");
        }
        apply(new IncidentDeclaredEvent(command.incidentId(), command.scenarioId(), command.title().strip(),
                command.description(), command.severity(), command.rto(), command.rpo(), command.detectedAt(),
                command.suspectedDamageStart(), command.drill(), command.actor(), command.requestedAt()));
    }

    @EventSourcingHandler
    void on(IncidentDeclaredEvent event) {
        incidentId = event.incidentId();
        status = IncidentStatus.DECLARED;
    }
}
