package org.drcc.notification.plan;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The plan's stored revisions: the newest is in force; all of them are the audit of its changes. */
@Repository
class PlanRevisions {

    record Stored(long revision, String plan) {
    }

    private final JdbcClient jdbc;

    PlanRevisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Held until the changing transaction ends: two changes at once (two groups changed side by side, or
     * through two instances) are applied one after the other, each to the plan the other left.
     */
    void lockForChange() {
        jdbc.sql("LOCK TABLE communication_plan_revision IN SHARE ROW EXCLUSIVE MODE").update();
    }

    long latestRevision() {
        return jdbc.sql("SELECT coalesce(max(revision), 0) FROM communication_plan_revision")
                .query(Long.class).single();
    }

    Optional<Stored> latest() {
        return jdbc.sql("SELECT revision, plan FROM communication_plan_revision ORDER BY revision DESC LIMIT 1")
                .query(Stored.class).optional();
    }

    long append(String plan, String actor, String change, Instant at) {
        return jdbc.sql("""
                        INSERT INTO communication_plan_revision (plan, actor, change, changed_at)
                        VALUES (?, ?, ?, ?) RETURNING revision""")
                .params(plan, actor, change, Timestamp.from(at)).query(Long.class).single();
    }

    List<PlanRevision> all() {
        return jdbc.sql("SELECT revision, actor, change, changed_at FROM communication_plan_revision "
                + "ORDER BY revision DESC").query(PlanRevision.class).list();
    }
}
