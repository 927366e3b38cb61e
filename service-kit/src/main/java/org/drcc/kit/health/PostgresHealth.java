package org.drcc.kit.health;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator;

/**
 * Boot's "db" check, which finds a server that answers, and then whether that server takes writes. On the wrong side
 * of a failover (the service still pointed at the old primary, now a standby) every write fails while the server
 * answers: Boot's check alone said UP. Here that is DOWN, "readOnly": true, so a compose healthcheck or a probe on
 * {@code /actuator/health} sees what the 503s of the API say.
 */
public final class PostgresHealth extends DataSourceHealthIndicator {

    /** As long as the kit gives a pool connection (2 s): health and the 503's resolver wait no longer. */
    private static final int QUESTION_TIMEOUT_SECONDS = 2;

    private final DataSource database;

    public PostgresHealth(DataSource database) {
        super(database);
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        super.doHealthCheck(builder);
        // only a server that answered is asked whether it takes writes (a down one is DOWN already)
        if (Status.UP.equals(builder.build().getStatus()) && serverReadOnly(database)) {
            builder.down().withDetail("readOnly", true).withDetail("error",
                    "PostgreSQL answers but refuses writes (a standby, or the old primary after a failover): point the "
                            + "service at the primary");
        }
    }

    /**
     * Whether the service's PostgreSQL server refuses writes as a whole: a statement of its own (its own transaction,
     * with the server's defaults) is read-only on a standby or a server set read-only, never merely because a
     * transaction of ours was. Unknown (no database, no answer) is no.
     */
    public static boolean serverReadOnly(DataSource database) {
        if (database == null) {
            return false;
        }
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            // a server that stops answering mid-question is not read-only: the pool's own timeouts say it is down
            statement.setQueryTimeout(QUESTION_TIMEOUT_SECONDS);
            try (ResultSet answer = statement.executeQuery("SHOW transaction_read_only")) {
                return answer.next() && "on".equals(answer.getString(1));
            }
        } catch (SQLException e) {
            return false;
        }
    }
}
