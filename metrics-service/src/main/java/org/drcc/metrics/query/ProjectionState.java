package org.drcc.metrics.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which version of a projection built its tables, to know when a start-up must rebuild them. */
@Repository
public class ProjectionState {

    private final JdbcClient jdbc;

    ProjectionState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Integer> version(String projection) {
        return jdbc.sql("SELECT version FROM projection_state WHERE projection = ?").param(projection)
                .query(Integer.class).optional();
    }

    public void rebuilt(String projection, int version, Instant at) {
        jdbc.sql("""
                        INSERT INTO projection_state (projection, version, rebuilt_at) VALUES (?, ?, ?)
                        ON CONFLICT (projection) DO UPDATE SET version = excluded.version, rebuilt_at = excluded.rebuilt_at""")
                .params(projection, version, Timestamp.from(at)).update();
    }
}
