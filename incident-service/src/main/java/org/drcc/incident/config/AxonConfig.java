package org.drcc.incident.config;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AxonConfig {

    /** A snapshot every 100 events keeps long-lived incidents quick to load. */
    @Bean
    SnapshotTriggerDefinition incidentSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 100);
    }

    /**
     * A failed publish must stop the relay, not skip the event: the error propagates, the tracking
     * processor keeps its position and retries with backoff.
     */
    @Autowired
    void relayNeverSkips(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler("kafka-relay", c -> PropagatingErrorHandler.instance());
    }
}
