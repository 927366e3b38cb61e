package org.drcc.notification.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.DefaultRepositorySpanFactory;
import org.axonframework.tracing.NoOpSpanFactory;
import org.drcc.contract.notification.NotificationAcknowledgedEvent;
import org.drcc.contract.notification.NotificationDeadlineMetEvent;
import org.drcc.contract.notification.NotificationFailedEvent;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Two instances of notification-service, each with its own cache, on one event store. */
class NotificationRepositoryTest {

    private static final String ID = "n-1";
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private final CountingStorage storage = new CountingStorage();
    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(storage).build();
    private final List<CacheManager> caches = new ArrayList<>();
    private final List<EhCache3Adapter> cached = new ArrayList<>();
    private final CommandGateway first = instance();
    private final CommandGateway second = instance();

    @AfterEach
    void close() {
        caches.forEach(CacheManager::close);
        store.shutDown();
    }

    @Test
    void anInstanceWhoseCopyOfAMessageIsOlderThanTheStoreResolvesTheAttemptAnotherInstanceWasKilledIn() {
        first.sendAndWait(schedule());
        Claim claim = second.sendAndWait(new StartDeliveryCommand(ID, T0.plusSeconds(1)));
        assertThat(claim).as("the second instance claims the message the first scheduled (and holds in its cache)")
                .isNotNull();

        // the second instance is killed while it sends; the first resolves the attempt it finds SENDING
        first.sendAndWait(new ResolveInterruptedDeliveryCommand(ID, T0.plusSeconds(30)));

        assertThat(payloads())
                .as("the first instance's copy (scheduled, no attempt) is not taken for the stored message")
                .anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(NotificationFailedEvent.class,
                        failed -> assertThat(failed.cause()).startsWith("interrupted while sending")));
        assertThat(first.<Claim>sendAndWait(new StartDeliveryCommand(ID, T0.plusSeconds(31))))
                .as("given up: it may have arrived, so it is not sent again").isNull();
    }

    @Test
    void aMessageSentByOneInstanceCanBeAcknowledgedOnTheOtherWhichHadItCachedAsScheduled() {
        second.sendAndWait(schedule());
        Claim claim = first.sendAndWait(new StartDeliveryCommand(ID, T0.plusSeconds(1)));
        first.sendAndWait(new RecordDeliveryCommand(ID, claim.attempt(), null, T0.plusSeconds(2)));

        second.sendAndWait(new AcknowledgeNotificationCommand(ID, "dr-lead", T0.plusSeconds(60)));

        assertThat(payloads()).as("acknowledged at once, not refused as not yet sent by a copy from before the send")
                .last().isInstanceOf(NotificationAcknowledgedEvent.class);
    }

    @Test
    void aCopyThatIsTheStoredOneIsClaimedAndRecordedWithoutReadingTheEventsAgain() {
        first.sendAndWait(schedule());
        int reads = storage.reads.get();
        Claim claim = first.sendAndWait(new StartDeliveryCommand(ID, T0.plusSeconds(1)));
        first.sendAndWait(new RecordDeliveryCommand(ID, claim.attempt(), null, T0.plusSeconds(2)));

        assertThat(storage.reads.get() - reads).as("the notification's events read for its claim and its record")
                .isZero();
        assertThat(payloads()).last().isInstanceOf(NotificationDeadlineMetEvent.class);
    }

    /**
     * A claim made in a longer transaction (the dispatcher's outcome and next claim) that then rolls back: the copy
     * the claim cached is dropped, so no later command trusts a claim the store never kept. One that commits stays.
     */
    @Test
    void aCopyCachedInATransactionThatThenRollsBackIsDroppedAndOneThatCommitsStays() {
        first.sendAndWait(schedule());
        assertThat(cached.get(0).containsKey(ID)).as("cached once scheduled").isTrue();

        inATransactionThatEnds(TransactionSynchronization.STATUS_ROLLED_BACK,
                () -> first.sendAndWait(new StartDeliveryCommand(ID, T0.plusSeconds(1))));
        assertThat(cached.get(0).containsKey(ID)).as("the claim's copy, its transaction rolled back").isFalse();

        inATransactionThatEnds(TransactionSynchronization.STATUS_COMMITTED,
                () -> first.sendAndWait(new StartDeliveryCommand(ID, T0.plusSeconds(2))));
        assertThat(cached.get(0).containsKey(ID)).as("a copy whose transaction committed").isTrue();
    }

    /** Runs {@code work} as if in a Spring transaction, which then ends with {@code status}. */
    private static void inATransactionThatEnds(int status, Runnable work) {
        TransactionSynchronizationManager.initSynchronization();
        try {
            work.run();
            TransactionSynchronizationManager.getSynchronizations().forEach(s -> s.afterCompletion(status));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    private static ScheduleNotificationCommand schedule() {
        return new ScheduleNotificationCommand(ID, "i-1", "e-1",
                new Envelope("i-1", "DR Team Lead", "lead-hook", "webhook", "Declared", "body"),
                "incident-declaration", "immediate", T0.plusSeconds(900), T0);
    }

    private List<Object> payloads() {
        return store.readEvents(ID).asStream().map(e -> (Object) e.getPayload()).toList();
    }

    private CommandGateway instance() {
        CacheManager manager = CacheManagerBuilder.newCacheManagerBuilder()
                .withCache("notifications", CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class,
                        Object.class, ResourcePoolsBuilder.heap(100)))
                .build(true);
        caches.add(manager);
        @SuppressWarnings("unchecked")
        EhCache3Adapter cache = new EhCache3Adapter(
                (Ehcache<Object, Object>) manager.getCache("notifications", Object.class, Object.class));
        cached.add(cache);
        ParameterResolverFactory parameters = MultiParameterResolverFactory.ordered(
                ClasspathParameterResolverFactory.forClass(Notification.class),
                new SimpleResourceParameterResolverFactory(List.of(new RetryPolicy(3, Duration.ofSeconds(10), 3.0))));
        NotificationRepository repository = new NotificationRepository(store, cache, parameters,
                ClasspathHandlerDefinition.forClass(Notification.class),
                DefaultRepositorySpanFactory.builder().spanFactory(NoOpSpanFactory.INSTANCE).build());
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        AggregateAnnotationCommandHandler.<Notification>builder().aggregateType(Notification.class)
                .repository(repository).parameterResolverFactory(parameters)
                .handlerDefinition(ClasspathHandlerDefinition.forClass(Notification.class)).build().subscribe(bus);
        return DefaultCommandGateway.builder().commandBus(bus).build();
    }

    /** The event store's storage, counting the reads of an aggregate's events (not those of its last number). */
    private static final class CountingStorage extends InMemoryEventStorageEngine {

        final AtomicInteger reads = new AtomicInteger();

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            reads.incrementAndGet();
            return super.readEvents(aggregateIdentifier, firstSequenceNumber);
        }

        @Override
        public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
            return super.readEvents(aggregateIdentifier, 0).asStream().map(DomainEventMessage::getSequenceNumber)
                    .reduce((earlier, later) -> later);
        }
    }
}
