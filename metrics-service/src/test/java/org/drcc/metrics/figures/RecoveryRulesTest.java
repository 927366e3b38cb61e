package org.drcc.metrics.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drcc.metrics.figures.Facts.at;
import static org.drcc.metrics.figures.Facts.declaredAt;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecoveryRulesTest {

    private static final Instant LATER = at(1000);

    @Test
    void timeToRecoverIsFromDeclarationToRestore() {
        assertThat(RecoveryRules.timeToRecover(declaredAt(1).restored(1.5, 0).build()))
                .contains(Duration.ofMinutes(90));
    }

    @Test
    void anOpenIncidentHasNoTimeToRecover() {
        assertThat(RecoveryRules.timeToRecover(declaredAt(1).build())).isEmpty();
    }

    @Test
    void rtoIsAchievedUpToAndIncludingTheTarget() {
        assertThat(RecoveryRules.rto(declaredAt(0).restored(2, 0).build(), LATER)).isEqualTo(Verdict.ACHIEVED);
        assertThat(RecoveryRules.rto(declaredAt(0).restored(2.001, 0).build(), LATER)).isEqualTo(Verdict.MISSED);
    }

    @Test
    void anOpenIncidentIsPendingUntilItsRtoHasElapsedThenMissed() {
        IncidentFact open = declaredAt(0).build();
        assertThat(RecoveryRules.rto(open, at(2))).isEqualTo(Verdict.PENDING);
        assertThat(RecoveryRules.rto(open, at(2.01))).isEqualTo(Verdict.MISSED);
    }

    @Test
    void aCancelledFalseAlarmHasNoRtoNorRpo() {
        IncidentFact cancelled = declaredAt(0).cancelledAfter(5).build();
        assertThat(RecoveryRules.rto(cancelled, LATER)).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(RecoveryRules.rpo(cancelled)).isEqualTo(Verdict.NOT_APPLICABLE);
    }

    @Test
    void dataLossIsFromTheRestorePointToTheSuspectedDamageStart() {
        IncidentFact f = declaredAt(0).restored(1, 45).build();
        assertThat(RecoveryRules.dataLoss(f)).contains(Duration.ofMinutes(45));
        assertThat(RecoveryRules.rpo(f)).isEqualTo(Verdict.ACHIEVED);
    }

    @Test
    void rpoIsAchievedUpToAndIncludingTheTarget() {
        assertThat(RecoveryRules.rpo(declaredAt(0).restored(1, 60).build())).isEqualTo(Verdict.ACHIEVED);
        assertThat(RecoveryRules.rpo(declaredAt(0).restored(1, 61).build())).isEqualTo(Verdict.MISSED);
    }

    @Test
    void aScenarioWithoutRpoHasNoRpoVerdict() {
        assertThat(RecoveryRules.rpo(declaredAt(0).noRpo().restored(1, 600).build()))
                .isEqualTo(Verdict.NOT_APPLICABLE);
    }

    @Test
    void withoutASuspectedDamageStartTheRpoIsUnknownNotAchieved() {
        IncidentFact f = declaredAt(0).noDamageStart().restored(1, 0).build();
        assertThat(RecoveryRules.dataLoss(f)).isEmpty();
        assertThat(RecoveryRules.rpo(f)).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void aRestorePointAfterTheDamageStartIsUnknownNotAZeroLoss() {
        IncidentFact f = declaredAt(0).restored(1, -10).build();
        assertThat(RecoveryRules.dataLoss(f)).isEmpty();
        assertThat(RecoveryRules.rpo(f)).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void theRpoOfAnIncidentNotRestoredYetIsPending() {
        assertThat(RecoveryRules.rpo(declaredAt(0).build())).isEqualTo(Verdict.PENDING);
    }

    @Test
    void aDrillSucceedsOnlyWhenRestoredWithinRtoAndRpo() {
        assertThat(RecoveryRules.drillSucceeded(declaredAt(0).drill().restored(1, 10).build(), LATER)).contains(true);
        assertThat(RecoveryRules.drillSucceeded(declaredAt(0).drill().noRpo().restored(1, 0).build(), LATER))
                .contains(true);
        assertThat(RecoveryRules.drillSucceeded(declaredAt(0).drill().restored(3, 10).build(), LATER)).contains(false);
        assertThat(RecoveryRules.drillSucceeded(declaredAt(0).drill().restored(1, 90).build(), LATER)).contains(false);
        assertThat(RecoveryRules.drillSucceeded(declaredAt(0).drill().noDamageStart().restored(1, 0).build(), LATER))
                .contains(false);
    }

    @Test
    void aCancelledDrillFailedAndARunningOneIsUndecided() {
        assertThat(RecoveryRules.drillSucceeded(declaredAt(0).drill().cancelledAfter(1).build(), LATER))
                .contains(false);
        assertThat(RecoveryRules.drillSucceeded(declaredAt(0).drill().build(), at(1))).isEmpty();
        assertThat(RecoveryRules.drillSucceeded(declaredAt(0).drill().build(), at(3))).contains(false);
    }

    @Test
    void factsSeenBeforeTheirDeclarationArePending() {
        IncidentFact f = new IncidentFact("x", "s", null, false, Duration.ofHours(2), null, null, null, null,
                at(1), null, null, null, null);
        assertThat(RecoveryRules.timeToRecover(f)).isEmpty();
        assertThat(RecoveryRules.rto(f, LATER)).isEqualTo(Verdict.PENDING);
    }
}
