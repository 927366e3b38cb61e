package org.drcc.drill.job;

import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.drill.command.RecordDrillStepCommand;

/** Runs the steps of one drill and records each as it ends: OK with what it found, or FAILED with why. */
final class StepRecorder {

    /** A step's work; returns the detail recorded with it. */
    @FunctionalInterface
    interface Step {
        String run() throws Exception;
    }

    /** A step failed: the drill stops here, and this is its reason. */
    static final class StepFailed extends RuntimeException {
        StepFailed(String step, String detail, Throwable cause) {
            super("step '" + step + "' failed: " + detail, cause);
        }
    }

    private final CommandGateway commands;
    private final Clock clock;
    private final String drillId;

    StepRecorder(CommandGateway commands, Clock clock, String drillId) {
        this.commands = commands;
        this.clock = clock;
        this.drillId = drillId;
    }

    String run(String name, Step step) {
        Instant started = clock.instant();
        String detail;
        try {
            detail = step.run();
        } catch (Exception e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            why = why.length() > 2000 ? why.substring(0, 2000) + "..." : why;
            commands.sendAndWait(new RecordDrillStepCommand(drillId, name, false, why, started, clock.instant()));
            throw new StepFailed(name, why, e);
        }
        commands.sendAndWait(new RecordDrillStepCommand(drillId, name, true, detail, started, clock.instant()));
        return detail;
    }
}
