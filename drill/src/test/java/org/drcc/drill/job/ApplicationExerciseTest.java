package org.drcc.drill.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.drill.application.AppFleet;
import org.drcc.drill.command.DrillScenario;
import org.drcc.drill.command.FinishDrillCommand;
import org.drcc.drill.command.RecordDrillStepCommand;
import org.drcc.drill.incident.IncidentApi;
import org.drcc.drill.incident.IncidentDesk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The application drills' decisions, on an application that behaves as the demo app does, in memory. */
class ApplicationExerciseTest {

    private static final URI ONE = URI.create("http://127.0.0.1:1");
    private static final URI TWO = URI.create("http://127.0.0.1:2");

    private final CommandGateway commands = mock(CommandGateway.class);
    private final IncidentDesk desk = mock(IncidentDesk.class);
    private final List<Object> recorded = new ArrayList<>();

    @BeforeEach
    void record() {
        when(commands.sendAndWait(any())).thenAnswer(call -> {
            recorded.add(call.getArgument(0));
            return null;
        });
        when(desk.targets("application-code-corruption")).thenReturn(
                new IncidentApi.ScenarioTargets("application-code-corruption", Duration.ofHours(2), null, List.of()));
    }

    @Test
    void aBadReleaseIsCaughtByTheFunctionalCheckAloneRolledBackAndValidated() {
        FakeFleet fleet = new FakeFleet(List.of(ONE, TWO), true);
        exercise(fleet).run("d1", DrillScenario.APPLICATION_CODE_CORRUPTION);

        assertThat(steps()).containsExactly("targets read: OK", "release running: OK", "bad release deployed: OK",
                "bad release detected: OK", "rolled back: OK", "application validated: OK");
        assertThat(detail("bad release detected")).contains("functional check alone (health still UP)", "1.2.0-broken");
        assertThat(detail("application validated")).contains("Time to detect", "time to roll back", "against the RTO PT2H");
        FinishDrillCommand finish = finish();
        assertThat(finish.failure()).isNull();
        assertThat(finish.measurement().rtoTarget()).isEqualTo(Duration.ofHours(2));
        assertThat(finish.measurement().rto()).isPositive().isLessThan(Duration.ofMinutes(1));
        assertThat(finish.measurement().missedTargets()).as("no RPO for versioned code").isNull();
        assertThat(fleet.running()).isEqualTo("1.1.0");
    }

    @Test
    void aBadReleaseNoCheckCatchesFailsTheDrillAndIsNotLeftRunning() {
        FakeFleet fleet = new FakeFleet(List.of(ONE, TWO), false);
        exercise(fleet).run("d2", DrillScenario.APPLICATION_CODE_CORRUPTION);

        assertThat(steps()).contains("bad release detected: FAILED", "clean-up rollback: OK")
                .doesNotContain("rolled back: OK");
        assertThat(finish().failure()).contains("bad release detected", "waited");
        assertThat(fleet.running()).as("rolled back all the same").isEqualTo("1.1.0");
    }

    @Test
    void instanceTwoTakesOverWhileInstanceOneIsStoppedAndOneComesBack() {
        FakeFleet fleet = new FakeFleet(List.of(ONE, TWO), true);
        exercise(fleet).run("d3", DrillScenario.APPLICATION_FAILOVER);

        assertThat(steps()).containsExactly("targets read: OK", "instances serving: OK", "instance 1 stopped: OK",
                "instance 2 took over: OK", "instance 1 restarted: OK", "application validated: OK");
        assertThat(detail("instance 2 took over")).startsWith(TWO + " (release 1.1.0");
        assertThat(fleet.stopped).containsExactly(ONE);
        FinishDrillCommand finish = finish();
        assertThat(finish.failure()).isNull();
        assertThat(finish.measurement().rto()).isLessThanOrEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void failoverNeedsTwoInstancesAndStopsNothingWithOne() {
        FakeFleet fleet = new FakeFleet(List.of(ONE), true);
        exercise(fleet).run("d4", DrillScenario.APPLICATION_FAILOVER);

        assertThat(finish().failure()).contains("needs two instances");
        assertThat(fleet.stopped).isEmpty();
    }

    private ApplicationExercise exercise(AppFleet fleet) {
        return new ApplicationExercise(commands, desk, fleet, new AppDrillProperties(fleet.instances(), "1.2.0-broken",
                Duration.ofMinutes(1), Duration.ofMillis(300), Duration.ofMillis(5)), mock(DrillReports.class),
                Clock.systemUTC());
    }

    private List<String> steps() {
        return recorded.stream().filter(RecordDrillStepCommand.class::isInstance).map(RecordDrillStepCommand.class::cast)
                .map(s -> s.step() + ": " + (s.ok() ? "OK" : "FAILED")).toList();
    }

    private String detail(String step) {
        return recorded.stream().filter(RecordDrillStepCommand.class::isInstance).map(RecordDrillStepCommand.class::cast)
                .filter(s -> s.step().equals(step)).findFirst().orElseThrow().detail();
    }

    private FinishDrillCommand finish() {
        ArgumentCaptor<FinishDrillCommand> finish = ArgumentCaptor.forClass(FinishDrillCommand.class);
        verify(commands).sendAndWait(finish.capture());
        return finish.getValue();
    }

    /**
     * Instances sharing one release stack, as the demo app's ledger; the bad release fails the functional check with
     * health UP (or passes it, when {@code checkCatchesBadRelease} is false). A stopped instance is unreachable for
     * three probes, then its supervisor has started it again.
     */
    static final class FakeFleet implements AppFleet {
        private final List<URI> instances;
        private final boolean checkCatchesBadRelease;
        private final Deque<String> releases = new ArrayDeque<>(List.of("1.1.0"));
        private final Map<URI, Integer> down = new ConcurrentHashMap<>();
        final List<URI> stopped = new ArrayList<>();

        FakeFleet(List<URI> instances, boolean checkCatchesBadRelease) {
            this.instances = instances;
            this.checkCatchesBadRelease = checkCatchesBadRelease;
        }

        String running() {
            return releases.peek();
        }

        @Override
        public List<URI> instances() {
            return instances;
        }

        @Override
        public Probe probe(URI instance) {
            Integer left = down.computeIfPresent(instance, (i, n) -> n == 0 ? null : n - 1);
            if (left != null) {
                return Probe.unreachable(instance, "Connection refused");
            }
            boolean passed = !(checkCatchesBadRelease && running().endsWith("broken"));
            return new Probe(instance, true, true, passed, running(), passed ? "25 receipts" : "order 7: receipt total 4.50, paid 13.50");
        }

        @Override
        public String deploy(URI instance, String release) {
            releases.push(release);
            return release;
        }

        @Override
        public String rollback(URI instance) {
            releases.pop();
            return running();
        }

        @Override
        public void stop(URI instance) {
            stopped.add(instance);
            down.put(instance, 3);
        }
    }
}
