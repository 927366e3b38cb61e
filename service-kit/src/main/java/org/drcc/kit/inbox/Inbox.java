package org.drcc.kit.inbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The idempotent consumer: a side effect runs in the same transaction that records the event id as
 * processed, so a redelivered event (after a crash or a rebalance) finds its id and does nothing.
 */
public class Inbox {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public Inbox(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Runs {@code effect} unless this consumer already processed the event; true when it ran. */
    public boolean once(String consumer, String eventId, Runnable effect) {
        Boolean ran = transactions.execute(status -> {
            int inserted = jdbc.sql("""
                            INSERT INTO processed_event (consumer, event_id) VALUES (:consumer, :eventId)
                            ON CONFLICT DO NOTHING""")
                    .param("consumer", consumer)
                    .param("eventId", eventId)
                    .update();
            if (inserted == 0) {
                return false;
            }
            effect.run();
            return true;
        });
        return Boolean.TRUE.equals(ran);
    }
}
