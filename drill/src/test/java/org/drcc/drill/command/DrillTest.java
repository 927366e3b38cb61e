package org.drcc.drill.command;

import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.drcc.contract.drill.DrillFailedEvent;
import org.drcc.contract.drill.DrillIncidentDeclaredEvent;
import org.drcc.contract.drill.DrillPassedEvent;
import org.drcc.contract.drill.DrillReportStoredEvent;
import org.drcc.contract.drill.DrillStartedEvent;
import org.drcc.contract.drill.DrillStepRecordedEvent;
import org.drcc.kit.rules.RuleRefusedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DrillTest {

    private static final String ID = "d-1";
    private static final String SCENARIO = "database-corruption";
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(30);
    private static final Instant POINT = T0.minusSeconds(600);
    private static final Duration RTO_TARGET = Duration.ofHours(2);
    private static final Duration RPO_TARGET = Duration.ofHours(1);

    private AggregateTestFixture<Drill> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Drill.class);
    }

    private static DrillStartedEvent started() {
        return new DrillStartedEvent(ID, SCENARIO, "foodtruck", "manual", "alice", T0);
    }

    private static DrillStepRecordedEvent step(String name, String outcome) {
        return new DrillStepRecordedEvent(ID, SCENARIO, name, outcome, "detail", T0, T1, "alice", T1);
    }

    private static Measurement measured(Duration rto, Duration rpo) {
        return new Measurement("b-1", POINT, rto, RTO_TARGET, rpo, RPO_TARGET);
    }

    @Test
    void canStartADrillOfAKnownScenario() {
        fixture.givenNoPriorActivity()
                .when(new StartDrillCommand(ID, DrillScenario.DATABASE_CORRUPTION, "foodtruck", "manual", "alice", T0))
                .expectEvents(started());
    }

    @Test
    void canRecordItsIncidentAndItsSteps() {
        fixture.given(started())
                .when(new RecordDrillIncidentCommand(ID, "i-1", T1))
                .expectEvents(new DrillIncidentDeclaredEvent(ID, SCENARIO, "i-1", "alice", T1));
        fixture.given(started())
                .when(new RecordDrillStepCommand(ID, "damage done", true, "detail", T0, T1))
                .expectEvents(step("damage done", "OK"));
    }

    @Test
    void canPassWhenEveryStepWorkedAndBothTargetsAreMet() {
        fixture.given(started(), new DrillIncidentDeclaredEvent(ID, SCENARIO, "i-1", "alice", T0), step("restore", "OK"))
                .when(new FinishDrillCommand(ID, null, measured(Duration.ofMinutes(3), Duration.ofMinutes(10)), List.of(), T1))
                .expectEvents(new DrillPassedEvent(ID, SCENARIO, "i-1", "b-1", POINT, Duration.ofMinutes(3), RTO_TARGET,
                        Duration.ofMinutes(10), RPO_TARGET, "alice", T1));
    }

    @Test
    void cannotPassWhenTheRpoTargetIsMissed() {
        fixture.given(started())
                .when(new FinishDrillCommand(ID, null, measured(Duration.ofMinutes(3), Duration.ofMinutes(61)), List.of(), T1))
                .expectEvents(new DrillFailedEvent(ID, SCENARIO, null, "RPO PT1H1M exceeds the target PT1H",
                        Duration.ofMinutes(3), RTO_TARGET, Duration.ofMinutes(61), RPO_TARGET, List.of(), "alice", T1));
    }

    @Test
    void cannotPassWhenTheRtoTargetIsMissedOrNotMeasured() {
        fixture.given(started())
                .when(new FinishDrillCommand(ID, null, measured(Duration.ofHours(3), Duration.ZERO), List.of(), T1))
                .expectEvents(new DrillFailedEvent(ID, SCENARIO, null, "RTO PT3H exceeds the target PT2H",
                        Duration.ofHours(3), RTO_TARGET, Duration.ZERO, RPO_TARGET, List.of(), "alice", T1));
        fixture.given(started())
                .when(new FinishDrillCommand(ID, null, Measurement.NONE, List.of(), T1))
                .expectEvents(new DrillFailedEvent(ID, SCENARIO, null, "the RTO was not measured", null, null, null,
                        null, List.of(), "alice", T1));
    }

    @Test
    void cannotPassAfterAFailedStepEvenWithGoodMeasurements() {
        fixture.given(started(), step("data verified against the manifest", "FAILED"), step("later", "OK"))
                .when(new FinishDrillCommand(ID, null, measured(Duration.ofMinutes(3), Duration.ofMinutes(10)), List.of(), T1))
                .expectEvents(new DrillFailedEvent(ID, SCENARIO, null,
                        "step 'data verified against the manifest' failed", Duration.ofMinutes(3), RTO_TARGET,
                        Duration.ofMinutes(10), RPO_TARGET, List.of(), "alice", T1));
    }

    @Test
    void canFailWithTheRunnersCauseAndTheDatabasesLeftForCleanup() {
        fixture.given(started())
                .when(new FinishDrillCommand(ID, "incident-service is not reachable", Measurement.NONE,
                        List.of("drill_abc_site"), T1))
                .expectEvents(new DrillFailedEvent(ID, SCENARIO, null, "incident-service is not reachable", null, null,
                        null, null, List.of("drill_abc_site"), "alice", T1));
    }

    @Test
    void cannotRecordStepsOrFinishTwiceOnceItEnded() {
        DrillFailedEvent failed = new DrillFailedEvent(ID, SCENARIO, null, "x", null, null, null, null, List.of(),
                "alice", T1);
        fixture.given(started(), failed)
                .when(new RecordDrillStepCommand(ID, "late", true, "detail", T0, T1))
                .expectException(RuleRefusedException.class)
                .expectExceptionMessage(containsString("FAILED"));
        fixture.given(started(), failed)
                .when(new FinishDrillCommand(ID, null, Measurement.NONE, List.of(), T1))
                .expectException(RuleRefusedException.class);
    }

    @Test
    void canStoreTheReportOnceTheDrillEnded() {
        DrillReportStoredEvent stored = new DrillReportStoredEvent(ID, SCENARIO, "dr-drill-reports", "drills/d-1.md",
                "sha", T1.plus(Duration.ofDays(730)), "alice", T1);
        fixture.given(started(), new DrillFailedEvent(ID, SCENARIO, null, "x", null, null, null, null, List.of(), "alice", T1))
                .when(new RecordDrillReportCommand(ID, "dr-drill-reports", "drills/d-1.md", "sha",
                        T1.plus(Duration.ofDays(730)), T1))
                .expectEvents(stored);
    }

    @Test
    void cannotStoreTheReportWhileRunningOrTwice() {
        fixture.given(started())
                .when(new RecordDrillReportCommand(ID, "b", "k", "sha", T1, T1))
                .expectException(RuleRefusedException.class)
                .expectExceptionMessage(containsString("still running"));
        fixture.given(started(), new DrillFailedEvent(ID, SCENARIO, null, "x", null, null, null, null, List.of(), "alice", T1),
                        new DrillReportStoredEvent(ID, SCENARIO, "b", "k", "sha", T1, "alice", T1))
                .when(new RecordDrillReportCommand(ID, "b", "k", "sha", T1, T1))
                .expectException(RuleRefusedException.class);
    }
}
