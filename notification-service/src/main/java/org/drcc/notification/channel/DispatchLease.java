package org.drcc.notification.channel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * One dispatcher round at a time across every instance on the notification database: a PostgreSQL
 * session advisory lock, held on its own connection for the round. An instance that stops or crashes
 * loses its session and so the lock; a round that cannot take it is skipped, not queued. This keeps
 * the dispatcher's rule "a claim without an outcome at the start of a round was cut short" true with
 * several instances, where another instance's round in flight would otherwise look interrupted.
 */
@Component
class DispatchLease {

    /** "drccnoti": the lock's key, in PostgreSQL's one bigint key space. */
    static final long KEY = 0x6472_6363_6e6f_7469L;

    private final DataSource dataSource;

    DispatchLease(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code round} if no other dispatcher is in one; false if it was skipped. */
    boolean runAlone(Runnable round) {
        try (Connection connection = dataSource.getConnection()) {
            if (!call(connection, "SELECT pg_try_advisory_lock(?)")) {
                return false;
            }
            try {
                round.run();
                return true;
            } finally {
                if (!call(connection, "SELECT pg_advisory_unlock(?)")) {
                    throw new IllegalStateException("the dispatch lease was not held at the end of the round");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the dispatch lease could not be taken: " + e.getMessage(), e);
        }
    }

    private static boolean call(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
