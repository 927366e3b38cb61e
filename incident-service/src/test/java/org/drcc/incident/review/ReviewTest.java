package org.drcc.incident.review;

import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.drcc.contract.plan.PlanReviewedEvent;
import org.drcc.contract.plan.ReviewDueEvent;
import org.drcc.contract.plan.ReviewKind;
import org.drcc.kit.rules.RuleRefusedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReviewTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final Instant DUE = Instant.parse("2026-12-07T10:00:00Z");
    private static final ReviewDueEvent OWED = new ReviewDueEvent("post-incident-i-1", ReviewKind.POST_INCIDENT,
            "Post-incident review", "i-1", DUE, Review.SCHEDULE, NOW);

    private FixtureConfiguration<Review> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Review.class);
    }

    @Test
    void canOpenAReviewOnce() {
        OpenReviewCommand open = new OpenReviewCommand("post-incident-i-1", ReviewKind.POST_INCIDENT,
                "Post-incident review", "i-1", DUE, NOW);
        fixture.givenNoPriorActivity().when(open).expectEvents(OWED);
        fixture.given(OWED).when(open).expectNoEvents();
    }

    @Test
    void canRecordWhoHeldItAndWhatChangedInThePlan() {
        fixture.given(OWED).when(new RecordReviewCommand("post-incident-i-1", true, " RTO of scenario 1 lowered ",
                        "dana", NOW.plusSeconds(60)))
                .expectEvents(new PlanReviewedEvent("post-incident-i-1", ReviewKind.POST_INCIDENT, "i-1", true,
                        "RTO of scenario 1 lowered", "dana", NOW.plusSeconds(60)));
    }

    @Test
    void cannotRecordAReviewTwice() {
        fixture.given(OWED, new PlanReviewedEvent("post-incident-i-1", ReviewKind.POST_INCIDENT, "i-1", false,
                        "nothing to change", "dana", NOW))
                .when(new RecordReviewCommand("post-incident-i-1", false, "again", "erin", NOW.plusSeconds(60)))
                .expectException(RuleRefusedException.class)
                .expectExceptionMessage(containsString("was recorded at " + NOW));
    }

    @Test
    void cannotRecordAReviewThatSaysNothing() {
        fixture.given(OWED).when(new RecordReviewCommand("post-incident-i-1", false, " ", "dana", NOW))
                .expectException(RuleRefusedException.class);
    }
}
