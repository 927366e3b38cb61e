package org.drcc.kit.correlation;

import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.slf4j.MDC;

/**
 * Puts the correlation id on every message Axon creates while handling another: the handled message's id when it
 * carries one (an event handler's commands, a command's events), else the one in the log context (a command sent
 * while serving a request or a Kafka record).
 */
class CorrelationMetaData implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        String id = Correlation.carried(message.getMetaData().get(Correlation.METADATA_KEY));
        if (id == null) {
            id = Correlation.carried(MDC.get(Correlation.LOG_KEY));
        }
        return id == null ? Map.of() : Map.of(Correlation.METADATA_KEY, id);
    }
}
