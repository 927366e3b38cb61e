package org.drcc.kit.web;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Which of the suite's engines an error says is unreachable, found along its cause chain: Spring, Hibernate,
 * Axon (a CommandExecutionException, its JdbcException) and the Kafka client each wrap the engine's own error
 * differently, but the engine's error is always somewhere below. Types are compared by name, because a service
 * may lack Axon or the S3 SDK on its class path.
 */
public enum EngineDown {

    POSTGRESQL("PostgreSQL"), KAFKA("Kafka"), S3("S3");

    private static final Set<String> DATABASE_UNREACHABLE = Set.of(
            "java.sql.SQLTransientConnectionException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.transaction.CannotCreateTransactionException");
    /** Timeouts, lost connections, no leader: what a stopped or unreachable broker gives. */
    private static final String KAFKA_UNREACHABLE = "org.apache.kafka.common.errors.RetriableException";
    /** The SDK could not get an answer (refused, timed out); S3 itself answering 5xx is a SdkServiceException. */
    private static final String S3_UNREACHABLE = "software.amazon.awssdk.core.exception.SdkClientException";
    private static final String S3_ANSWERED = "software.amazon.awssdk.core.exception.SdkServiceException";

    private final String title;

    EngineDown(String title) {
        this.title = title;
    }

    /** How the engine is named to a user. */
    public String title() {
        return title;
    }

    /** The engine the error says is down, the outermost sign first; empty when it is no outage. */
    public static Optional<EngineDown> of(Throwable error) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            if (is(t, DATABASE_UNREACHABLE) || connectionLost(t) || outOfDiskOrConnections(t)) {
                return Optional.of(POSTGRESQL);
            }
            if (is(t, Set.of(KAFKA_UNREACHABLE))) {
                return Optional.of(KAFKA);
            }
            if (is(t, Set.of(S3_UNREACHABLE)) || (is(t, Set.of(S3_ANSWERED)) && statusCode(t) >= 500)) {
                return Optional.of(S3);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the error is this service's own connection pool at its limit, with PostgreSQL answering: HikariCP's
     * "Connection is not available, request timed out" carries, as its cause, the last failure to open a connection
     * when there was one (the server down); without such a cause every pooled connection was simply in use. That is
     * overload, not an outage: the pool must not be retired for it (which would only make it worse) and the answer
     * must not say the server is unreachable.
     */
    public static boolean poolBusy(Throwable error) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            if (is(t, Set.of("java.sql.SQLTransientConnectionException"))) {
                return t.getCause() == null && t.getMessage() != null
                        && t.getMessage().contains("Connection is not available");
            }
        }
        return false;
    }

    /**
     * What PostgreSQL, answering, refused, from the SQLSTATE along the error's cause chain: 25006 a write in a
     * read-only transaction, class 53 a resource it ran out of (53100 disk full, 53200 memory, 53300 connections,
     * 53400 a configured limit). Null when it is neither. Only the server's state makes these an outage: 53100 and
     * 53300 always are ({@link #of}); 25006 only on a server that is read-only as a whole (a standby, the old
     * primary after a failover), which the caller checks: the same state comes from a write in one of our own
     * read-only transactions, a bug.
     */
    public static String refusedState(Throwable error) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().equals("25006") || sql.getSQLState().startsWith("53"))) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /**
     * A full disk, or no connection left on the server: the server's state, whatever the statement. Memory (53200)
     * and a configured limit (53400) are more often the query's own doing, and stay where they were.
     */
    private static boolean outOfDiskOrConnections(Throwable t) {
        return t instanceof SQLException sql && ("53100".equals(sql.getSQLState()) || "53300".equals(sql.getSQLState()));
    }

    /**
     * SQLSTATE class 08 is a connection exception; 57P01-57P03 a server shutting down, crashed or still
     * starting. A constraint violation or a deadlock is no outage and stays with the other handlers.
     */
    private static boolean connectionLost(Throwable t) {
        if (!(t instanceof SQLException sql) || sql.getSQLState() == null) {
            return false;
        }
        String state = sql.getSQLState();
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }

    private static boolean is(Throwable t, Set<String> names) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (names.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }

    private static int statusCode(Throwable t) {
        try {
            return (int) t.getClass().getMethod("statusCode").invoke(t);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return 0;
        }
    }
}
