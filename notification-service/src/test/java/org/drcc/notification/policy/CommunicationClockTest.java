package org.drcc.notification.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.IncidentTargets;
import org.drcc.contract.incident.PhaseWindowBreachedEvent;
import org.drcc.contract.incident.Phase;
import org.drcc.contract.incident.Severity;
import org.junit.jupiter.api.Test;

/** The plan's communication deadlines count from the incident's detection, as its RTO does. */
class CommunicationClockTest {

    private static final Instant DECLARED = Instant.parse("2026-12-05T10:10:00Z");

    @Test
    void aDeclarationMadeAfterTheDetectionHasThatMuchLessTime() {
        Instant detected = DECLARED.minus(Duration.ofMinutes(10));
        assertThat(NotificationPolicy.clockStart(declared(detected)).plus(Duration.ofMinutes(15)))
                .as("the immediate tier's 15 minutes, 10 of them gone before the declaration")
                .isEqualTo(DECLARED.plus(Duration.ofMinutes(5)));
    }

    @Test
    void withoutADetectionTimeOrWithOneAfterTheDeclarationTheClockStartsAtTheDeclaration() {
        assertThat(NotificationPolicy.clockStart(declared(null))).isEqualTo(DECLARED);
        assertThat(NotificationPolicy.clockStart(declared(DECLARED.plusSeconds(5)))).isEqualTo(DECLARED);
        assertThat(NotificationPolicy.clockStart(new PhaseWindowBreachedEvent("i-1",
                new IncidentTargets("database-corruption", Duration.ofHours(2), Duration.ofHours(1), false),
                Phase.ASSESSMENT, DECLARED, "incident-service", DECLARED.plusSeconds(1))))
                .isEqualTo(DECLARED.plusSeconds(1));
    }

    private static IncidentDeclaredEvent declared(Instant detectedAt) {
        return new IncidentDeclaredEvent("i-1", "database-corruption", "Orders table corrupted", null, Severity.HIGH,
                Duration.ofHours(2), Duration.ofHours(1), detectedAt, null, false, "alice", DECLARED);
    }
}
