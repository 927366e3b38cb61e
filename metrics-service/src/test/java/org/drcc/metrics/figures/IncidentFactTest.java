package org.drcc.metrics.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drcc.metrics.figures.Facts.at;
import static org.drcc.metrics.figures.Facts.declaredAt;

import java.time.Duration;
import java.time.Instant;
import org.drcc.recovery.Verdict;
import org.junit.jupiter.api.Test;

class IncidentFactTest {

    private static final Instant LATER = at(1000);

    @Test
    void timeToRecoverIsFromDeclarationToRestore() {
        assertThat(declaredAt(1).restored(1.5, 0).build().timeToRecover())
                .contains(Duration.ofMinutes(90));
    }

    @Test
    void anOpenIncidentHasNoTimeToRecover() {
        assertThat(declaredAt(1).build().timeToRecover()).isEmpty();
    }

    @Test
    void rtoIsAchievedUpToAndIncludingTheTarget() {
        assertThat(declaredAt(0).restored(2, 0).build().rtoVerdict(LATER)).isEqualTo(Verdict.ACHIEVED);
        assertThat(declaredAt(0).restored(2.001, 0).build().rtoVerdict(LATER)).isEqualTo(Verdict.MISSED);
    }

    @Test
    void anOpenIncidentIsPendingUntilItsRtoHasElapsedThenMissed() {
        IncidentFact open = declaredAt(0).build();
        assertThat(open.rtoVerdict(at(2))).isEqualTo(Verdict.PENDING);
        assertThat(open.rtoVerdict(at(2.01))).isEqualTo(Verdict.MISSED);
    }

    @Test
    void aCancelledFalseAlarmHasNoRtoNorRpo() {
        IncidentFact cancelled = declaredAt(0).cancelledAfter(5).build();
        assertThat(cancelled.rtoVerdict(LATER)).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(cancelled.rpoVerdict()).isEqualTo(Verdict.NOT_APPLICABLE);
    }

    @Test
    void dataLossIsFromTheRestorePointToTheSuspectedDamageStart() {
        IncidentFact f = declaredAt(0).restored(1, 45).build();
        assertThat(f.dataLoss()).contains(Duration.ofMinutes(45));
        assertThat(f.rpoVerdict()).isEqualTo(Verdict.ACHIEVED);
    }

    @Test
    void rpoIsAchievedUpToAndIncludingTheTarget() {
        assertThat(declaredAt(0).restored(1, 60).build().rpoVerdict()).isEqualTo(Verdict.ACHIEVED);
        assertThat(declaredAt(0).restored(1, 61).build().rpoVerdict()).isEqualTo(Verdict.MISSED);
    }

    @Test
    void aScenarioWithoutRpoHasNoRpoVerdict() {
        assertThat(declaredAt(0).noRpo().restored(1, 600).build().rpoVerdict())
                .isEqualTo(Verdict.NOT_APPLICABLE);
    }

    @Test
    void withoutASuspectedDamageStartTheRpoIsUnknownNotAchieved() {
        IncidentFact f = declaredAt(0).noDamageStart().restored(1, 0).build();
        assertThat(f.dataLoss()).isEmpty();
        assertThat(f.rpoVerdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void aRestorePointAfterTheDamageStartIsUnknownNotAZeroLoss() {
        IncidentFact f = declaredAt(0).restored(1, -10).build();
        assertThat(f.dataLoss()).isEmpty();
        assertThat(f.rpoVerdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void theRpoOfAnIncidentNotRestoredYetIsPending() {
        assertThat(declaredAt(0).build().rpoVerdict()).isEqualTo(Verdict.PENDING);
    }

    @Test
    void aDrillSucceedsOnlyWhenRestoredWithinRtoAndRpo() {
        assertThat(declaredAt(0).drill().restored(1, 10).build().drillSucceeded(LATER)).contains(true);
        assertThat(declaredAt(0).drill().noRpo().restored(1, 0).build().drillSucceeded(LATER))
                .contains(true);
        assertThat(declaredAt(0).drill().restored(3, 10).build().drillSucceeded(LATER)).contains(false);
        assertThat(declaredAt(0).drill().restored(1, 90).build().drillSucceeded(LATER)).contains(false);
        assertThat(declaredAt(0).drill().noDamageStart().restored(1, 0).build().drillSucceeded(LATER))
                .contains(false);
    }

    @Test
    void aCancelledDrillFailedAndARunningOneIsUndecided() {
        assertThat(declaredAt(0).drill().cancelledAfter(1).build().drillSucceeded(LATER))
                .contains(false);
        assertThat(declaredAt(0).drill().build().drillSucceeded(at(1))).isEmpty();
        assertThat(declaredAt(0).drill().build().drillSucceeded(at(3))).contains(false);
    }

    @Test
    void factsSeenBeforeTheirDeclarationArePending() {
        IncidentFact f = new IncidentFact("x", "s", null, false, Duration.ofHours(2), null, null, null, null,
                at(1), null, null, null, null);
        assertThat(f.timeToRecover()).isEmpty();
        assertThat(f.rtoVerdict(LATER)).isEqualTo(Verdict.PENDING);
    }
}
