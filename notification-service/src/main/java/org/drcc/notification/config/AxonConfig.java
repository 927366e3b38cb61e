package org.drcc.notification.config;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration
class AxonConfig {

    /**
     * A failed publish must stop the relay, not skip the event; a failed projection update must roll
     * back the command that caused it, or the delivery table would disagree with the event store; an
     * escalation whose messages cannot be scheduled is not stored, so the dispatcher asks again.
     */
    @Autowired
    void neverSkip(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler("kafka-relay", c -> PropagatingErrorHandler.instance());
        processing.registerListenerInvocationErrorHandler("delivery-projection",
                c -> PropagatingErrorHandler.instance());
        processing.registerListenerInvocationErrorHandler("escalation-policy",
                c -> PropagatingErrorHandler.instance());
    }
}
