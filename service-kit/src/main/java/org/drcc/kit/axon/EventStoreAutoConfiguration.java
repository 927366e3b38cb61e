package org.drcc.kit.axon;

import java.util.List;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The event store every event-sourced service runs on: Axon's own {@link EmbeddedEventStore}, as Axon's Spring Boot
 * configuration would build it, with a smaller cache of recent events for the tracking processors to share.
 *
 * <p>Axon keeps the last 10,000 events in that cache by default, each with its stored payload (a declaration's
 * events carry the plan's checklists, several KB each) and, once a processor has read it, the payload as an object.
 * At a burst's rate that is ten seconds of events, over 100 MB that the serial collector of {@code ./dr up} must
 * copy into the old generation and then empty in a full collection that stops every request. Axon's Spring Boot
 * properties do not offer the cache's size, so the bean is built here, ahead of Axon's own, which steps aside.
 *
 * <p>It also wakes its readers when the events can be read. Axon wakes them once its unit of work has committed; when
 * that unit of work joined a transaction of the caller's (a Kafka record's inbox, an {@code Idempotency-Key}'s
 * claim), its events are committed only with that transaction, and readers woken before would find nothing and
 * sleep a second before they look again. So inside a caller's transaction they are woken again after its commit.
 * And it hands each unit of work's events, once the unit of work has committed, to {@link CommittedEvents}.
 */
@AutoConfiguration(afterName = "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
        beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@ConditionalOnClass(EmbeddedEventStore.class)
public class EventStoreAutoConfiguration {

    /**
     * Events the tracking processors share from memory. Measured (docs/benchmarks.md, API): 10,000 kept 192 MB alive
     * at a burst of declarations, 1,000 and 256 both 88–90 MB, and neither promoted less than the other; of those
     * two the larger lets a processor lag a second of a burst before it must read from PostgreSQL on its own (one
     * query per batch of 100, as after a restart) until it has caught up. The events are the same either way.
     */
    static final int CACHED_EVENTS = 1_000;

    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    @ConditionalOnMissingBean(EventBus.class)
    @ConditionalOnBean(EventStorageEngine.class)
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration) {
        return new WakingAfterCommit(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .cachedEvents(CACHED_EVENTS));
    }

    /** Axon's store, its readers woken after the commit of the transaction its unit of work joined, if any. */
    static final class WakingAfterCommit extends EmbeddedEventStore {

        WakingAfterCommit(Builder builder) {
            super(builder);
        }

        /**
         * Wakes the readers now, as Axon does (the unit of work's own transaction has committed by now), and once more
         * after the commit of the caller's transaction when there is one. A wake-up too many costs one query. The
         * events are also handed to {@link CommittedEvents}, for the code that sent the command on this thread.
         */
        @Override
        protected void afterCommit(List<? extends EventMessage<?>> events) {
            super.afterCommit(events);
            CommittedEvents.committed(events);
            if (TransactionSynchronizationManager.isSynchronizationActive()
                    && TransactionSynchronizationManager.isActualTransactionActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        wake(events);
                    }
                });
            }
        }

        private void wake(List<? extends EventMessage<?>> events) {
            super.afterCommit(events);
        }
    }
}
