package org.drcc.notification.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.drcc.contract.notification.StatusSubscribedEvent;
import org.drcc.contract.notification.StatusSubscriptionConfirmedEvent;
import org.drcc.contract.notification.StatusSubscriptionExpiredEvent;
import org.drcc.contract.notification.StatusUnsubscribedEvent;

/**
 * One subscription to the public status page: pending until confirmed (an e-mail's link; a webhook's 2xx), then
 * told of every public update until unsubscribed; a pending one expires at its deadline. Each step happens once:
 * confirming, unsubscribing or expiring again changes nothing and says so ({@link Outcome}).
 */
@Aggregate
public class StatusSubscription {

    /** Whether a command changed the subscription, or found it already so (or past it). */
    public enum Outcome { DONE, ALREADY, ENDED }

    /** The incident id of every subscription event: they belong to the page, not to an incident. */
    public static final String PAGE = "status-page";

    @AggregateIdentifier
    private String subscriptionId;
    private String channel;
    private boolean confirmed;
    private boolean ended;

    protected StatusSubscription() {
    }

    @CommandHandler
    public StatusSubscription(SubscribeToStatusCommand c) {
        apply(new StatusSubscribedEvent(c.subscriptionId(), PAGE, c.channel(), c.email(), c.confirmBy(), c.at()));
    }

    @CommandHandler
    Outcome handle(ConfirmStatusSubscriptionCommand c) {
        if (ended) {
            return Outcome.ENDED;
        }
        if (confirmed) {
            return Outcome.ALREADY;
        }
        apply(new StatusSubscriptionConfirmedEvent(subscriptionId, PAGE, channel, c.at()));
        return Outcome.DONE;
    }

    @CommandHandler
    Outcome handle(UnsubscribeFromStatusCommand c) {
        if (ended) {
            return Outcome.ALREADY;
        }
        apply(new StatusUnsubscribedEvent(subscriptionId, PAGE, channel, c.at()));
        return Outcome.DONE;
    }

    /** Only a subscription still unconfirmed expires; the caller found it past its deadline. */
    @CommandHandler
    Outcome handle(ExpireStatusSubscriptionCommand c) {
        if (ended || confirmed) {
            return Outcome.ALREADY;
        }
        apply(new StatusSubscriptionExpiredEvent(subscriptionId, PAGE, channel, c.at()));
        return Outcome.DONE;
    }

    @EventSourcingHandler
    void on(StatusSubscribedEvent e) {
        subscriptionId = e.notificationId();
        channel = e.channel();
    }

    @EventSourcingHandler
    void on(StatusSubscriptionConfirmedEvent e) {
        confirmed = true;
    }

    @EventSourcingHandler
    void on(StatusUnsubscribedEvent e) {
        ended = true;
    }

    @EventSourcingHandler
    void on(StatusSubscriptionExpiredEvent e) {
        ended = true;
    }
}
