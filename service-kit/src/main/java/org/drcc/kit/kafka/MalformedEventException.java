package org.drcc.kit.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record on a contract topic that cannot be read: it is parked on the dead-letter topic, never retried. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(ConsumerRecord<?, ?> record, String reason) {
        super("malformed event at " + record.topic() + "-" + record.partition() + "@" + record.offset() + ": " + reason);
    }
}
