package org.drcc.incident.sla;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.contract.plan.SlaStatedEvent;
import org.drcc.incident.plan.Plan;
import org.drcc.kit.schedule.ClusterOnce;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * At each start (and every hour), the plan file's SLA to the {@link ServiceLevel} aggregate, once across instances: the plan file is
 * the one place the SLA is written (metrics-service has no setting of its own any more, so the two cannot disagree).
 * A plan without an SLA states nothing.
 */
@Component
class SlaStatement {

    private final Plan plan;
    private final CommandGateway commands;
    private final Clock clock;
    private final Runnable stateOnce;

    SlaStatement(Plan plan, CommandGateway commands, Clock clock, ClusterOnce cluster) {
        this.plan = plan;
        this.commands = commands;
        this.clock = clock;
        this.stateOnce = cluster.once("plan-sla", Duration.ofMinutes(1), Duration.ofSeconds(5), this::state);
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        stateOnce.run();
    }

    /** Again every hour: a start whose statement failed (the database away) is made good without a restart. */
    @Scheduled(cron = "0 30 * * * *", zone = "UTC")
    void hourly() {
        stateOnce.run();
    }

    void state() {
        plan.sla().ifPresent(sla -> commands.sendAndWait(new StateSlaCommand(SlaStatedEvent.SUBJECT, sla.availability(),
                sla.maxDowntime(), clock.instant())));
    }
}
