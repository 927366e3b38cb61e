package org.drcc.notification.command;

import java.util.Objects;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Notifications loaded from the cache only while the copy there is the stored one: before a cached copy is used, one
 * indexed query asks the event store for the notification's last sequence number, and a copy at another one (another
 * instance changed the notification since, or the transaction the copy's command joined rolled back after it was
 * cached) is dropped and the notification loaded from its events.
 *
 * <p>Axon's caching repository trusts its cache: a stale copy is found out only when it appends (its sequence number
 * is taken, the unit of work rolls back, the copy is dropped). A command that decides to append nothing never finds
 * out, and each such command keeps the copy in use, so that it never reaches the cache's idle bound. With two
 * instances this kept a message SENDING for good: one instance had it cached as scheduled, the other claimed and sent
 * it and was killed before it recorded the outcome, and the first instance's dispatcher then asked, every round, to
 * resolve the interrupted attempt on a copy that showed none (dr-cli's {@code ScaleOut}, {@code NotificationRepositoryTest}).
 * Axon 4 offers no check of a cached copy against the store, hence this subclass of its own repository. The bean's
 * name is the one {@code @Aggregate(repository = ...)} on {@link Notification} names.
 *
 * <p>A copy cached by a command that joined a longer transaction (the dispatcher records an outcome and claims the
 * next message in one) is dropped if that transaction rolls back: Axon drops it only when the command's own unit of
 * work rolls back, and the number check above does not see a copy whose number the store later reaches with other
 * events (another instance resolving the same attempt).
 */
@Component
final class NotificationRepository extends CachingEventSourcingRepository<Notification> {

    private final EventStore events;
    private final Cache cache;

    /**
     * The repository of {@link Notification}, on {@code events}, with {@code notificationCache}; the rest as Axon's
     * Spring configuration gives an aggregate's repository (its handler parameters resolved from the Spring context,
     * its handler enhancers, its tracing spans), except the aggregate factory: Axon's generic one, as
     * {@code Notification} has nothing injected.
     */
    NotificationRepository(EventStore events, Cache notificationCache, ParameterResolverFactory parameters,
                           HandlerDefinition handlers, RepositorySpanFactory spans) {
        super(EventSourcingRepository.builder(Notification.class)
                .eventStore(events)
                .cache(notificationCache)
                .parameterResolverFactory(parameters)
                .handlerDefinition(handlers)
                .spanFactory(spans));
        this.events = events;
        this.cache = notificationCache;
    }

    @Override
    protected void doSaveWithLock(EventSourcedAggregate<Notification> aggregate) {
        super.doSaveWithLock(aggregate);
        String id = aggregate.identifierAsString();
        if (id != null && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        cache.remove(id);
                    }
                }
            });
        }
    }

    @Override
    protected EventSourcedAggregate<Notification> doLoadWithLock(String id, Long expectedVersion) {
        if (!cache.containsKey(id)) {
            return super.doLoadWithLock(id, expectedVersion); // from its events; cached once the command commits
        }
        EventSourcedAggregate<Notification> cached = super.doLoadWithLock(id, expectedVersion);
        if (Objects.equals(cached.version(), events.lastSequenceNumberFor(id).orElse(null))) {
            return cached;
        }
        cache.remove(id);
        return super.doLoadWithLock(id, expectedVersion);
    }
}
