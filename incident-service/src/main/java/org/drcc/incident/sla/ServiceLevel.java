package org.drcc.incident.sla;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.drcc.contract.plan.SlaStatedEvent;

/**
 * The SLA the plan states, one aggregate ({@link SlaStatedEvent#SUBJECT}): each start states the plan file's SLA, and
 * only a change is recorded, so a restart (or a second instance) adds nothing and metrics-service always has the SLA
 * of the plan in force.
 */
@Aggregate
public class ServiceLevel {

    /** Who states it: the plan file read by incident-service, not a person. */
    static final String PLAN = "incident-service";

    @AggregateIdentifier
    private String id;
    private BigDecimal availability;
    private Duration maxDowntime;

    protected ServiceLevel() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(StateSlaCommand c) {
        // compareTo, not equals: 99.999 and 99.9990 are one SLA
        if (availability != null && availability.compareTo(c.availability()) == 0
                && Objects.equals(maxDowntime, c.maxDowntime())) {
            return;
        }
        apply(new SlaStatedEvent(c.availability(), c.maxDowntime(), PLAN, c.requestedAt()));
    }

    @EventSourcingHandler
    void on(SlaStatedEvent e) {
        id = SlaStatedEvent.SUBJECT;
        availability = e.availability();
        maxDowntime = e.maxDowntime();
    }
}
