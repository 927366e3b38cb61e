package org.drcc.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.notification.command.Claim;
import org.drcc.notification.command.Envelope;
import org.drcc.notification.command.RecordDeliveryCommand;
import org.drcc.notification.command.StartDeliveryCommand;
import org.drcc.notification.plan.CommunicationPlan;
import org.drcc.notification.plan.PlanInForce;
import org.drcc.notification.query.Deliveries;
import org.drcc.notification.query.DueDelivery;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The dispatcher sends side by side, at most the limit per channel at a time, and a channel whose far end hangs
 * holds up none of another channel's messages; each message is claimed, sent and recorded once.
 */
class DeliveryDispatcherTest {

    private static final int LIMIT = 4;

    private final Deliveries deliveries = mock(Deliveries.class);
    private final CommandGateway commands = mock(CommandGateway.class);
    private final PlanInForce plan = mock(PlanInForce.class);
    private final ChannelCourier courier = mock(ChannelCourier.class);
    private final DispatchLease lease = mock(DispatchLease.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> recorded = new ConcurrentHashMap<>();
    private TransactionOperations transactions = TransactionOperations.withoutTransaction();

    @Test
    void messagesGoSideBySideBoundedPerChannelAndAHungChannelHoldsUpNoOtherChannel() throws Exception {
        List<DueDelivery> due = webhooks(20);
        due.add(new DueDelivery("slack-1", "slack"));
        due.add(new DueDelivery("slack-2", "slack"));
        givenDue(due);
        CountDownLatch farEndAnswers = new CountDownLatch(1);
        CountDownLatch slackSent = new CountDownLatch(2);
        CountDownLatch webhooksAtTheLimit = new CountDownLatch(LIMIT);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        doAnswer(invocation -> {
            String id = invocation.getArgument(0);
            Envelope envelope = invocation.getArgument(1);
            sent.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            if (envelope.channel().equals("slack")) {
                slackSent.countDown();
                return null;
            }
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            webhooksAtTheLimit.countDown();
            farEndAnswers.await();
            inFlight.decrementAndGet();
            return null;
        }).when(courier).deliver(any(), any());

        DeliveryDispatcher dispatcher = dispatcher(50);
        Thread round = runOnItsOwnThread(dispatcher);

        assertThat(webhooksAtTheLimit.await(10, TimeUnit.SECONDS)).as("webhooks sent side by side").isTrue();
        assertThat(slackSent.await(10, TimeUnit.SECONDS)).as("slack goes on while the webhook's far end hangs").isTrue();
        assertThat(inFlight).as("no more than the limit on one channel").hasValue(LIMIT);
        farEndAnswers.countDown();
        round.join(10_000);

        assertThat(round.isAlive()).as("the round ends once every outcome is recorded").isFalse();
        assertThat(mostInFlight).hasValue(LIMIT);
        assertThat(sent).hasSize(22).allSatisfy((id, n) -> assertThat(n).as(id).hasValue(1));
        assertThat(recorded).hasSize(22).allSatisfy((id, n) -> assertThat(n).as(id).hasValue(1));
        dispatcher.destroy();
    }

    /**
     * A burst of status page subscribers takes only its bounded share of a round, asked for apart from the plan's
     * messages (which keep their whole batch), and is sent on senders of its own: a subscriber's hung receiver
     * holds up no message of the plan.
     */
    @Test
    void subscribersTakeABoundedShareOfARoundOnSendersOfTheirOwn() throws Exception {
        List<DueDelivery> plans = List.of(new DueDelivery("declaration-1", "webhook"));
        List<DueDelivery> subscribers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            subscribers.add(new DueDelivery("subscriber-" + i, "subscriber-webhook"));
        }
        givenDue(plans);
        when(deliveries.dueForSubscribers(any(), eq(3))).thenReturn(subscribers, List.of());
        when(plan.get()).thenReturn(mock(CommunicationPlan.class));
        Map<String, String> channels = new ConcurrentHashMap<>();
        plans.forEach(d -> channels.put(d.notificationId(), d.channel()));
        subscribers.forEach(d -> channels.put(d.notificationId(), d.channel()));
        when(commands.sendAndWait(any())).thenAnswer(invocation -> invocation.getArgument(0) instanceof StartDeliveryCommand
                start ? new Claim(new Envelope("i-1", "a", "c", channels.get(start.notificationId()), "S", "B"), 1) : null);
        CountDownLatch receiverAnswers = new CountDownLatch(1);
        CountDownLatch planSent = new CountDownLatch(1);
        doAnswer(invocation -> {
            Envelope envelope = invocation.getArgument(1);
            if (envelope.channel().startsWith("subscriber-")) {
                receiverAnswers.await();
            } else {
                planSent.countDown();
            }
            return null;
        }).when(courier).deliver(any(), any());

        DeliveryDispatcher dispatcher = dispatcher(3);
        Thread round = runOnItsOwnThread(dispatcher);
        assertThat(planSent.await(10, TimeUnit.SECONDS)).as("the plan's webhook goes while subscribers' hang").isTrue();
        receiverAnswers.countDown();
        round.join(10_000);
        assertThat(round.isAlive()).isFalse();
        verify(deliveries, atLeastOnce())
                .dueForDelivery(any(), eq(400));
        verify(deliveries, atLeastOnce())
                .dueForSubscribers(any(), eq(3));
        dispatcher.destroy();
    }

    /**
     * In a burst, a round that claimed messages is followed at once by the next, without the poll interval's pause:
     * one scheduled run sends a full batch (400) and the one message due after it, once each, and stops after the
     * round that found none.
     */
    @Test
    void aRoundThatClaimedMessagesIsFollowedAtOnceByTheNext() {
        List<DueDelivery> due = webhooks(401);
        givenDue(due);
        when(deliveries.dueForDelivery(any(), anyInt())).thenReturn(due.subList(0, 400), due.subList(400, 401), List.of());
        DeliveryDispatcher dispatcher = dispatcher(50);

        dispatcher.deliverDue();

        assertThat(recorded).as("every due message recorded in one scheduled run").hasSize(401)
                .allSatisfy((id, n) -> assertThat(n).as(id).hasValue(1));
        verify(deliveries, times(3)).dueForDelivery(any(), anyInt());
        assertThat(rounds()).as("the three rounds counted").isEqualTo(3);
        dispatcher.destroy();
    }

    /** A message that stays due but cannot be claimed ends the run: no round follows that would find the same. */
    @Test
    void aRoundThatClaimedNothingIsNotFollowedAtOnce() {
        List<DueDelivery> due = List.of(new DueDelivery("stuck-1", "webhook"));
        givenDue(due);
        when(deliveries.dueForDelivery(any(), anyInt())).thenReturn(due);
        when(commands.sendAndWait(any())).thenReturn(null);
        DeliveryDispatcher dispatcher = dispatcher(50);

        dispatcher.deliverDue();

        verify(deliveries, times(1)).dueForDelivery(any(), anyInt());
        dispatcher.destroy();
    }

    /**
     * Stopping (the scheduler interrupts its thread) ends the run after the round under way: no new round claims
     * messages while the service shuts down, and the send under way still records its own outcome.
     */
    @Test
    void aStopEndsTheRunAfterTheRoundUnderWay() throws Exception {
        List<DueDelivery> due = List.of(new DueDelivery("hook-1", "webhook"));
        givenDue(due);
        when(deliveries.dueForDelivery(any(), anyInt())).thenReturn(due); // still due, as if more kept coming
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch farEndAnswers = new CountDownLatch(1);
        doAnswer(invocation -> {
            sending.countDown();
            farEndAnswers.await();
            return null;
        }).when(courier).deliver(any(), any());
        DeliveryDispatcher dispatcher = dispatcher(50);
        Thread run = runOnItsOwnThread(dispatcher);
        assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();

        run.interrupt();
        run.join(10_000);
        farEndAnswers.countDown();

        assertThat(run.isAlive()).as("the run ended").isFalse();
        verify(deliveries, times(1)).dueForDelivery(any(), anyInt());
        assertThat(rounds()).as("a round cut short by the stop is not counted as run").isZero();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> recorded.containsKey("hook-1"));
        dispatcher.destroy();
    }

    /**
     * PostgreSQL is out of reach for a moment (a failover) when a send's outcome is recorded: the sender, the only one
     * that knows the outcome, tries it again until it is recorded, and the round ends only then. Left to the next
     * round, the message sent would be resolved as cut short: failed, and its deadline breached.
     */
    @Test
    void anOutcomeRecordedWhilePostgresIsAwayIsTriedAgainUntilItIsRecorded() {
        List<RecordDeliveryCommand> outcomes = outcomesRecorded(2, () -> new CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException("Connection refused", "08001")));
        DeliveryDispatcher dispatcher = dispatcher(50);

        dispatcher.deliverDue();

        verify(courier, times(1)).deliver(eq("hook-1"), any());
        assertThat(outcomes).as("refused twice, recorded the third time, before the round ended").hasSize(3)
                .allSatisfy(o -> assertThat(o.cause()).as("the send's own outcome: sent").isNull())
                .extracting(RecordDeliveryCommand::attempt).containsOnly(1);
        dispatcher.destroy();
    }

    /** A failure that a wait would not mend (here, a bug) is not tried again: it would hold a sender and the round. */
    @Test
    void anOutcomeRefusedForAnotherReasonIsNotTriedAgain() {
        List<RecordDeliveryCommand> outcomes = outcomesRecorded(2, () -> new IllegalStateException("a bug"));
        DeliveryDispatcher dispatcher = dispatcher(50);

        dispatcher.deliverDue();

        assertThat(outcomes).as("tried once, left to the next round").hasSize(1);
        dispatcher.destroy();
    }

    /**
     * A sender records the outcome of the message it sent in the transaction that claims its next one (one commit a
     * message instead of two), the outcome first; only each sender's last outcome goes on its own. Every message is
     * still sent and recorded once.
     */
    @Test
    void aSendersOutcomeIsRecordedInTheTransactionThatClaimsItsNextMessage() {
        givenDue(webhooks(12));
        Transactions recording = new Transactions(0);
        transactions = recording;
        DeliveryDispatcher dispatcher = dispatcher(50);

        dispatcher.deliverDue();

        assertThat(recorded).hasSize(12).allSatisfy((id, n) -> assertThat(n).as(id).hasValue(1));
        verify(courier, times(12)).deliver(any(), any());
        assertThat(recording.committed).as("one sender's last outcome alone, at most four of them")
                .hasSizeGreaterThanOrEqualTo(12 - LIMIT)
                .allSatisfy(commands -> {
                    assertThat(commands).hasSize(2);
                    assertThat(commands.get(0)).isInstanceOf(RecordDeliveryCommand.class);
                    assertThat(commands.get(1)).isInstanceOf(StartDeliveryCommand.class);
                    assertThat(((RecordDeliveryCommand) commands.get(0)).notificationId())
                            .as("an outcome goes with the claim of another message")
                            .isNotEqualTo(((StartDeliveryCommand) commands.get(1)).notificationId());
                });
        dispatcher.destroy();
    }

    /**
     * The transaction of an outcome and the next claim fails at its commit: neither is stored, so each is tried on its
     * own, and the message sent is still recorded and the next one still sent, once each.
     */
    @Test
    void anOutcomeAndAClaimThatFailTogetherAreEachTriedOnTheirOwn() {
        givenDue(webhooks(2 * LIMIT));
        Transactions failingOnce = new Transactions(1);
        transactions = failingOnce;
        DeliveryDispatcher dispatcher = dispatcher(50);

        dispatcher.deliverDue();

        assertThat(failingOnce.failed).as("the commit that failed").hasSize(1);
        verify(courier, times(2 * LIMIT)).deliver(any(), any());
        assertThat(failingOnce.recordedAfterwards()).as("every message's outcome stored once")
                .hasSize(2 * LIMIT).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        dispatcher.destroy();
    }

    /**
     * A stop interrupts a sender while its outcome and next claim are being stored, and that transaction fails: the
     * outcome is still recorded, and the sender claims nothing more: the message whose claim failed is not sent (it
     * stays due for the next round).
     */
    @Test
    void aSenderStoppedWhileItsOutcomeAndNextClaimFailClaimsNothingMore() {
        givenDue(webhooks(2 * LIMIT));
        Transactions failingOnce = new Transactions(1);
        failingOnce.interruptOnFailure = true;
        transactions = failingOnce;
        DeliveryDispatcher dispatcher = dispatcher(50);

        dispatcher.deliverDue();

        assertThat(failingOnce.failed).hasSize(1);
        String notClaimed = ((StartDeliveryCommand) failingOnce.failed.get(0).get(1)).notificationId();
        assertThat(failingOnce.claimsAfterTheStop).as("claims by the stopped sender after its failure").hasValue(0);
        verify(courier, never()).deliver(eq(notClaimed), any());
        verify(courier, times(2 * LIMIT - 1)).deliver(any(), any());
        assertThat(failingOnce.recordedAfterwards()).as("every message sent has its outcome stored once")
                .hasSize(2 * LIMIT - 1).doesNotContainKey(notClaimed)
                .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        dispatcher.destroy();
    }

    /**
     * Transactions as the dispatcher sees them: the commands sent inside one are kept apart and count as stored when
     * it commits; the first {@code failures} fail at their commit (as a lost connection would), and store nothing.
     */
    private final class Transactions implements TransactionOperations {

        final List<List<Object>> committed = new CopyOnWriteArrayList<>();
        final List<List<Object>> failed = new CopyOnWriteArrayList<>();
        final List<Object> alone = new CopyOnWriteArrayList<>();
        private final ThreadLocal<List<Object>> open = new ThreadLocal<>();
        private final AtomicInteger failures;
        /** Whether a failing commit also interrupts its thread, as a stop would. */
        boolean interruptOnFailure;
        volatile Thread stopped;
        final AtomicInteger claimsAfterTheStop = new AtomicInteger();

        Transactions(int failures) {
            this.failures = new AtomicInteger(failures);
            when(commands.sendAndWait(any())).thenAnswer(invocation -> {
                Object command = invocation.getArgument(0);
                (open.get() == null ? alone : open.get()).add(command);
                if (command instanceof StartDeliveryCommand) {
                    if (Thread.currentThread() == stopped) {
                        claimsAfterTheStop.incrementAndGet();
                    }
                    return new Claim(new Envelope("i-1", "Ops", "contact", "webhook", "Subject", "Body"), 1);
                }
                if (command instanceof RecordDeliveryCommand record) {
                    recorded.computeIfAbsent(record.notificationId(), k -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            });
        }

        @Override
        public <T> T execute(TransactionCallback<T> action) {
            open.set(new ArrayList<>());
            try {
                T result = action.doInTransaction(null);
                if (failures.getAndDecrement() > 0) {
                    failed.add(open.get());
                    if (interruptOnFailure) {
                        stopped = Thread.currentThread();
                        stopped.interrupt();
                    }
                    throw new TransactionSystemException("Could not commit JDBC transaction");
                }
                committed.add(open.get());
                return result;
            } finally {
                open.remove();
            }
        }

        /** How often each message's outcome was stored: alone, or in a transaction that committed. */
        Map<String, Integer> recordedAfterwards() {
            Map<String, Integer> stored = new ConcurrentHashMap<>();
            List<Object> all = new ArrayList<>(alone);
            committed.forEach(all::addAll);
            for (Object command : all) {
                if (command instanceof RecordDeliveryCommand record) {
                    stored.merge(record.notificationId(), 1, Integer::sum);
                }
            }
            return stored;
        }
    }

    /** {@code n} webhook messages, hook-0 to hook-(n-1). */
    private static List<DueDelivery> webhooks(int n) {
        List<DueDelivery> due = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            due.add(new DueDelivery("hook-" + i, "webhook"));
        }
        return due;
    }

    /** One webhook message due; the first {@code refusals} outcomes refused with {@code failure}; the outcomes asked. */
    private List<RecordDeliveryCommand> outcomesRecorded(int refusals, Supplier<RuntimeException> failure) {
        givenDue(List.of(new DueDelivery("hook-1", "webhook")));
        AtomicInteger left = new AtomicInteger(refusals);
        List<RecordDeliveryCommand> outcomes = new CopyOnWriteArrayList<>();
        when(commands.sendAndWait(any())).thenAnswer(invocation -> {
            Object command = invocation.getArgument(0);
            if (command instanceof StartDeliveryCommand) {
                return new Claim(new Envelope("i-1", "Ops", "contact", "webhook", "Subject", "Body"), 1);
            }
            if (command instanceof RecordDeliveryCommand record) {
                outcomes.add(record);
                if (left.getAndDecrement() > 0) {
                    throw failure.get();
                }
            }
            return null;
        });
        return outcomes;
    }

    /** A dispatcher on the mocks, its clock fixed, {@value #LIMIT} senders per channel. */
    private DeliveryDispatcher dispatcher(int subscribersPerRound) {
        return new DeliveryDispatcher(deliveries, commands, Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"),
                ZoneOffset.UTC), plan, courier, lease, new DeliverySettings(null, null, "dr@localhost",
                Duration.ofSeconds(5), 1, Duration.ofSeconds(1), 2.0, "classpath:/templates/notification/", LIMIT),
                meters, transactions, subscribersPerRound);
    }

    private double rounds() {
        return meters.get("dr.notification.dispatch.rounds").counter().count();
    }

    /** A scheduled run of the dispatcher on a thread of its own, as the scheduler runs it. */
    private static Thread runOnItsOwnThread(DeliveryDispatcher dispatcher) {
        Thread run = new Thread(dispatcher::deliverDue);
        run.start();
        return run;
    }

    private void givenDue(List<DueDelivery> due) {
        when(lease.runAlone(any())).thenAnswer(invocation -> {
            ((Runnable) invocation.getArgument(0)).run();
            return true;
        });
        when(deliveries.interrupted(anyInt())).thenReturn(List.of());
        when(deliveries.pastDeadline(any(), anyInt())).thenReturn(List.of());
        // due once: once claimed and recorded, the read model no longer lists them
        when(deliveries.dueForDelivery(any(), anyInt())).thenReturn(due, List.of());
        CommunicationPlan communication = mock(CommunicationPlan.class);
        when(plan.get()).thenReturn(communication);
        Map<String, String> channels = new ConcurrentHashMap<>();
        due.forEach(d -> channels.put(d.notificationId(), d.channel()));
        when(commands.sendAndWait(any())).thenAnswer(invocation -> {
            Object command = invocation.getArgument(0);
            if (command instanceof StartDeliveryCommand start) {
                return new Claim(new Envelope("i-1", "Ops", "contact", channels.get(start.notificationId()),
                        "Subject", "Body"), 1);
            }
            if (command instanceof RecordDeliveryCommand record) {
                recorded.computeIfAbsent(record.notificationId(), k -> new AtomicInteger()).incrementAndGet();
            }
            return null;
        });
    }
}
