package org.drcc.metrics.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drcc.metrics.figures.Facts.at;
import static org.drcc.metrics.figures.Facts.declaredAt;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FiguresTest {

    private static final Period DAY_ONE = new Period(at(0), at(24));
    private static final Instant LATER = at(1000);

    private static PeriodFigures figures(Facts... facts) {
        return Figures.of(List.of(facts).stream().map(Facts::build).toList(), List.of(), DAY_ONE, LATER);
    }

    @Test
    void anEmptyPeriodHasNoDataNeverZeroNorAHundredPercent() {
        PeriodFigures f = figures();
        assertThat(f.mttr()).isNull();
        assertThat(f.mtbf()).isNull();
        assertThat(f.rtoAchievement()).isEqualTo(new Rate(0, 0, null));
        assertThat(f.rpoAchievement().ratio()).isNull();
        assertThat(f.testSuccess().ratio()).isNull();
        assertThat(f.counts()).isEqualTo(new PeriodCounts(0, 0, 0, 0, 0));
    }

    @Test
    void mttrIsTheMeanOverRestoredRealIncidentsOnly() {
        PeriodFigures f = figures(declaredAt(1).restored(1, 0), declaredAt(2).restored(3, 0), declaredAt(3),
                declaredAt(4).drill().restored(10, 0));
        assertThat(f.mttr()).isEqualTo(Duration.ofHours(2));
        assertThat(f.counts()).isEqualTo(new PeriodCounts(3, 0, 1, 2, 3));
    }

    @Test
    void openIncidentsAreNotInMttrNorInTheRatesUntilTheirRtoElapses() {
        PeriodFigures f = Figures.of(List.of(declaredAt(23).build()), List.of(), DAY_ONE, at(24));
        assertThat(f.mttr()).isNull();
        assertThat(f.rtoAchievement()).isEqualTo(Rate.of(0, 0));
        assertThat(f.rpoAchievement()).isEqualTo(Rate.of(0, 0));
        assertThat(f.counts().open()).isEqualTo(1);
        assertThat(Figures.of(List.of(declaredAt(23).build()), List.of(), DAY_ONE, at(26)).rtoAchievement())
                .isEqualTo(Rate.of(0, 1));
    }

    @Test
    void mtbfIsOperatingTimeDividedByFailuresDrillsAndFalseAlarmsAreNoFailures() {
        PeriodFigures f = figures(declaredAt(1).restored(1, 0), declaredAt(4).restored(2, 0),
                declaredAt(13).restored(3, 0), declaredAt(2).drill().restored(10, 0), declaredAt(3).cancelledAfter(1));
        assertThat(f.mtbf()).as("(24 h - 6 h down) / 3 failures").isEqualTo(Duration.ofHours(6));
        assertThat(f.counts().falseAlarms()).isEqualTo(1);
    }

    @Test
    void oneFailureIsEnoughForAFigure() {
        assertThat(figures(declaredAt(1).restored(2, 0)).mtbf()).isEqualTo(Duration.ofHours(22));
    }

    @Test
    void noFailureNoFigure() {
        assertThat(figures(declaredAt(2).drill().restored(1, 0), declaredAt(3).cancelledAfter(1)).mtbf()).isNull();
    }

    @Test
    void aPeriodStillRunningCountsOnlyItsPastAsOperatingTime() {
        PeriodFigures f = Figures.of(List.of(declaredAt(1).restored(1, 0).build()), List.of(), DAY_ONE, at(12));
        assertThat(f.mtbf()).isEqualTo(Duration.ofHours(11));
    }

    @Test
    void downtimeRunsFromDetectionAndOnlyItsPartInsideThePeriodCounts() {
        PeriodFigures f = figures(declaredAt(-1).detectedBefore(1).restored(3, 0),
                declaredAt(10).detectedBefore(0.5).restored(0.5, 0));
        assertThat(f.mtbf()).as("declared the day before: not a failure of this day, but down until 02:00")
                .isEqualTo(Duration.ofHours(21));
    }

    @Test
    void overlappingOutagesAreDowntimeOnce() {
        assertThat(figures(declaredAt(1).restored(3, 0), declaredAt(2).restored(1, 0)).mtbf())
                .isEqualTo(Duration.ofMinutes(630));
    }

    @Test
    void anIncidentNotRestoredIsDownUntilNowOrThePeriodEnd() {
        assertThat(Figures.of(List.of(declaredAt(20).build()), List.of(), DAY_ONE, at(30)).mtbf()).isEqualTo(Duration.ofHours(20));
        assertThat(Figures.of(List.of(declaredAt(20).build()), List.of(), DAY_ONE, at(22)).mtbf()).isEqualTo(Duration.ofHours(20));
    }

    @Test
    void ratesCountDecidedIncidentsAndLeaveScenariosWithoutRpoOutOfTheRpoRate() {
        PeriodFigures f = figures(declaredAt(1).restored(1, 10), declaredAt(2).restored(5, 90),
                declaredAt(3).noRpo().restored(1, 0), declaredAt(4).noDamageStart().restored(1, 0),
                declaredAt(5).cancelledAfter(1));
        assertThat(f.rtoAchievement()).isEqualTo(Rate.of(3, 4));
        assertThat(f.rpoAchievement()).isEqualTo(new Rate(1, 3, 1.0 / 3));
    }

    private static DrillFact passed(String id, double startedAt, double passedAt) {
        return new DrillFact(id, "database-corruption", "manual", at(startedAt), "i-" + id, at(passedAt), null, null,
                "e-" + id);
    }

    private static DrillFact failed(String id, double startedAt, double failedAt, String incidentId) {
        return new DrillFact(id, "point-in-time-recovery", "manual", at(startedAt), incidentId, null, at(failedAt),
                "step 'backup-ready' failed", "e-" + id);
    }

    private static DrillFact running(String id, double startedAt) {
        return new DrillFact(id, "application-failover", "manual", at(startedAt), null, null, null, null, null);
    }

    private static Rate testSuccess(DrillFact... drills) {
        return Figures.of(List.of(), List.of(drills), DAY_ONE, LATER).testSuccess();
    }

    @Test
    void noDrillFinishedIsNoDataNotAHundredPercent() {
        assertThat(testSuccess()).isEqualTo(new Rate(0, 0, null));
        assertThat(testSuccess(running("r", 1), passed("before", -3, -1), passed("after", 23, 25)).ratio())
                .as("running, finished the day before, finished the day after").isNull();
    }

    @Test
    void aDrillIncidentRestoredInTimeIsNoTestSuccessWithoutTheDrillsOwnOutcome() {
        PeriodFigures f = figures(declaredAt(1).drill().restored(1, 10));
        assertThat(f.testSuccess().ratio()).isNull();
        assertThat(f.counts().drills()).as("still counted as a drill incident").isEqualTo(1);
    }

    @Test
    void aDrillThatFailedWithoutAnIncidentCountsAsAFailure() {
        assertThat(testSuccess(failed("f", 1, 1.5, null))).isEqualTo(Rate.of(0, 1));
        Rate rate = testSuccess(passed("p", 2, 3), failed("f", 1, 1.5, null), running("r", 4));
        assertThat(rate).isEqualTo(Rate.of(1, 2));
        assertThat(rate.ratio()).isEqualTo(0.5);
    }

    @Test
    void aDrillBelongsToThePeriodItFinishedInTheStartIncludedTheEndExcluded() {
        assertThat(testSuccess(passed("at-start", -1, 0), failed("at-end", 23, 24, "i-2"),
                failed("started-in-finished-after", 20, 24.5, null))).isEqualTo(Rate.of(1, 1));
        assertThat(testSuccess(passed("last-second", 23, 24 - 1.0 / 3600))).isEqualTo(Rate.of(1, 1));
    }

    @Test
    void aDrillReportedBothPassedAndFailedCountsAsFailed() {
        DrillFact both = new DrillFact("b", "database-corruption", "manual", at(1), null, at(2), at(3), "late", "e");
        assertThat(both.passed()).isFalse();
        assertThat(both.finishedAt()).isEqualTo(at(3));
        assertThat(testSuccess(both)).isEqualTo(Rate.of(0, 1));
    }

    @Test
    void anIncidentBelongsToThePeriodItWasDeclaredInWhicheverDayItIsRestored() {
        PeriodFigures f = figures(declaredAt(23).restored(3, 0), declaredAt(24).restored(1, 0),
                declaredAt(-1).restored(1, 0));
        assertThat(f.mttr()).isEqualTo(Duration.ofHours(3));
        assertThat(f.counts().incidents()).isEqualTo(1);
    }

    @Test
    void closedIncidentsAreNotOpen() {
        assertThat(figures(declaredAt(1).restored(1, 0).closedAfter(5), declaredAt(2).restored(1, 0))
                .counts().open()).isEqualTo(1);
    }
}
