package org.drcc.kit.axon;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The event store every event-sourced service runs on: Axon's own {@link EmbeddedEventStore}, as Axon's Spring Boot
 * configuration would build it, with a smaller cache of recent events for the tracking processors to share.
 *
 * <p>Axon keeps the last 10,000 events in that cache by default, each with its stored payload (a declaration's
 * events carry the plan's checklists, several KB each) and, once a processor has read it, the payload as an object.
 * At a burst's rate that is ten seconds of events, over 100 MB that the serial collector of {@code ./dr up} must
 * copy into the old generation and then empty in a full collection that stops every request. Axon's Spring Boot
 * properties do not offer the cache's size, so the bean is built here, ahead of Axon's own, which steps aside.
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
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .cachedEvents(CACHED_EVENTS)
                .build();
    }
}
