package org.drcc.drill.job;

import java.time.Clock;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.drill.command.DrillScenario;
import org.drcc.drill.command.StartDrillCommand;
import org.drcc.drill.job.DrillProperties;
import org.drcc.drill.backup.BackupDesk;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/** Starts drills: recorded at once, run in the background one at a time. */
@Component
public class DrillRunner {

    private final CommandGateway commands;
    private final DrillExercise exercise;
    private final ApplicationExercise applications;
    private final RandomMomentDrill randomMoment;
    private final BackupDesk backups;
    private final DrillProperties properties;
    private final TaskExecutor tasks;
    private final Clock clock;

    DrillRunner(CommandGateway commands, DrillExercise exercise, ApplicationExercise applications,
                RandomMomentDrill randomMoment, BackupDesk backups, DrillProperties properties, TaskExecutor drillTasks,
                Clock clock) {
        this.randomMoment = randomMoment;
        this.commands = commands;
        this.exercise = exercise;
        this.applications = applications;
        this.backups = backups;
        this.properties = properties;
        this.tasks = drillTasks;
        this.clock = clock;
    }

    /** Returns the new drill's id; an unknown scenario is refused before anything is recorded. */
    public String start(String scenarioId, String trigger, String actor) {
        DrillScenario scenario = DrillScenario.byId(scenarioId).orElseThrow(() -> new UnknownScenarioException(scenarioId));
        backups.requireProtected(properties.database());
        String drillId = UUID.randomUUID().toString();
        commands.sendAndWait(new StartDrillCommand(drillId, scenario, properties.database(), trigger, actor,
                clock.instant()));
        if (scenario == DrillScenario.POINT_IN_TIME_RECOVERY) {
            tasks.execute(() -> randomMoment.run(drillId, actor));
        } else if (scenario.application()) {
            tasks.execute(() -> applications.run(drillId, scenario));
        } else {
            tasks.execute(() -> exercise.run(drillId, scenario, actor));
        }
        return drillId;
    }
}
