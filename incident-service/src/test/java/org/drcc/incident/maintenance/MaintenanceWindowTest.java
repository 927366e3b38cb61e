package org.drcc.incident.maintenance;

import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.drcc.contract.plan.MaintenanceWindowScheduledEvent;
import org.drcc.kit.rules.RuleRefusedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MaintenanceWindowTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final Instant NIGHT = Instant.parse("2026-12-01T02:00:00Z");

    private FixtureConfiguration<MaintenanceWindow> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MaintenanceWindow.class);
    }

    @Test
    void canScheduleAWindowThatStartsLater() {
        fixture.givenNoPriorActivity()
                .when(schedule(NIGHT, NIGHT.plus(Duration.ofHours(2)), " PostgreSQL minor upgrade "))
                .expectEvents(new MaintenanceWindowScheduledEvent("w-1", NIGHT, NIGHT.plus(Duration.ofHours(2)),
                        "PostgreSQL minor upgrade", "devon", NOW));
    }

    @Test
    void canScheduleTheLongestWindow() {
        fixture.givenNoPriorActivity().when(schedule(NIGHT, NIGHT.plus(MaintenanceWindow.LONGEST), "upgrade"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotExcuseAnOutageAlreadyUnderWay() {
        fixture.givenNoPriorActivity().when(schedule(NOW.minusSeconds(60), NOW.plusSeconds(600), "it broke"))
                .expectException(RuleRefusedException.class)
                .expectExceptionMessage(containsString("an outage already under way is an incident"));
    }

    @Test
    void cannotScheduleAWindowLongerThanANight() {
        fixture.givenNoPriorActivity()
                .when(schedule(NIGHT, NIGHT.plus(MaintenanceWindow.LONGEST).plusSeconds(1), "upgrade"))
                .expectException(RuleRefusedException.class)
                .expectExceptionMessage(containsString("at most PT12H"));
    }

    @Test
    void cannotScheduleAWindowWithoutAReason() {
        fixture.givenNoPriorActivity().when(schedule(NIGHT, NIGHT.plusSeconds(600), " "))
                .expectException(RuleRefusedException.class);
    }

    private static ScheduleMaintenanceWindowCommand schedule(Instant from, Instant to, String reason) {
        return new ScheduleMaintenanceWindowCommand("w-1", from, to, reason, "devon", NOW);
    }
}
