package org.drcc.backup.config;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration
class AxonConfig {

    /**
     * Neither the relay nor the read model may skip an event. A failed publish stops the relay, which
     * keeps its position and retries; a failed projection rolls back the command that caused it, so
     * the event store and the read model never disagree.
     */
    @Autowired
    void neverSkip(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler("kafka-relay", c -> PropagatingErrorHandler.instance());
        processing.registerListenerInvocationErrorHandler("backup-projection", c -> PropagatingErrorHandler.instance());
        processing.registerListenerInvocationErrorHandler("drill-projection", c -> PropagatingErrorHandler.instance());
    }
}
