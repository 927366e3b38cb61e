package org.drcc.backup.pitr;

import java.util.function.BooleanSupplier;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes point-in-time recovery's events each in a transaction of its own, which the read model's subscribing
 * handlers share: an event the read model refuses (a second running restore into one database) is not stored.
 */
@Component
class PitrEvents {

    private final EventGateway events;
    private final TransactionTemplate transactions;

    PitrEvents(EventGateway events, TransactionTemplate transactions) {
        this.events = events;
        this.transactions = transactions;
    }

    void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publish(event));
    }

    /** The event published in the transaction of {@code first}, if it answers true; whether it was. */
    boolean publishIf(BooleanSupplier first, Object event) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!first.getAsBoolean()) {
                return false;
            }
            events.publish(event);
            return true;
        }));
    }
}
