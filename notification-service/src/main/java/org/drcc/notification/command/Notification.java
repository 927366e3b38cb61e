package org.drcc.notification.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.drcc.contract.notification.NotificationAcknowledgedEvent;
import org.drcc.contract.notification.NotificationDeadlineBreachedEvent;
import org.drcc.contract.notification.NotificationDeadlineMetEvent;
import org.drcc.contract.notification.NotificationFailedEvent;
import org.drcc.contract.notification.NotificationRetryScheduledEvent;
import org.drcc.contract.notification.NotificationScheduledEvent;
import org.drcc.contract.notification.NotificationSentEvent;

/** One message to one contact: scheduled once, sent at most once, retried with backoff, then failed. */
@Aggregate
public class Notification {

    @AggregateIdentifier
    private String notificationId;
    private String incidentId;
    private Envelope envelope;
    private String tier;
    private Instant dueAt;
    private DeliveryState state;
    private int attempts;
    private Instant nextAttemptAt;
    private boolean deadlineDecided;
    private boolean acknowledged;

    protected Notification() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ScheduleNotificationCommand c) {
        if (state != null) {
            return; // the same source event for the same contact again: it is owed once, never twice
        }
        Envelope e = c.envelope();
        apply(new NotificationScheduledEvent(c.notificationId(), c.incidentId(), c.sourceEventId(), c.kind(),
                c.tier(), e.audience(), e.contact(), e.channel(), e.subject(), e.body(), c.dueAt(), c.at()));
    }

    /** The courier is called only from a state that says "not yet sent", under the aggregate's lock. */
    @CommandHandler
    void handle(DeliverNotificationCommand c, Courier courier, RetryPolicy retry) {
        if (!state.notYetSent() || (nextAttemptAt != null && c.at().isBefore(nextAttemptAt))) {
            return;
        }
        int attempt = attempts + 1;
        try {
            courier.deliver(envelope);
        } catch (RuntimeException e) {
            String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (retry.exhausted(attempt)) {
                apply(new NotificationFailedEvent(notificationId, incidentId, envelope.channel(), attempt, cause,
                        c.at()));
                breachIfOwed(c.at());
            } else {
                apply(new NotificationRetryScheduledEvent(notificationId, incidentId, envelope.channel(), attempt,
                        cause, c.at().plus(retry.backoffAfter(attempt)), c.at()));
            }
            return;
        }
        apply(new NotificationSentEvent(notificationId, incidentId, envelope.channel(), attempt, c.at()));
        if (dueAt != null && !deadlineDecided) {
            apply(c.at().isAfter(dueAt)
                    ? new NotificationDeadlineBreachedEvent(notificationId, incidentId, tier, dueAt, c.at())
                    : new NotificationDeadlineMetEvent(notificationId, incidentId, tier, dueAt, c.at()));
        }
    }

    @CommandHandler
    void handle(CheckDeadlineCommand c) {
        if (state != DeliveryState.SENT && c.at().isAfter(dueAt == null ? Instant.MAX : dueAt)) {
            breachIfOwed(c.at());
        }
    }

    @CommandHandler
    void handle(AcknowledgeNotificationCommand c) {
        if (state != DeliveryState.SENT) {
            throw new NotificationRuleException("notification " + notificationId + " is " + state
                    + ": only a sent message can be acknowledged");
        }
        if (!acknowledged) {
            apply(new NotificationAcknowledgedEvent(notificationId, incidentId, c.actor(), c.at()));
        }
    }

    private void breachIfOwed(Instant at) {
        if (dueAt != null && !deadlineDecided) {
            apply(new NotificationDeadlineBreachedEvent(notificationId, incidentId, tier, dueAt, at));
        }
    }

    @EventSourcingHandler
    void on(NotificationScheduledEvent e) {
        notificationId = e.notificationId();
        incidentId = e.incidentId();
        envelope = new Envelope(e.incidentId(), e.audience(), e.contact(), e.channel(), e.subject(), e.body());
        tier = e.tier();
        dueAt = e.dueAt();
        state = DeliveryState.SCHEDULED;
    }

    @EventSourcingHandler
    void on(NotificationSentEvent e) {
        state = DeliveryState.SENT;
        attempts = e.attempt();
    }

    @EventSourcingHandler
    void on(NotificationRetryScheduledEvent e) {
        state = DeliveryState.RETRYING;
        attempts = e.attempt();
        nextAttemptAt = e.nextAttemptAt();
    }

    @EventSourcingHandler
    void on(NotificationFailedEvent e) {
        state = DeliveryState.FAILED;
        attempts = e.attempts();
    }

    @EventSourcingHandler
    void on(NotificationDeadlineMetEvent e) {
        deadlineDecided = true;
    }

    @EventSourcingHandler
    void on(NotificationDeadlineBreachedEvent e) {
        deadlineDecided = true;
    }

    @EventSourcingHandler
    void on(NotificationAcknowledgedEvent e) {
        acknowledged = true;
    }
}
