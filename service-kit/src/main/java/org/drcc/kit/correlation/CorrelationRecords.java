package org.drcc.kit.correlation;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;

/** A consumed record's correlation id in the log context while the listener handles it. */
class CorrelationRecords implements RecordInterceptor<Object, Object> {

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        Header header = record.headers().lastHeader(Correlation.KAFKA_HEADER);
        String id = header == null ? null : Correlation.carried(new String(header.value(), StandardCharsets.UTF_8));
        if (id != null) {
            MDC.put(Correlation.LOG_KEY, id);
        } else {
            MDC.remove(Correlation.LOG_KEY);
        }
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        MDC.remove(Correlation.LOG_KEY);
    }
}
