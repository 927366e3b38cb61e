package org.drcc.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drcc.recovery.RecoveryRules.LaterRestorePoint.NEGATIVE_LOSS;
import static org.drcc.recovery.RecoveryRules.LaterRestorePoint.UNKNOWN_LOSS;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecoveryRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Duration RTO = Duration.ofHours(2);
    private static final Duration RPO = Duration.ofHours(1);
    private static final Duration OVER_RTO = RTO.plusSeconds(1);
    private static final Duration OVER_RPO = RPO.plusSeconds(1);

    @Test
    void timeToRecoverIsFromDeclarationToRestoreAndUnknownUntilBothAre() {
        assertThat(RecoveryRules.timeToRecover(T0, T0.plus(RTO))).contains(RTO);
        assertThat(RecoveryRules.timeToRecover(T0, null)).isEmpty();
        assertThat(RecoveryRules.timeToRecover(null, T0)).isEmpty();
    }

    @Test
    void reversedInstantsGiveANegativeTimeToRecoverThatMeetsTheRto() {
        assertThat(RecoveryRules.timeToRecover(T0, T0.minusSeconds(60))).contains(Duration.ofSeconds(-60));
        assertThat(RecoveryRules.met(Duration.ofSeconds(-60), RTO)).isEqualTo(Verdict.ACHIEVED);
    }

    @Test
    void dataLossIsFromTheRestorePointToTheDamageStartAndUnknownWithoutEither() {
        assertThat(RecoveryRules.dataLoss(T0.minus(RPO), T0, UNKNOWN_LOSS)).contains(RPO);
        assertThat(RecoveryRules.dataLoss(T0, T0, UNKNOWN_LOSS)).contains(Duration.ZERO);
        assertThat(RecoveryRules.dataLoss(null, T0, NEGATIVE_LOSS)).isEmpty();
        assertThat(RecoveryRules.dataLoss(T0, null, NEGATIVE_LOSS)).isEmpty();
    }

    @Test
    void aRestorePointAfterTheDamageStartIsANegativeLossOrNoneAsTheCallerSays() {
        Instant after = T0.plusSeconds(600);
        assertThat(RecoveryRules.dataLoss(after, T0, NEGATIVE_LOSS)).contains(Duration.ofMinutes(-10));
        assertThat(RecoveryRules.dataLoss(after, T0, UNKNOWN_LOSS)).isEmpty();
    }

    @Test
    void aTargetIsMetUpToAndIncludingItself() {
        assertThat(RecoveryRules.met(RTO, RTO)).isEqualTo(Verdict.ACHIEVED);
        assertThat(RecoveryRules.met(OVER_RTO, RTO)).isEqualTo(Verdict.MISSED);
        assertThat(RecoveryRules.rpo(RPO, RPO)).isEqualTo(Verdict.ACHIEVED);
        assertThat(RecoveryRules.rpo(OVER_RPO, RPO)).isEqualTo(Verdict.MISSED);
    }

    @Test
    void aFigureOrAnRtoNotKnownIsUnknownAndNoRpoTargetIsNotApplicable() {
        assertThat(RecoveryRules.met(null, RTO)).isEqualTo(Verdict.UNKNOWN);
        assertThat(RecoveryRules.met(RTO, null)).isEqualTo(Verdict.UNKNOWN);
        assertThat(RecoveryRules.rpo(null, RPO)).isEqualTo(Verdict.UNKNOWN);
        assertThat(RecoveryRules.rpo(null, null)).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(RecoveryRules.rpo(OVER_RPO, null)).isEqualTo(Verdict.NOT_APPLICABLE);
    }

    @Test
    void anRtoAsOfIsPendingUntilItElapsesUnrestoredThenMissed() {
        assertThat(RecoveryRules.rto(T0, null, RTO, T0.plus(RTO))).isEqualTo(Verdict.PENDING);
        assertThat(RecoveryRules.rto(T0, null, RTO, T0.plus(OVER_RTO))).isEqualTo(Verdict.MISSED);
        assertThat(RecoveryRules.rto(T0, T0.plus(RTO), RTO, T0.plus(RTO.multipliedBy(9))))
                .isEqualTo(Verdict.ACHIEVED);
        assertThat(RecoveryRules.rto(T0, T0.plus(OVER_RTO), RTO, T0)).isEqualTo(Verdict.MISSED);
    }

    @Test
    void anRtoAsOfIsPendingWhileTheDeclarationIsNotKnown() {
        assertThat(RecoveryRules.rto(null, T0, RTO, T0.plus(RTO.multipliedBy(9)))).isEqualTo(Verdict.PENDING);
    }

    @Test
    void aTestPassesWithinBothTargetsIncludingExactlyAtThem() {
        assertThat(RecoveryRules.missedTargets(RTO, RTO, RPO, RPO)).isEmpty();
        assertThat(RecoveryRules.missedTargets(RTO, RTO, null, null)).isEmpty();
        assertThat(RecoveryRules.missedTargets(RTO, RTO, OVER_RPO, null)).isEmpty();
    }

    @Test
    void aTestFailsOnTheRtoFirstThenOnTheRpo() {
        assertThat(RecoveryRules.missedTargets(null, RTO, OVER_RPO, RPO)).contains("the RTO was not measured");
        assertThat(RecoveryRules.missedTargets(RTO, null, RPO, RPO)).contains("the RTO was not measured");
        assertThat(RecoveryRules.missedTargets(OVER_RTO, RTO, OVER_RPO, RPO))
                .contains("RTO PT2H1S exceeds the target PT2H");
        assertThat(RecoveryRules.missedTargets(RTO, RTO, null, RPO)).contains("the RPO was not measured");
        assertThat(RecoveryRules.missedTargets(RTO, RTO, OVER_RPO, RPO))
                .contains("RPO PT1H1S exceeds the target PT1H");
    }

    @Test
    void aNegativeLossMeetsTheRpo() {
        assertThat(RecoveryRules.missedTargets(RTO, RTO, Duration.ofMinutes(-10), RPO)).isEmpty();
    }
}
