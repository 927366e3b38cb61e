package org.drcc.drill.job;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.drill.application.AppFleet;
import org.drcc.drill.application.AppFleet.Probe;
import org.drcc.drill.command.DrillScenario;
import org.drcc.drill.command.FinishDrillCommand;
import org.drcc.drill.command.Measurement;
import org.drcc.drill.command.RecordDrillStepCommand;
import org.drcc.drill.incident.IncidentDesk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The application drills, on the running Food Truck application (never its data). Code corruption (scenario 6): a
 * deliberately bad release is deployed, detected by the application's own health and functional checks, rolled back
 * to the release before it, and validated; its RTO runs from the bad deploy to the validated rollback. Failover (the
 * test schedule's application-failover test): instance 1 is stopped, the URL list must serve from instance 2 within
 * the failover target, and instance 1 must come back (restarted by whatever supervises it). A bad release is never
 * left running: a drill that fails after deploying it rolls it back.
 */
@Component
class ApplicationExercise {

    static final String DEPLOYED = "bad release deployed";
    static final String DETECTED = "bad release detected";
    static final String ROLLED_BACK = "rolled back";
    static final String STOPPED = "instance 1 stopped";
    static final String TOOK_OVER = "instance 2 took over";
    static final String VALIDATED = "application validated";

    private static final Logger log = LoggerFactory.getLogger(ApplicationExercise.class);

    private final CommandGateway commands;
    private final IncidentDesk desk;
    private final AppFleet fleet;
    private final AppDrillProperties properties;
    private final DrillReports reports;
    private final Clock clock;

    ApplicationExercise(CommandGateway commands, IncidentDesk desk, AppFleet fleet, AppDrillProperties properties,
                        DrillReports reports, Clock clock) {
        this.commands = commands;
        this.desk = desk;
        this.fleet = fleet;
        this.properties = properties;
        this.reports = reports;
        this.clock = clock;
    }

    /** What one run has found so far. */
    private static final class Run {
        Duration target;
        String good;
        Instant outageFrom;
        Instant outageTo;
        boolean badRunning;
    }

    void run(String drillId, DrillScenario scenario) {
        StepRecorder steps = new StepRecorder(commands, clock, drillId);
        Run run = new Run();
        String failure = null;
        try {
            if (fleet.instances().isEmpty()) {
                throw new IllegalStateException("no instance of the application is known: set dr.drill.app.urls");
            }
            if (scenario == DrillScenario.APPLICATION_CODE_CORRUPTION) {
                codeCorruption(steps, run, scenario);
            } else {
                failover(steps, run);
            }
        } catch (StepRecorder.StepFailed e) {
            failure = e.getMessage();
        } catch (Exception e) {
            failure = "the drill stopped: " + e;
            log.error("Drill {} stopped", drillId, e);
        }
        if (run.badRunning) {
            rollBackQuietly(drillId);
        }
        Duration outage = run.outageFrom == null || run.outageTo == null ? null
                : Duration.between(run.outageFrom, run.outageTo);
        commands.sendAndWait(new FinishDrillCommand(drillId, failure,
                new Measurement(null, null, outage, run.target, null, null), List.of(), clock.instant()));
        reports.store(drillId);
    }

    private void codeCorruption(StepRecorder steps, Run run, DrillScenario scenario) {
        URI first = fleet.instances().get(0);
        steps.run("targets read", () -> {
            run.target = desk.targets(scenario.id()).rto();
            return "the plan's " + scenario.id() + ": RTO " + run.target + ", no RPO (the code is versioned)";
        });
        steps.run("release running", () -> {
            List<Probe> all = serving("before the drill");
            run.good = all.get(0).release();
            if (all.stream().anyMatch(p -> !run.good.equals(p.release()))) {
                throw new IllegalStateException("the instances run different releases: " + all);
            }
            if (run.good.equals(properties.badRelease())) {
                throw new IllegalStateException("the bad release " + run.good + " is already running");
            }
            return "release " + run.good + " on " + all.size() + " instances, health UP and functional check passed";
        });
        steps.run(DEPLOYED, () -> {
            run.outageFrom = clock.instant();
            String deployed = fleet.deploy(first, properties.badRelease());
            run.badRunning = true;
            return "release " + deployed + " deployed over " + run.good + " through " + first;
        });
        steps.run(DETECTED, () -> {
            Probe caught = await(() -> fleet.instances().stream().map(fleet::probe)
                    .filter(p -> p.reachable() && properties.badRelease().equals(p.release()) && !p.serving()).findFirst(),
                    "the bad release " + properties.badRelease() + " to fail a check");
            return Detection.of(caught).describe() + " on " + caught + "; " + human(since(run.outageFrom))
                    + " after the deploy";
        });
        Instant detected = clock.instant();
        steps.run(ROLLED_BACK, () -> {
            String now = fleet.rollback(first);
            if (!run.good.equals(now)) {
                throw new IllegalStateException("the rollback made " + now + " run, not " + run.good);
            }
            run.badRunning = false;
            return "back to release " + run.good + " through " + first;
        });
        steps.run(VALIDATED, () -> {
            List<Probe> all = await(() -> Optional.of(fleet.instances().stream().map(fleet::probe).toList())
                    .filter(ps -> ps.stream().allMatch(p -> p.serving() && run.good.equals(p.release()))),
                    "every instance to serve release " + run.good + " again");
            run.outageTo = clock.instant();
            return "release " + run.good + ": health UP and functional check passed on all " + all.size()
                    + " instances. Time to detect " + human(Duration.between(run.outageFrom, detected))
                    + ", time to roll back " + human(Duration.between(detected, run.outageTo)) + ", bad release to "
                    + "validated " + human(Duration.between(run.outageFrom, run.outageTo)) + " against the RTO " + run.target;
        });
    }

    private void failover(StepRecorder steps, Run run) {
        List<URI> instances = fleet.instances();
        steps.run("targets read", () -> {
            run.target = properties.failoverTarget();
            return "the application may stop serving for at most " + run.target + " (dr.drill.app.failover-target)";
        });
        steps.run("instances serving", () -> {
            if (instances.size() < 2) {
                throw new IllegalStateException("the failover test needs two instances; dr.drill.app.urls names "
                        + instances);
            }
            return serving("before the drill").size() + " instances: health UP and functional check passed";
        });
        URI one = instances.get(0);
        steps.run(STOPPED, () -> {
            run.outageFrom = clock.instant();
            fleet.stop(one);
            await(() -> Optional.of(fleet.probe(one)).filter(p -> !p.reachable()), one + " to stop answering");
            return one + " stopped and no longer answers, " + human(since(run.outageFrom)) + " after the stop";
        });
        steps.run(TOOK_OVER, () -> {
            Probe served = await(() -> firstServing(instances), "an instance of the URL list to serve");
            run.outageTo = clock.instant();
            return served + " serves: the functional check passed "
                    + human(Duration.between(run.outageFrom, run.outageTo)) + " after instance 1 was stopped, against "
                    + run.target;
        });
        steps.run("instance 1 restarted", () -> {
            Probe back = await(() -> Optional.of(fleet.probe(one)).filter(Probe::serving), one + " to serve again");
            return back + " back, " + human(since(run.outageFrom)) + " after it was stopped";
        });
        steps.run(VALIDATED, () -> serving("after the drill").size()
                + " instances: health UP and functional check passed");
    }

    /** The URL list as a client uses it: the first instance that answers serves, and it must pass its check. */
    private Optional<Probe> firstServing(List<URI> instances) {
        for (URI instance : instances) {
            Probe p = fleet.probe(instance);
            if (p.reachable()) {
                return Optional.of(p).filter(Probe::serving);
            }
        }
        return Optional.empty();
    }

    private List<Probe> serving(String when) {
        List<Probe> all = fleet.instances().stream().map(fleet::probe).toList();
        List<Probe> not = all.stream().filter(p -> !p.serving()).toList();
        if (!not.isEmpty()) {
            throw new IllegalStateException("not serving " + when + ": " + not);
        }
        return all;
    }

    private <T> T await(Supplier<Optional<T>> what, String waitingFor) throws InterruptedException {
        Instant deadline = clock.instant().plus(properties.waitTimeout());
        while (true) {
            Optional<T> found = what.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("waited " + properties.waitTimeout() + " for " + waitingFor);
            }
            Thread.sleep(properties.pollInterval().toMillis());
        }
    }

    private void rollBackQuietly(String drillId) {
        Instant started = clock.instant();
        String detail;
        boolean ok;
        try {
            detail = "the bad release is not left running: rolled back to " + fleet.rollback(fleet.instances().get(0));
            ok = true;
        } catch (RuntimeException e) {
            detail = "could not roll the bad release back: " + e.getMessage() + "; roll back by hand";
            ok = false;
            log.error("Drill {} left the bad release running", drillId, e);
        }
        commands.sendAndWait(new RecordDrillStepCommand(drillId, "clean-up rollback", ok, detail, started, clock.instant()));
    }

    private Duration since(Instant from) {
        return Duration.between(from, clock.instant());
    }

    static String human(Duration d) {
        return d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s"
                : String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** Which of the application's own checks caught a bad release. */
    enum Detection {
        HEALTH, FUNCTIONAL_CHECK;

        static Detection of(Probe probe) {
            return probe.healthy() ? FUNCTIONAL_CHECK : HEALTH;
        }

        String describe() {
            return this == HEALTH ? "caught by the health check (DOWN)"
                    : "caught by the functional check alone (health still UP)";
        }
    }
}
