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
        return Figures.of(List.of(facts).stream().map(Facts::build).toList(), DAY_ONE, LATER);
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
        PeriodFigures f = Figures.of(List.of(declaredAt(23).build()), DAY_ONE, at(24));
        assertThat(f.mttr()).isNull();
        assertThat(f.rtoAchievement()).isEqualTo(Rate.of(0, 0));
        assertThat(f.rpoAchievement()).isEqualTo(Rate.of(0, 0));
        assertThat(f.counts().open()).isEqualTo(1);
        assertThat(Figures.of(List.of(declaredAt(23).build()), DAY_ONE, at(26)).rtoAchievement())
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
        PeriodFigures f = Figures.of(List.of(declaredAt(1).restored(1, 0).build()), DAY_ONE, at(12));
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
        assertThat(Figures.of(List.of(declaredAt(20).build()), DAY_ONE, at(30)).mtbf()).isEqualTo(Duration.ofHours(20));
        assertThat(Figures.of(List.of(declaredAt(20).build()), DAY_ONE, at(22)).mtbf()).isEqualTo(Duration.ofHours(20));
    }

    @Test
    void ratesCountDecidedIncidentsAndLeaveScenariosWithoutRpoOutOfTheRpoRate() {
        PeriodFigures f = figures(declaredAt(1).restored(1, 10), declaredAt(2).restored(5, 90),
                declaredAt(3).noRpo().restored(1, 0), declaredAt(4).noDamageStart().restored(1, 0),
                declaredAt(5).cancelledAfter(1));
        assertThat(f.rtoAchievement()).isEqualTo(Rate.of(3, 4));
        assertThat(f.rpoAchievement()).isEqualTo(new Rate(1, 3, 1.0 / 3));
    }

    @Test
    void testSuccessCountsDecidedDrillsOnly() {
        PeriodFigures f = Figures.of(List.of(declaredAt(1).drill().restored(1, 10).build(),
                declaredAt(2).drill().restored(3, 10).build(), declaredAt(3).drill().cancelledAfter(1).build(),
                declaredAt(4).drill().build(), declaredAt(5).restored(9, 10).build()), DAY_ONE, at(5.5));
        assertThat(f.testSuccess()).isEqualTo(Rate.of(1, 3));
        assertThat(f.testSuccess().ratio()).isEqualTo(1.0 / 3);
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
