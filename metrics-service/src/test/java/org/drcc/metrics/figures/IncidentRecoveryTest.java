package org.drcc.metrics.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drcc.metrics.figures.Facts.at;
import static org.drcc.metrics.figures.Facts.declaredAt;

import java.time.Duration;
import java.time.Instant;
import org.drcc.recovery.Verdict;
import org.junit.jupiter.api.Test;

class IncidentRecoveryTest {

    private static final Instant LATER = at(1000);

    private static IncidentRecovery recovery(IncidentFact f) {
        return IncidentRecovery.of(f, LATER);
    }

    @Test
    void timeToRecoverIsFromDetectionToRestore() {
        assertThat(recovery(declaredAt(1).restored(1.5, 0).build()).timeToRecover())
                .isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void theRecoveryClockStartsWhenServiceWasLostAndNamesBothEvents() {
        IncidentFact f = declaredAt(1).detectedBefore(0.5).restored(1, 0).build();
        IncidentRecovery r = recovery(f);
        assertThat(r.timeToRecover()).isEqualTo(Duration.ofMinutes(90));
        assertThat(r.recoveryClock().from().field()).isEqualTo("detectedAt");
        assertThat(r.recoveryClock().from().eventType()).isEqualTo("dr.incident.declared.v1");
        assertThat(r.recoveryClock().to().eventType()).isEqualTo("dr.incident.restored.v1");
        assertThat(r.recoveryClock().to().at()).isEqualTo(f.restoredAt());
    }

    @Test
    void aLinkedRestoresDataLossIsReadFromBackupServicesEvent() {
        IncidentFact typed = declaredAt(0).restored(1, 30).build();
        IncidentFact f = new IncidentFact(typed.incidentId(), typed.scenario(), typed.severity(), false, typed.rto(),
                typed.rpo(), typed.detectedAt(), typed.suspectedDamageStart(), typed.declaredAt(), typed.restoredAt(),
                typed.restorePoint(), typed.backupId(), null, null, "e-declared", "e-restored", "LINKED", "e-backup");
        assertThat(recovery(f).dataLossClock().from()).isEqualTo(new Measured.End(typed.restorePoint(),
                "dr.backup.restored.v1", "e-backup", "restorePoint"));
        assertThat(recovery(f).dataLossClock().to()).isEqualTo(new Measured.End(typed.suspectedDamageStart(),
                "dr.incident.declared.v1", "e-declared", "suspectedDamageStart"));
        assertThat(recovery(f).restoreEvidence()).isEqualTo("LINKED");
        assertThat(recovery(typed).dataLossClock().from().eventType()).as("typed: only the incident's own event")
                .isEqualTo("dr.incident.restored.v1");
    }

    @Test
    void anOpenIncidentHasNoTimeToRecover() {
        assertThat(recovery(declaredAt(1).build()).timeToRecover()).isNull();
    }

    @Test
    void rtoIsAchievedUpToAndIncludingTheTarget() {
        assertThat(recovery(declaredAt(0).restored(2, 0).build()).rto()).isEqualTo(Verdict.ACHIEVED);
        assertThat(recovery(declaredAt(0).restored(2.001, 0).build()).rto()).isEqualTo(Verdict.MISSED);
    }

    @Test
    void anOpenIncidentIsPendingUntilItsRtoHasElapsedThenMissed() {
        IncidentFact open = declaredAt(0).build();
        assertThat(IncidentRecovery.of(open, at(2)).rto()).isEqualTo(Verdict.PENDING);
        assertThat(IncidentRecovery.of(open, at(2.01)).rto()).isEqualTo(Verdict.MISSED);
    }

    @Test
    void aCancelledFalseAlarmHasNoRtoNorRpo() {
        IncidentFact cancelled = declaredAt(0).cancelledAfter(5).build();
        assertThat(recovery(cancelled).rto()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(recovery(cancelled).rpo()).isEqualTo(Verdict.NOT_APPLICABLE);
    }

    @Test
    void dataLossIsFromTheRestorePointToTheSuspectedDamageStart() {
        IncidentFact f = declaredAt(0).restored(1, 45).build();
        assertThat(recovery(f).dataLoss()).isEqualTo(Duration.ofMinutes(45));
        assertThat(recovery(f).rpo()).isEqualTo(Verdict.ACHIEVED);
    }

    @Test
    void rpoIsAchievedUpToAndIncludingTheTarget() {
        assertThat(recovery(declaredAt(0).restored(1, 60).build()).rpo()).isEqualTo(Verdict.ACHIEVED);
        assertThat(recovery(declaredAt(0).restored(1, 61).build()).rpo()).isEqualTo(Verdict.MISSED);
    }

    @Test
    void aScenarioWithoutRpoHasNoRpoVerdict() {
        assertThat(recovery(declaredAt(0).noRpo().restored(1, 600).build()).rpo())
                .isEqualTo(Verdict.NOT_APPLICABLE);
    }

    @Test
    void withoutASuspectedDamageStartTheRpoIsUnknownNotAchieved() {
        IncidentFact f = declaredAt(0).noDamageStart().restored(1, 0).build();
        assertThat(recovery(f).dataLoss()).isNull();
        assertThat(recovery(f).rpo()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void aRestorePointAfterTheDamageStartIsUnknownNotAZeroLoss() {
        IncidentFact f = declaredAt(0).restored(1, -10).build();
        assertThat(recovery(f).dataLoss()).isNull();
        assertThat(recovery(f).rpo()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void theRpoOfAnIncidentNotRestoredYetIsPending() {
        assertThat(recovery(declaredAt(0).build()).rpo()).isEqualTo(Verdict.PENDING);
    }

    @Test
    void factsSeenBeforeTheirDeclarationArePending() {
        IncidentFact f = new IncidentFact("x", "s", null, false, Duration.ofHours(2), null, null, null, null,
                at(1), null, null, null, null);
        assertThat(recovery(f).timeToRecover()).isNull();
        assertThat(recovery(f).rto()).isEqualTo(Verdict.PENDING);
    }
}
