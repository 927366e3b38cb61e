package org.drcc.kit.inbox;

import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.drcc.kit.kafka.CloudEventRecords;
import org.drcc.kit.kafka.ContractTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a contract event from a record and acts on it once per event id, whatever Kafka redelivers. */
public class EventInbox {

    private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

    private final CloudEventRecords records;
    private final Inbox inbox;
    private final String consumer;

    public EventInbox(CloudEventRecords records, Inbox inbox, String consumer) {
        this.records = records;
        this.inbox = inbox;
        this.consumer = consumer;
    }

    public <T> void consume(ConsumerRecord<String, String> record, ContractTypes<T> types, Consumer<T> effect) {
        String eventId = CloudEventRecords.eventId(record);
        records.read(record, types).ifPresentOrElse(
                event -> {
                    if (inbox.once(consumer, eventId, () -> effect.accept(event))) {
                        // one line per event acted on: with the correlation id of the request that caused it
                        log.info("Applied {} {} from {}-{}@{}", event.getClass().getSimpleName(), eventId,
                                record.topic(), record.partition(), record.offset());
                    } else {
                        log.info("Event {} at {}-{}@{} was already processed; skipped", eventId, record.topic(),
                                record.partition(), record.offset());
                    }
                },
                () -> log.debug("Event {} has a type this service does not read; skipped", eventId));
    }
}
