package org.drcc.kit.axon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Collection;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;

/**
 * {@code dr.relay.backlog}: how many stored events the relay has not had acknowledged by Kafka yet, the head of
 * the event store minus the relay's position. While it grows, the other services and the audit archive do not see
 * what this one decided. Gaps in the global index (rolled-back inserts) count as events, so the figure may read a
 * few events high; it is NaN where this instance holds no segment of the relay (another instance relays).
 */
class RelayBacklog implements MeterBinder {

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ObjectProvider<EventStore> store;

    /** Looked up when read: the gauge is bound before Axon's configuration is complete. */
    RelayBacklog(ObjectProvider<EventProcessingConfiguration> processing, ObjectProvider<EventStore> store) {
        this.processing = processing;
        this.store = store;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("dr.relay.backlog", this, RelayBacklog::events).baseUnit("events")
                .description("Events stored and not yet acknowledged by Kafka; NaN where another instance relays")
                .register(registry);
    }

    double events() {
        EventProcessingConfiguration processors = processing.getIfAvailable();
        EventStore events = store.getIfAvailable();
        if (processors == null || events == null) {
            return Double.NaN;
        }
        Collection<EventTrackerStatus> segments = processors
                .eventProcessor(KafkaRelay.GROUP, StreamingEventProcessor.class)
                .map(p -> p.processingStatus().values()).orElse(java.util.List.of());
        OptionalLong head = position(events.createHeadToken());
        if (segments.isEmpty() || head.isEmpty()) {
            return Double.NaN;
        }
        long behind = 0;
        for (EventTrackerStatus segment : segments) {
            OptionalLong at = position(segment.getTrackingToken());
            // no token yet: the relay has not read anything, so everything stored is behind
            behind = Math.max(behind, head.getAsLong() - at.orElse(-1L));
        }
        return Math.max(behind, 0);
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
