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
import org.drcc.kit.rules.RuleRefusedException;

/**
 * One message to one contact: scheduled once, claimed before each attempt, sent at most once, retried
 * with backoff, then failed. The channel itself is called outside, by the dispatcher, between a
 * claim and its recorded outcome.
 */
@Aggregate(repository = "notificationRepository")
public class Notification {

    /** The channel that only writes a log line (an audience without contacts): it reaches no person. */
    static final String LOG_CHANNEL = "log";

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

    /** The aggregate's own guard against a second schedule; the service itself schedules through {@link OwedMessages}. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ScheduleNotificationCommand c) {
        if (state != null) {
            return; // the same source event for the same contact again: it is owed once, never twice
        }
        schedule(c);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(CreateNotificationCommand c) {
        schedule(c.schedule());
    }

    private void schedule(ScheduleNotificationCommand c) {
        Envelope e = c.envelope();
        apply(new NotificationScheduledEvent(c.notificationId(), c.incidentId(), c.sourceEventId(), c.kind(),
                c.tier(), e.audience(), e.contact(), e.channel(), e.subject(), e.body(), c.dueAt(), c.at()));
    }

    /**
     * Claims the next attempt, from a state that says "not yet sent" only; the claim (SENDING) is
     * committed before the channel is called, so a second claim, in this process or after a
     * restart, finds SENDING and gets nothing.
     */
    @CommandHandler
    Claim handle(StartDeliveryCommand c) {
        if (!state.notYetSent() || (nextAttemptAt != null && c.at().isBefore(nextAttemptAt))) {
            return null;
        }
        apply(new DeliveryAttemptStartedEvent(notificationId, incidentId, attempts + 1, c.at()));
        return new Claim(envelope, attempts);
    }

    @CommandHandler
    void handle(RecordDeliveryCommand c, RetryPolicy retry) {
        if (state != DeliveryState.SENDING || c.attempt() != attempts) {
            return; // not the attempt in flight: a late or repeated report changes nothing
        }
        if (c.cause() == null) {
            apply(new NotificationSentEvent(notificationId, incidentId, envelope.channel(), attempts, c.at()));
            if (dueAt != null && !deadlineDecided) {
                // the log channel tells nobody: the deadline of a message that reached no person is not met
                apply(c.at().isAfter(dueAt) || LOG_CHANNEL.equals(envelope.channel())
                        ? new NotificationDeadlineBreachedEvent(notificationId, incidentId, tier, dueAt, c.at())
                        : new NotificationDeadlineMetEvent(notificationId, incidentId, tier, dueAt, c.at()));
            }
        } else if (c.hopeless()) {
            apply(new NotificationFailedEvent(notificationId, incidentId, envelope.channel(), attempts, c.cause(), c.at()));
            breachIfOwed(c.at());
        } else {
            refused(c.cause(), retry, c.at());
        }
    }

    /**
     * The outcome of an interrupted attempt is unknown: the channel may have the message. Channels
     * that fold repeats into one alert (PagerDuty's dedup key, Opsgenie's alias) are tried again;
     * any other is given up rather than risk telling someone twice.
     */
    @CommandHandler
    void handle(ResolveInterruptedDeliveryCommand c, RetryPolicy retry) {
        if (state != DeliveryState.SENDING) {
            return;
        }
        if (RepeatSafeChannels.contains(envelope.channel())) {
            refused("interrupted while sending; repeated, the channel deduplicates", retry, c.at());
        } else {
            apply(new NotificationFailedEvent(notificationId, incidentId, envelope.channel(), attempts,
                    "interrupted while sending: it may have arrived, so it is not sent again", c.at()));
            breachIfOwed(c.at());
        }
    }

    private void refused(String cause, RetryPolicy retry, Instant at) {
        if (retry.exhausted(attempts)) {
            apply(new NotificationFailedEvent(notificationId, incidentId, envelope.channel(), attempts, cause, at));
            breachIfOwed(at);
        } else {
            apply(new NotificationRetryScheduledEvent(notificationId, incidentId, envelope.channel(), attempts, cause,
                    at.plus(retry.backoffAfter(attempts)), at));
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
            throw new RuleRefusedException("notification", "notification " + notificationId + " is " + state
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
    void on(DeliveryAttemptStartedEvent e) {
        state = DeliveryState.SENDING;
        attempts = e.attempt();
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
