package org.drcc.metrics.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.drcc.metrics.figures.Facts.at;
import static org.drcc.metrics.figures.Facts.declaredAt;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaTest {

    private static final SlaTarget FIVE_NINES = new SlaTarget(new BigDecimal("99.999"));
    private static final Period DAY_ONE = new Period(at(0), at(24));
    private static final Duration YEAR_2026_BUDGET = Duration.ofMillis(315_360);

    @Test
    void fiveNinesAllowTheFiveMinutesAndAQuarterOfThePlanInAYear() {
        assertThat(FIVE_NINES.allowedDowntime(Duration.ofDays(365))).isEqualTo(YEAR_2026_BUDGET);
        assertThat(FIVE_NINES.allowedDowntime(Duration.ofDays(366))).isEqualTo(Duration.ofMillis(316_224));
        assertThat(FIVE_NINES.ratio()).isEqualTo(0.99999);
        assertThatThrownBy(() -> new SlaTarget(new BigDecimal("100"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noOutageIsFullAvailabilityAndTheWholeBudgetLeft() {
        SlaFigures sla = Sla.of(List.of(), List.of(), DAY_ONE, FIVE_NINES, at(48));
        assertThat(sla.period().availability()).isEqualTo(1.0);
        assertThat(sla.period().met()).isTrue();
        assertThat(sla.period().measured()).isEqualTo(Duration.ofHours(24));
        assertThat(sla.errorBudget().year()).isEqualTo(2026);
        assertThat(sla.errorBudget().budget()).isEqualTo(YEAR_2026_BUDGET);
        assertThat(sla.errorBudget().remaining()).isEqualTo(YEAR_2026_BUDGET);
        assertThat(sla.errorBudget().remainingRatio()).isEqualTo(1.0);
        assertThat(sla.errorBudget().burnRates()).containsEntry("5m", 0.0).containsEntry("1h", 0.0);
    }

    @Test
    void anOutageRunsFromItsStartToTheRestoreAndSpendsTheBudget() {
        IncidentFact threeMinutes = declaredAt(1).detectedBefore(0.05).restored(0, 0).build();
        SlaFigures sla = Sla.of(List.of(threeMinutes), List.of(), DAY_ONE, FIVE_NINES, at(48));
        assertThat(sla.period().downtime()).isEqualTo(Duration.ofMinutes(3));
        assertThat(sla.period().availability()).isCloseTo(1.0 - 180.0 / 86_400, within(1e-12));
        assertThat(sla.period().met()).isFalse();
        assertThat(sla.period().outages()).singleElement().satisfies(o -> {
            assertThat(o.from()).isEqualTo(at(0.95));
            assertThat(o.to()).isEqualTo(at(1));
            assertThat(o.restored()).isTrue();
        });
        assertThat(sla.errorBudget().spent()).isEqualTo(Duration.ofMinutes(3));
        assertThat(sla.errorBudget().remaining()).isEqualTo(YEAR_2026_BUDGET.minusMinutes(3));
    }

    @Test
    void oneIncidentAtItsRtoOverspendsTheYearsBudget() {
        IncidentFact atRto = declaredAt(1).restored(2, 0).build();
        ErrorBudget budget = Sla.errorBudget(List.of(atRto), List.of(), FIVE_NINES, at(48));
        assertThat(budget.remaining()).isEqualTo(YEAR_2026_BUDGET.minusHours(2)).isNegative();
        assertThat(budget.remainingRatio()).isLessThan(0);
    }

    @Test
    void plannedMaintenanceIsLeftOutOfTheTimeMeasuredAndOfTheDowntime() {
        IncidentFact twoHours = declaredAt(1).restored(2, 0).build();
        MaintenanceWindow window = new MaintenanceWindow("w-1", at(1), at(2.5), "upgrade", at(0), "e-1");
        Availability a = Sla.availability(List.of(twoHours), List.of(window), DAY_ONE, FIVE_NINES, at(48));
        assertThat(a.maintenance()).isEqualTo(Duration.ofMinutes(90));
        assertThat(a.measured()).isEqualTo(Duration.ofMinutes(24 * 60 - 90));
        assertThat(a.downtime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(a.outages()).singleElement().extracting(Outage::downtime).isEqualTo(Duration.ofMinutes(30));
        assertThat(a.maintenanceWindows()).containsExactly(window);
        ErrorBudget budget = Sla.errorBudget(List.of(twoHours), List.of(window), FIVE_NINES, at(48));
        assertThat(budget.budget()).isEqualTo(FIVE_NINES.allowedDowntime(Duration.ofDays(365).minusMinutes(90)));
        assertThat(budget.spent()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void drillsAndFalseAlarmsAreNoOutagesAndOverlappingOutagesCountOnce() {
        List<IncidentFact> facts = List.of(declaredAt(1).restored(1, 0).build(),
                declaredAt(1.5).restored(1, 0).build(),
                declaredAt(5).drill().restored(1, 0).build(),
                declaredAt(8).cancelledAfter(1).build());
        Availability a = Sla.availability(facts, List.of(), DAY_ONE, FIVE_NINES, at(48));
        assertThat(a.downtime()).isEqualTo(Duration.ofMinutes(90));
        assertThat(a.outages()).hasSize(2);
    }

    @Test
    void anOutageNotRestoredRunsToNowAndARunningPeriodCountsOnlyItsPast() {
        IncidentFact open = declaredAt(1).build();
        Availability a = Sla.availability(List.of(open), List.of(), DAY_ONE, FIVE_NINES, at(3));
        assertThat(a.measured()).isEqualTo(Duration.ofHours(3));
        assertThat(a.downtime()).isEqualTo(Duration.ofHours(2));
        assertThat(a.outages()).singleElement().extracting(Outage::restored).isEqualTo(false);
    }

    @Test
    void aPeriodNotBegunYetHasNoFigureNeitherMetNorMissed() {
        Availability a = Sla.availability(List.of(), List.of(), DAY_ONE, FIVE_NINES, at(0));
        assertThat(a.availability()).isNull();
        assertThat(a.met()).isNull();
    }

    @Test
    void theBurnRateIsTheWindowsDowntimeOverWhatTheTargetAllowsInIt() {
        Instant now = at(10);
        IncidentFact thirtySeconds = declaredAt(10 - 60.0 / 3600).restored(30.0 / 3600, 0).build();
        ErrorBudget budget = Sla.errorBudget(List.of(thirtySeconds), List.of(), FIVE_NINES, now);
        // 5 minutes allow 3 ms at five nines, an hour 36 ms
        assertThat(budget.burnRates().get("5m")).isCloseTo(30_000 / 3.0, within(1e-6));
        assertThat(budget.burnRates().get("1h")).isCloseTo(30_000 / 36.0, within(1e-6));
        assertThat(Sla.errorBudget(List.of(thirtySeconds), List.of(), FIVE_NINES, now.plusSeconds(600))
                .burnRates().get("5m")).isEqualTo(0.0);
    }

    @Test
    void aWindowAllUnderMaintenanceHasNoBurnRate() {
        MaintenanceWindow window = new MaintenanceWindow("w-1", at(9), at(11), "upgrade", at(0), "e-1");
        ErrorBudget budget = Sla.errorBudget(List.of(), List.of(window), FIVE_NINES, at(10));
        assertThat(budget.burnRates().get("5m")).isNull();
        assertThat(budget.burnRates().get("6h")).isEqualTo(0.0);
    }

    @Test
    void theReachIsThePeriodTheYearOfNowToItsEndAndTheLongestBurnWindowBeforeNow() {
        Instant newYear = Instant.parse("2026-01-01T00:00:00Z");
        Instant yearEnd = Instant.parse("2027-01-01T00:00:00Z");
        Instant threeAm = newYear.plus(Duration.ofHours(3));
        assertThat(Sla.reach(new Period(newYear, threeAm), threeAm)).as("the 6 h burn window reaches into 2025")
                .isEqualTo(new Period(threeAm.minus(Duration.ofHours(6)), yearEnd));
        assertThat(Sla.reach(DAY_ONE, at(48))).isEqualTo(new Period(newYear, yearEnd));
        Period years = new Period(Instant.parse("2024-03-01T00:00:00Z"), Instant.parse("2028-01-01T00:00:00Z"));
        assertThat(Sla.reach(years, threeAm)).isEqualTo(years);
    }
}
