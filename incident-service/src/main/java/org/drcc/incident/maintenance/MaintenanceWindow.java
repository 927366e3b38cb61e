package org.drcc.incident.maintenance;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.drcc.contract.plan.MaintenanceWindowScheduledEvent;
import org.drcc.kit.rules.RuleRefusedException;

/**
 * A planned maintenance window. The SLA excludes it, so the rules guard against excusing an outage after the fact:
 * a window is scheduled before it starts (the plan's maintenance is planned), and it is at most {@link #LONGEST}
 * long (a typo of a day for an hour would hide a day of downtime).
 */
@Aggregate
public class MaintenanceWindow {

    /** The plan schedules maintenance "during low-traffic periods": a night at most. */
    public static final Duration LONGEST = Duration.ofHours(12);

    @AggregateIdentifier
    private String windowId;

    protected MaintenanceWindow() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public MaintenanceWindow(ScheduleMaintenanceWindowCommand c) {
        require(c.reason() != null && !c.reason().isBlank(), "a maintenance window needs a reason");
        require(c.endsAt().isAfter(c.startsAt()), "endsAt " + c.endsAt() + " is not after startsAt " + c.startsAt());
        require(c.startsAt().isAfter(c.requestedAt()), "startsAt " + c.startsAt() + " is not in the future: planned "
                + "maintenance is scheduled before it starts; an outage already under way is an incident");
        require(Duration.between(c.startsAt(), c.endsAt()).compareTo(LONGEST) <= 0,
                "a maintenance window is at most " + LONGEST + " long; schedule a longer job as several windows");
        apply(new MaintenanceWindowScheduledEvent(c.windowId(), c.startsAt(), c.endsAt(), c.reason().strip(),
                c.actor(), c.requestedAt()));
    }

    @EventSourcingHandler
    void on(MaintenanceWindowScheduledEvent e) {
        windowId = e.windowId();
    }

    private static void require(boolean condition, String refusal) {
        if (!condition) {
            throw new RuleRefusedException("maintenance window", refusal);
        }
    }
}
