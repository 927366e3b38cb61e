package org.drcc.incident.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.drcc.contract.plan.ReviewKind;
import org.junit.jupiter.api.Test;

class ReviewPeriodsTest {

    private static final Instant NOV_30 = Instant.parse("2026-11-30T23:59:59Z");

    @Test
    void eachPeriodicReviewIsDueByTheEndOfItsCalendarPeriodInUtc() {
        assertThat(ReviewPeriods.current(ReviewKind.MONTHLY, NOV_30))
                .isEqualTo(new ReviewPeriods.Owed("monthly-2026-11", Instant.parse("2026-12-01T00:00:00Z")));
        assertThat(ReviewPeriods.current(ReviewKind.QUARTERLY, NOV_30))
                .isEqualTo(new ReviewPeriods.Owed("quarterly-2026-Q4", Instant.parse("2027-01-01T00:00:00Z")));
        assertThat(ReviewPeriods.current(ReviewKind.QUARTERLY, Instant.parse("2026-01-01T00:00:00Z")))
                .isEqualTo(new ReviewPeriods.Owed("quarterly-2026-Q1", Instant.parse("2026-04-01T00:00:00Z")));
        assertThat(ReviewPeriods.current(ReviewKind.ANNUAL, NOV_30))
                .isEqualTo(new ReviewPeriods.Owed("annual-2026", Instant.parse("2027-01-01T00:00:00Z")));
    }

    @Test
    void theNextPeriodIsAnotherReview() {
        assertThat(ReviewPeriods.current(ReviewKind.MONTHLY, NOV_30.plusSeconds(1)).reviewId())
                .isEqualTo("monthly-2026-12");
    }
}
