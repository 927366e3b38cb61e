package org.drcc.drill.job;

import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.drill.command.FinishDrillCommand;
import org.drcc.drill.command.Measurement;
import org.drcc.drill.job.DrillProperties;
import org.drcc.drill.query.DrillSummary;
import org.drcc.drill.query.Drills;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start: a drill left running by a crash is recorded as failed, the scratch databases any drill left behind
 * are dropped (no drill runs yet, so every {@code drill_} database is left over), and the reports bucket is
 * prepared. Assumes one backup-service instance, as the suite runs it.
 */
@Component
class DrillStartup {

    private static final Logger log = LoggerFactory.getLogger(DrillStartup.class);
    static final String CAUSE = "the backup-service stopped while the drill was running";

    private final Drills drills;
    private final DrillDatabases dbs;
    private final DrillReports reports;
    private final CommandGateway commands;
    private final DrillProperties properties;
    private final Clock clock;

    DrillStartup(Drills drills, DrillDatabases dbs, DrillReports reports, CommandGateway commands,
                 DrillProperties properties, Clock clock) {
        this.drills = drills;
        this.dbs = dbs;
        this.reports = reports;
        this.commands = commands;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void recover() {
        for (DrillSummary drill : drills.running()) {
            log.warn("Drill {} was interrupted; recording it as failed", drill.drillId());
            commands.sendAndWait(new FinishDrillCommand(drill.drillId(), CAUSE, Measurement.NONE, List.of(),
                    clock.instant()));
            reports.store(drill.drillId());
        }
        try {
            List<String> left = dbs.leftOver();
            if (!left.isEmpty()) {
                log.warn("Dropping scratch databases left by earlier drills: {}", left);
                List<String> still = dbs.dropAll(left);
                if (!still.isEmpty()) {
                    log.error("Could not drop the drill databases {}", still);
                }
            }
        } catch (Exception e) {
            log.warn("Could not clean up drill databases: {}", e.toString());
        }
        try {
            reports.prepareBucket();
        } catch (RuntimeException e) {
            log.warn("Could not prepare the drill reports bucket {}: {}", properties.reportsBucket(), e.toString());
        }
    }
}
