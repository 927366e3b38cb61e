package org.drcc.incident.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.drcc.contract.plan.PlanReviewedEvent;
import org.drcc.contract.plan.ReviewDueEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The plan's reviews ({@code plan_review}), projected from the event store; overdue is judged when read. */
@Component
@ProcessingGroup("plan-review-projection")
public class ReviewProjection {

    private static final String SELECT = """
            SELECT review_id AS id, kind, what, incident_id, due_at, opened_at,
                   CASE WHEN reviewed_at IS NOT NULL THEN 'DONE' WHEN due_at <= :now THEN 'OVERDUE' ELSE 'DUE' END
                       AS status,
                   reviewed_at, reviewed_by, plan_changed, changes
            FROM plan_review""";

    private final JdbcClient jdbc;

    ReviewProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ReviewDueEvent e) {
        jdbc.sql("""
                        INSERT INTO plan_review (review_id, kind, what, incident_id, due_at, opened_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (review_id) DO NOTHING""")
                .params(e.reviewId(), e.kind().name(), e.what(), e.incidentId(), Timestamp.from(e.dueAt()),
                        Timestamp.from(e.occurredAt()))
                .update();
    }

    @EventHandler
    void on(PlanReviewedEvent e) {
        jdbc.sql("""
                        UPDATE plan_review SET reviewed_at = ?, reviewed_by = ?, plan_changed = ?, changes = ?
                        WHERE review_id = ?""")
                .params(Timestamp.from(e.occurredAt()), e.actor(), e.planChanged(), e.changes(), e.reviewId())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE plan_review").update();
    }

    /** Overdue first (the oldest first), then due, then done (the newest first); {@code status} filters. */
    public List<ReviewView> find(String status, Instant now) {
        return jdbc.sql("SELECT * FROM (" + SELECT + ") r "
                        + "WHERE (CAST(:status AS varchar) IS NULL OR status = CAST(:status AS varchar)) "
                        + "ORDER BY CASE status WHEN 'OVERDUE' THEN 0 WHEN 'DUE' THEN 1 ELSE 2 END, "
                        + "CASE WHEN status = 'DONE' THEN NULL ELSE due_at END, reviewed_at DESC, id")
                .param("now", Timestamp.from(now)).param("status", status).query(ReviewView.class).list();
    }

    /** How many reviews are past due and not held: the {@code dr.plan.reviews.overdue} gauge. */
    public long overdue(Instant now) {
        return jdbc.sql("SELECT count(*) FROM plan_review WHERE reviewed_at IS NULL AND due_at <= ?")
                .param(Timestamp.from(now)).query(Long.class).single();
    }

    public Optional<ReviewView> one(String reviewId, Instant now) {
        return jdbc.sql(SELECT + " WHERE review_id = :id").param("now", Timestamp.from(now)).param("id", reviewId)
                .query(ReviewView.class).optional();
    }
}
