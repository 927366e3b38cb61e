package org.drcc.incident.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.drcc.contract.plan.PlanReviewedEvent;
import org.drcc.contract.plan.ReviewDueEvent;
import org.drcc.contract.plan.ReviewKind;
import org.drcc.engines.Engines;
import org.drcc.testsupport.WithEngines;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The overdue reviews' gauge, counted at every scrape of every instance, on a real PostgreSQL holding the reviews
 * held after years of incidents (each of them past due too): it counts the reviews not held and past due, through
 * their index, without reading the history.
 */
@WithEngines(database = "incident")
class ReviewProjectionIT {

    private static final int HISTORY = 100_000;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void theGaugeCountsTheOverdueReviewsWithoutReadingTheHistory(Engines engines) {
        DataSource db = engines.postgres().newDatabase("reviews");
        Flyway.configure().dataSource(db)
                .locations("classpath:db/kit", "classpath:db/axon", "classpath:db/migration", "classpath:db/audit")
                .load().migrate();
        JdbcClient sql = JdbcClient.create(db);
        sql.sql("""
                INSERT INTO plan_review (review_id, kind, what, incident_id, due_at, opened_at, reviewed_at, reviewed_by,
                    plan_changed)
                SELECT 'post-incident-h-' || n, 'POST_INCIDENT', 'Review the plan', 'h-' || n, o + interval '14 days', o,
                    o + interval '3 days', 'bob', false
                FROM generate_series(1, ?) n, LATERAL (SELECT ?::timestamptz - n * interval '5 minutes' AS o) t""")
                .params(HISTORY, Timestamp.from(now.minus(Duration.ofDays(30)))).update();
        ReviewProjection reviews = new ReviewProjection(sql);
        due(reviews, "monthly-overdue", now.minus(Duration.ofDays(3)));
        due(reviews, "post-incident-overdue", now.minus(Duration.ofMinutes(5)));
        due(reviews, "post-incident-held", now.minus(Duration.ofDays(2)));
        reviews.on(new PlanReviewedEvent("post-incident-held", ReviewKind.POST_INCIDENT, "i-1", false, null, "bob",
                now.minus(Duration.ofDays(1))));
        due(reviews, "quarterly-due", now.plus(Duration.ofDays(20)));
        sql.sql("ANALYZE").update();

        new TransactionTemplate(new DataSourceTransactionManager(db)).executeWithoutResult(tx -> {
            assertThat(reviews.overdue(now)).isEqualTo(2);
            assertThat(sql.sql("SELECT seq_scan FROM pg_stat_xact_user_tables WHERE relname = 'plan_review'")
                    .query(Long.class).single()).as("full reads of %d reviews held", HISTORY).isZero();
            assertThat(sql.sql("SELECT idx_scan FROM pg_stat_xact_user_tables WHERE relname = 'plan_review'")
                    .query(Long.class).single()).as("reads through an index").isEqualTo(1);
        });
        assertThat(reviews.find("OVERDUE", now)).extracting(ReviewView::id)
                .containsExactly("monthly-overdue", "post-incident-overdue");
    }

    private void due(ReviewProjection reviews, String reviewId, Instant dueAt) {
        reviews.on(new ReviewDueEvent(reviewId, ReviewKind.POST_INCIDENT, "Review the plan", null, dueAt, "schedule",
                now.minus(Duration.ofDays(30))));
    }
}
