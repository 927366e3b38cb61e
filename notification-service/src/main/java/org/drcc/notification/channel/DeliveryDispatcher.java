package org.drcc.notification.channel;

import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.notification.command.CheckDeadlineCommand;
import org.drcc.notification.command.DeliverNotificationCommand;
import org.drcc.notification.command.EscalateCommand;
import org.drcc.notification.config.CommunicationPlan;
import org.drcc.notification.query.Deliveries;
import org.drcc.notification.query.Unacknowledged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Pulls the messages that are due and asks each aggregate to deliver itself; records breached
 * deadlines; escalates declarations nobody acknowledged in time. The aggregate, not
 * this loop, decides whether a message may still be sent, so a stale read here cannot send twice.
 * Each notification is its own command: one channel that hangs or fails holds up no other aggregate
 * beyond its timeout, and never changes another's outcome.
 */
@Component
class DeliveryDispatcher {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final int BATCH = 100;

    private final Deliveries deliveries;
    private final CommandGateway commands;
    private final Clock clock;
    private final CommunicationPlan plan;

    DeliveryDispatcher(Deliveries deliveries, CommandGateway commands, Clock clock, CommunicationPlan plan) {
        this.plan = plan;
        this.deliveries = deliveries;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${dr.notification.poll-interval:PT1S}")
    void deliverDue() {
        for (String id : deliveries.dueForDelivery(clock.instant(), BATCH)) {
            send(new DeliverNotificationCommand(id, clock.instant()));
        }
        for (String id : deliveries.pastDeadline(clock.instant(), BATCH)) {
            send(new CheckDeadlineCommand(id, clock.instant()));
        }
        CommunicationPlan.Escalation escalation = plan.escalation();
        if (escalation != null) {
            for (Unacknowledged u : deliveries.unacknowledged(escalation.tier(),
                    clock.instant().minus(escalation.after()), BATCH)) {
                send(new EscalateCommand(EscalateCommand.idOf(u.sourceEventId(), escalation.tier()), u.incidentId(),
                        u.sourceEventId(), escalation.tier(), escalation.after(), clock.instant()));
            }
        }
    }

    private void send(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            log.warn("{} failed; tried again on the next round", command, e);
        }
    }
}
