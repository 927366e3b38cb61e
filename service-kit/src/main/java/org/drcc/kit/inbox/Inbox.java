package org.drcc.kit.inbox;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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

    /**
     * Records these events as processed by this consumer with one statement, for a batch whose effects run in the
     * caller's transaction (which must be active): the effects of the ids returned, those not processed before, run
     * in it too, so they commit with their rows or not at all. An id given twice is returned once.
     */
    public Set<String> claim(String consumer, Collection<String> eventIds) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("claim runs in the transaction of the effects it guards");
        }
        if (eventIds.isEmpty()) {
            return new HashSet<>();
        }
        return new HashSet<>(jdbc.sql("""
                        INSERT INTO processed_event (consumer, event_id)
                        SELECT :consumer, id FROM unnest(CAST(:ids AS varchar[])) AS id
                        ON CONFLICT DO NOTHING RETURNING event_id""")
                .param("consumer", consumer)
                .param("ids", eventIds.toArray(String[]::new))
                .query(String.class).list());
    }
}
