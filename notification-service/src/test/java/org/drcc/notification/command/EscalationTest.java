package org.drcc.notification.command;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.drcc.contract.notification.NotificationEscalatedEvent;
import org.junit.jupiter.api.Test;

class EscalationTest {

    private static final Instant AT = Instant.parse("2026-11-25T10:15:00Z");
    private static final String ID = EscalateCommand.idOf("e-1", "immediate");

    private final AggregateTestFixture<Escalation> fixture = new AggregateTestFixture<>(Escalation.class);

    @Test
    void canEscalateADeclaration() {
        fixture.givenNoPriorActivity()
                .when(new EscalateCommand(ID, "i-1", "e-1", "immediate", Duration.ofMinutes(15), AT))
                .expectEvents(new NotificationEscalatedEvent(ID, "i-1", "e-1", "immediate", Duration.ofMinutes(15), AT));
    }

    @Test
    void cannotEscalateTheSameDeclarationTwice() {
        fixture.given(new NotificationEscalatedEvent(ID, "i-1", "e-1", "immediate", Duration.ofMinutes(15), AT))
                .when(new EscalateCommand(ID, "i-1", "e-1", "immediate", Duration.ofMinutes(15), AT.plusSeconds(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
