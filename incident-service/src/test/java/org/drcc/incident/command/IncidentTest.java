package org.drcc.incident.command;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.Severity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IncidentTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant DETECTED = NOW.minusSeconds(600);
    private static final Instant DAMAGE = NOW.minusSeconds(3600);

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
    }

    @Test
    void canDeclareWithTheScenarioTargets() {
        fixture.givenNoPriorActivity()
                .when(declare("Orders table corrupted", DAMAGE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new IncidentDeclaredEvent("i-1", "database-corruption", "Orders table corrupted",
                        "checksum errors", Severity.HIGH, Duration.ofHours(2), Duration.ofHours(1), DETECTED, DAMAGE,
                        false, "alice", NOW));
    }

    @Test
    void cannotDeclareWithoutTitle() {
        fixture.givenNoPriorActivity()
                .when(declare("  ", DAMAGE))
                .expectException(IncidentRuleException.class)
                .expectNoEvents();
    }

    @Test
    void cannotDeclareDamageThatStartedAfterItWasDetected() {
        fixture.givenNoPriorActivity()
                .when(declare("Orders table corrupted", DETECTED.plusSeconds(1)))
                .expectException(IncidentRuleException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("after detectedAt"))
                .expectNoEvents();
    }

    @Test
    void cannotDeclareDetectionInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(new DeclareIncidentCommand("i-1", "database-corruption", "t", null, Severity.HIGH,
                        Duration.ofHours(2), null, NOW.plusSeconds(60), null, false, "alice", NOW))
                .expectException(IncidentRuleException.class)
                .expectNoEvents();
    }

    private static DeclareIncidentCommand declare(String title, Instant damage) {
        return new DeclareIncidentCommand("i-1", "database-corruption", title, "checksum errors", Severity.HIGH,
                Duration.ofHours(2), Duration.ofHours(1), DETECTED, damage, false, "alice", NOW);
    }
}
