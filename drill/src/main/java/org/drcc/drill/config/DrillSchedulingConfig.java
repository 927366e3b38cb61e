package org.drcc.drill.config;

import java.time.Duration;
import java.util.TimeZone;
import org.drcc.drill.backup.BackupDesk;
import org.drcc.drill.command.DrillScenario;
import org.drcc.drill.job.DrillProperties;
import org.drcc.drill.job.DrillRunner;
import org.drcc.kit.schedule.ClusterOnce;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Runs the drills of the test schedule by the clock, each scenario queued in turn. Off with
 * {@code dr.drill.scheduling-enabled=false}. A schedule naming an unknown scenario stops the start.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "dr.drill.scheduling-enabled", havingValue = "true", matchIfMissing = true)
class DrillSchedulingConfig implements SchedulingConfigurer {

    private final DrillProperties properties;
    private final BackupDesk backups;
    private final DrillRunner runner;
    private final ClusterOnce once;

    DrillSchedulingConfig(DrillProperties properties, BackupDesk backups, DrillRunner runner, ClusterOnce once) {
        this.once = once;
        this.properties = properties;
        this.backups = backups;
        this.runner = runner;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        properties.schedules().forEach((name, schedule) -> {
            schedule.scenarios().forEach(s -> DrillScenario.byId(s).orElseThrow(() -> new IllegalArgumentException(
                    "dr.drill.schedules." + name + " names the unknown scenario '" + s + "'; known: " + DrillScenario.ids())));
            CronTrigger trigger = new CronTrigger(schedule.cron(), TimeZone.getTimeZone(backups.verificationSchedule().zone()));
            // one instance starts the schedule's drills; the lock outlives a quick start by a minute
            registrar.addCronTask(new CronTask(once.once("drill-schedule:" + name, Duration.ofMinutes(10),
                    Duration.ofMinutes(1), () -> schedule.scenarios()
                            .forEach(s -> runner.start(s, "schedule:" + name, "scheduler"))), trigger));
        });
    }
}
