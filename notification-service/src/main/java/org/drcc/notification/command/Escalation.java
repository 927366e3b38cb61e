package org.drcc.notification.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.drcc.contract.notification.NotificationEscalatedEvent;

/** One declaration's escalation: it happens at most once, however often the dispatcher asks. */
@Aggregate
public class Escalation {

    @AggregateIdentifier
    private String escalationId;

    protected Escalation() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(EscalateCommand c) {
        if (escalationId == null) {
            apply(new NotificationEscalatedEvent(c.escalationId(), c.incidentId(), c.sourceEventId(), c.tier(),
                    c.after(), c.at()));
        }
    }

    @EventSourcingHandler
    void on(NotificationEscalatedEvent e) {
        escalationId = e.notificationId();
    }
}
