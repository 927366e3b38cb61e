package org.drcc.incident.sla;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.drcc.contract.plan.SlaStatedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceLevelTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final Duration FIVE_MINUTES = Duration.parse("PT5M16S");
    private static final SlaStatedEvent FIVE_NINES = new SlaStatedEvent(new BigDecimal("99.999"), FIVE_MINUTES,
            ServiceLevel.PLAN, NOW);

    private FixtureConfiguration<ServiceLevel> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ServiceLevel.class);
    }

    @Test
    void canStateThePlansSlaWhenFirstKnown() {
        fixture.givenNoPriorActivity().when(state("99.999", FIVE_MINUTES, NOW)).expectEvents(FIVE_NINES);
    }

    @Test
    void cannotStateTheSameSlaTwiceSoARestartRecordsNothing() {
        fixture.given(FIVE_NINES).when(state("99.9990", FIVE_MINUTES, NOW.plusSeconds(60))).expectNoEvents();
    }

    @Test
    void canStateAChangedPlan() {
        Duration hour = Duration.ofMinutes(52);
        fixture.given(FIVE_NINES).when(state("99.99", hour, NOW.plusSeconds(60)))
                .expectEvents(new SlaStatedEvent(new BigDecimal("99.99"), hour, ServiceLevel.PLAN, NOW.plusSeconds(60)));
        fixture.given(FIVE_NINES).when(state("99.999", Duration.ofMinutes(6), NOW.plusSeconds(60)))
                .expectEvents(new SlaStatedEvent(new BigDecimal("99.999"), Duration.ofMinutes(6), ServiceLevel.PLAN,
                        NOW.plusSeconds(60)));
    }

    private static StateSlaCommand state(String availability, Duration maxDowntime, Instant at) {
        return new StateSlaCommand(SlaStatedEvent.SUBJECT, new BigDecimal(availability), maxDowntime, at);
    }
}
