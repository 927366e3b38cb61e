package org.drcc.incident.deadline;

import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.incident.command.CheckPhaseWindowsCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code dr.incident.phase-windows.poll-interval}, asks each incident past a phase deadline to record the
 * breach. Polled like notification-service's deadlines rather than with an Axon deadline manager: Axon's persistent
 * deadline managers need a scheduler library (Quartz, JobRunr, db-scheduler) the build does not carry, and the
 * in-memory one forgets its deadlines on a restart. The read model survives restarts and several instances asking
 * at once are harmless: the incident records each breach once.
 */
@Component
class PhaseWindowClock {

    private static final Logger log = LoggerFactory.getLogger(PhaseWindowClock.class);
    private static final int BATCH = 100;

    private final PhaseWindowsDue due;
    private final CommandGateway commands;
    private final Clock clock;

    PhaseWindowClock(PhaseWindowsDue due, CommandGateway commands, Clock clock) {
        this.due = due;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${dr.incident.phase-windows.poll-interval:PT15S}", initialDelayString = "PT5S")
    void checkWindows() {
        List<String> incidents;
        try {
            incidents = due.pastDeadline(clock.instant(), BATCH);
        } catch (DataAccessException e) {
            log.warn("the phase deadlines cannot be read ({}); looked at again on the next round", e.getMessage());
            return;
        }
        for (String incidentId : incidents) {
            try {
                commands.sendAndWait(new CheckPhaseWindowsCommand(incidentId, clock.instant()));
            } catch (RuntimeException e) {
                log.warn("the phase windows of incident {} could not be checked; tried again on the next round",
                        incidentId, e);
            }
        }
    }
}
