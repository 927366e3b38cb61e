package org.drcc.notification.channel;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.kit.web.EngineDown;
import org.drcc.notification.command.CheckDeadlineCommand;
import org.drcc.notification.command.Claim;
import org.drcc.notification.command.EscalateCommand;
import org.drcc.notification.command.RecordDeliveryCommand;
import org.drcc.notification.command.ResolveInterruptedDeliveryCommand;
import org.drcc.notification.command.StartDeliveryCommand;
import org.drcc.notification.plan.CommunicationPlan;
import org.drcc.notification.plan.PlanInForce;
import org.drcc.notification.query.Deliveries;
import org.drcc.notification.query.DueDelivery;
import org.drcc.notification.query.Unacknowledged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Pulls the messages that are due, claims each from its aggregate, sends it, records the outcome;
 * records breached deadlines; escalates declarations nobody acknowledged in time. The aggregate, not
 * this loop, decides whether a message may still be sent, so a stale read here cannot send twice.
 * Each message has its own claim and record commands: a channel that fails never changes another's outcome.
 * Messages are sent side by side, at most {@code dr.notification.senders-per-channel} (8) at a time on each
 * channel, each channel on threads of its own, so a slow or hung channel holds up only its own messages, for at
 * most their timeout. Each sender records the outcome of the message it sent in the transaction that claims its
 * next one (see {@link #claimAfter}). The status page's subscribers get at most {@code dr.status-page.subscriptions.per-round} (50)
 * messages a round, claimed after the plan's and sent on senders of their own ({@code subscriber-email},
 * {@code subscriber-webhook}), so a burst of them never takes the plan's deadlines' turn. A round ends when every
 * message it claimed has its outcome recorded. With several instances, one round runs at a time (a lease on the
 * database), so no instance takes another's claim for a cut-short one. Each round run to its end counts in
 * {@code dr.notification.dispatch.rounds}: a dispatcher that stopped running them tells no one of anything
 * ({@code DrNotificationDispatcherStalled} in {@code deploy/prometheus/operations-alerts.yml}).
 */
@Component
class DeliveryDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final int BATCH = 100;
    /** Due messages taken per round: enough for every channel's senders to stay busy through a round. */
    private static final int DUE_BATCH = 400;
    /** How long rounds that each claimed messages follow one another without the poll interval's pause. */
    private static final Duration BACK_TO_BACK = Duration.ofSeconds(30);
    /**
     * A send's outcome tried again while PostgreSQL is out of reach: waits from 0.1 s, doubling to at most 5 s, 18
     * tries, about a minute in all (a failover's length).
     */
    private final Retry outcomeTries = Retry.of("notification-outcome", RetryConfig.custom()
            .maxAttempts(18)
            .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(100), 2, Duration.ofSeconds(5)))
            .retryOnException(DeliveryDispatcher::databaseAway)
            .build());

    private final Deliveries deliveries;
    private final CommandGateway commands;
    private final Clock clock;
    private final PlanInForce plan;
    private final ChannelCourier courier;
    private final DispatchLease lease;
    private final ChannelSenders senders;
    private final TransactionOperations transactions;
    private final int subscribersPerRound;
    private final Counter rounds;

    DeliveryDispatcher(Deliveries deliveries, CommandGateway commands, Clock clock, PlanInForce plan,
                       ChannelCourier courier, DispatchLease lease, DeliverySettings settings, MeterRegistry meters,
                       TransactionOperations transactions,
                       @Value("${dr.status-page.subscriptions.per-round:50}") int subscribersPerRound) {
        outcomeTries.getEventPublisher().onRetry(event -> log.warn("A send's outcome could not be recorded ({}); "
                + "try {} in {} ms", event.getLastThrowable().toString(), event.getNumberOfRetryAttempts() + 1,
                event.getWaitInterval().toMillis()));
        this.rounds = Counter.builder("dr.notification.dispatch.rounds")
                .description("Dispatcher rounds this instance ran to their end (with several, one at a time runs them)")
                .register(meters);
        this.subscribersPerRound = subscribersPerRound;
        this.lease = lease;
        this.senders = new ChannelSenders(settings.sendersPerChannel());
        this.transactions = transactions;
        this.deliveries = deliveries;
        this.commands = commands;
        this.clock = clock;
        this.plan = plan;
        this.courier = courier;
    }

    /**
     * A round, unless another instance is in one (see {@link DispatchLease}). A round that claimed messages of the
     * plan is followed at once by the next, for up to {@link #BACK_TO_BACK}: in a burst the senders would otherwise
     * stand idle for the poll interval after each batch, and a burst is still being scheduled while its first
     * messages go (measured in {@code docs/benchmarks.md}). A round that claimed none (nothing due, or nothing that
     * could be claimed: the next round would only find the same) ends it, and so does a stop (the thread
     * interrupted): the pause comes then. The service's other scheduled jobs run on threads of their own meanwhile
     * ({@code spring.task.scheduling.pool.size}).
     */
    @Scheduled(fixedDelayString = "${dr.notification.poll-interval:PT1S}")
    void deliverDue() {
        lease.runAlone(() -> {
            long until = System.nanoTime() + BACK_TO_BACK.toNanos();
            while (round() && !Thread.currentThread().isInterrupted() && System.nanoTime() < until) {
                log.debug("messages were claimed: the next round follows at once");
            }
        });
    }

    /** One round; true if it claimed messages of the plan (more may be due by now). */
    private boolean round() {
        for (String id : deliveries.interrupted(BATCH)) {
            send(new ResolveInterruptedDeliveryCommand(id, clock.instant()));
        }
        List<Future<?>> sending = new ArrayList<>();
        AtomicInteger claimed = new AtomicInteger();
        sendInTurns(deliveries.dueForDelivery(clock.instant(), DUE_BATCH), claimed, sending);
        // the status page's subscribers: a bounded share of each round, after the plan's messages, on their own senders
        sendInTurns(deliveries.dueForSubscribers(clock.instant(), subscribersPerRound), new AtomicInteger(), sending);
        senders.awaitAll(sending);
        if (Thread.currentThread().isInterrupted()) {
            return false; // stopping: the sends still under way record their own outcomes; no new round
        }
        for (String id : deliveries.pastDeadline(clock.instant(), BATCH)) {
            send(new CheckDeadlineCommand(id, clock.instant()));
        }
        CommunicationPlan.Escalation escalation = plan.get().escalation();
        if (escalation != null) {
            for (Unacknowledged u : deliveries.unacknowledged(escalation.tier(),
                    clock.instant().minus(escalation.after()), BATCH)) {
                send(new EscalateCommand(EscalateCommand.idOf(u.sourceEventId(), escalation.tier()), u.incidentId(),
                        u.sourceEventId(), escalation.tier(), escalation.after(), clock.instant()));
            }
        }
        rounds.increment();
        return claimed.get() > 0;
    }

    /**
     * The due messages of each channel, taken in their order by as many of the channel's senders as it has (each
     * sender one message at a time, see {@link #sendEach}); counts in {@code claimed} each message claimed.
     */
    private void sendInTurns(List<DueDelivery> due, AtomicInteger claimed, List<Future<?>> sending) {
        Map<String, Queue<String>> byChannel = new LinkedHashMap<>();
        for (DueDelivery d : due) {
            byChannel.computeIfAbsent(d.channel(), c -> new ConcurrentLinkedQueue<>()).add(d.notificationId());
        }
        byChannel.forEach((channel, ids) -> {
            for (int i = Math.min(ids.size(), senders.perChannel()); i > 0; i--) {
                sending.add(senders.submit(channel, () -> sendEach(ids, claimed)));
            }
        });
    }

    /**
     * One sender's share of a channel's messages: claim, send, record, each message in turn, so the claim is stored
     * before the channel is called and the channel call holds no database transaction. If the process stops between
     * a claim and its record, the next round finds the message SENDING and resolves it without a blind resend. A
     * message's outcome is recorded together with the claim of the sender's next one ({@link #claimAfter}); the last
     * one's on its own. A stop (the sender interrupted) takes no further message.
     */
    private void sendEach(Queue<String> ids, AtomicInteger claimed) {
        RecordDeliveryCommand outcome = null;
        String id;
        while (!Thread.currentThread().isInterrupted() && (id = ids.poll()) != null) {
            Claim claim = claimAfter(outcome, new StartDeliveryCommand(id, clock.instant()));
            outcome = null;
            if (claim != null) {
                claimed.incrementAndGet();
                outcome = sent(id, claim);
            }
        }
        if (outcome != null) {
            record(outcome);
        }
    }

    /** Calls the channel; the outcome to record. */
    private RecordDeliveryCommand sent(String id, Claim claim) {
        String cause = null;
        boolean hopeless = false;
        try {
            courier.deliver(id, claim.envelope());
        } catch (RuntimeException e) {
            cause = FailureCause.of(claim.envelope().channel(), e);
            hopeless = FailureCause.hopeless(e);
        }
        return new RecordDeliveryCommand(id, claim.attempt(), cause, clock.instant(), hopeless);
    }

    /**
     * Records the sender's last outcome, if any, and claims its next message, in one transaction: a message then
     * costs one commit for its claim and record instead of two (kept for the commit it saves: the gain in sends a
     * second is smaller than what {@code docs/benchmarks.md} can resolve on its machine), and each sender still holds
     * at most one claim without an outcome, so a crash cuts short no more messages than before. Both commands join
     * the transaction (Axon's units of work join Spring's); if either fails, neither is stored (the repository drops
     * what it cached for them), and each is tried on its own: the outcome as {@link #record} tries it, then the
     * claim, unless the service is stopping. Returns the claim, or null if the message was not claimed.
     */
    private Claim claimAfter(RecordDeliveryCommand outcome, StartDeliveryCommand next) {
        if (outcome == null) {
            return send(next);
        }
        try {
            return transactions.execute(status -> {
                commands.sendAndWait(outcome);
                return commands.<Claim>sendAndWait(next);
            });
        } catch (RuntimeException e) {
            log.warn("{} with the claim of {} failed ({}); each is tried on its own", outcome, next.notificationId(),
                    e.toString());
            record(outcome);
            return Thread.currentThread().isInterrupted() ? null : send(next); // stopping: it stays due
        }
    }

    /**
     * The outcome of a send, recorded, and tried again ({@link #outcomeTries}) while PostgreSQL is out of reach (a lost
     * connection, a server restarting, a failover, the pool empty): only this thread knows the outcome. Left
     * unrecorded, the next round finds the message still SENDING and must resolve it as cut short (failed, and on most
     * channels not sent again) although it was sent, its deadline breached. Any other failure is not tried again: it
     * would come again, and each try holds a sender and the round. A repeat is harmless: the aggregate ignores a report
     * of an attempt no longer in flight, so a try that did commit before its answer was lost changes nothing the second
     * time, nor does one after another instance resolved the attempt (with several instances the dispatch lease goes
     * with the lost session, so another instance may do so first). A stop ends the tries.
     */
    private void record(RecordDeliveryCommand outcome) {
        try {
            outcomeTries.executeSupplier(() -> commands.sendAndWait(outcome));
        } catch (RuntimeException e) {
            log.error("{} could not be recorded; the next round resolves the attempt as cut short", outcome, e);
        }
    }

    /**
     * PostgreSQL out of reach, by the kit's one rule for it ({@link EngineDown}), or the pool empty, or the server
     * read-only (the old primary during a failover): what a wait may mend.
     */
    private static boolean databaseAway(Throwable e) {
        return EngineDown.of(e).filter(EngineDown.POSTGRESQL::equals).isPresent() || EngineDown.poolBusy(e)
                || "25006".equals(EngineDown.refusedState(e));
    }

    @Override
    public void destroy() {
        senders.close();
    }

    private <R> R send(Object command) {
        try {
            return commands.sendAndWait(command);
        } catch (RuntimeException e) {
            log.warn("{} failed; tried again on the next round", command, e);
            return null;
        }
    }
}
