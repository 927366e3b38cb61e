package org.drcc.incident.query;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code dr.plan.reviews.overdue} ({@code dr_plan_reviews_overdue} on Prometheus): the reviews of the plan past due and
 * not held, counted when scraped; NaN while the database cannot answer (no data, not "none overdue"). The alert
 * {@code DrPlanReviewOverdue} (deploy/prometheus/alerts.yml) tells the on-call channel.
 */
@Component
class ReviewGauges implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(ReviewGauges.class);

    private final ReviewProjection reviews;
    private final Clock clock;

    ReviewGauges(ReviewProjection reviews, Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("dr.plan.reviews.overdue", this, ReviewGauges::overdue)
                .description("Reviews of the DR plan past due and not recorded as held (GET /api/reviews?status=OVERDUE)")
                .register(registry);
    }

    private double overdue() {
        try {
            return reviews.overdue(clock.instant());
        } catch (RuntimeException e) {
            log.debug("overdue reviews not counted: {}", e.toString());
            return Double.NaN;
        }
    }
}
