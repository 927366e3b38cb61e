package org.drcc.kit.jdbc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The statements a write-only projection makes in a transaction, sent just before it commits as one JDBC batch per
 * statement text instead of a round trip each. An Axon processor hands its handlers up to its batch size of events in
 * one transaction (a replay: hundreds) and the metrics replay applies a poll of records in one; statement by
 * statement, the database's latency, not its work, set the pace of a replay. Written here because neither Axon 4
 * (a handler sees one event at a time) nor Spring's {@code JdbcTemplate} (a batch needs its rows at hand) collects
 * the statements of a transaction.
 *
 * <p>Statements of the same text go together: the texts in the order of their rank, then of their first use in the
 * transaction; the rows of a text in the order they were added. A rank therefore says which statements may be moved
 * ahead of which: the statement that creates a row ranks before those that change or delete it, and statements
 * that do not commute must share a rank and a text. A failure is thrown by the commit and rolls the whole
 * transaction back (the processor's token or the inbox's rows with it). The pending statements are invisible to
 * reads in the same transaction, so only handlers that do not read what they write use this. Outside a transaction
 * a statement runs at once.
 */
public final class TransactionBatches {

    private final JdbcTemplate jdbc;

    public TransactionBatches(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Sends {@code sql} with {@code args} before the current transaction commits, or now outside one. */
    public void add(int rank, String sql, Object... args) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            jdbc.update(sql, args);
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.statements.computeIfAbsent(sql, s -> new Statement(rank, new ArrayList<>())).rows().add(args);
    }

    private record Statement(int rank, List<Object[]> rows) {
    }

    /** This transaction's statements, sent by {@link #beforeCommit}, forgotten when it ends either way. */
    private final class Pending implements TransactionSynchronization {

        private final Map<String, Statement> statements = new LinkedHashMap<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            List<Map.Entry<String, Statement>> ordered = new ArrayList<>(statements.entrySet());
            ordered.sort(Comparator.comparingInt(e -> e.getValue().rank()));
            statements.clear();
            for (Map.Entry<String, Statement> statement : ordered) {
                List<Object[]> rows = statement.getValue().rows();
                if (rows.size() == 1) {
                    jdbc.update(statement.getKey(), rows.get(0));
                } else {
                    jdbc.batchUpdate(statement.getKey(), rows);
                }
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(TransactionBatches.this);
        }
    }
}
