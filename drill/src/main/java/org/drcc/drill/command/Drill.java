package org.drcc.drill.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.drcc.contract.drill.DrillFailedEvent;
import org.drcc.contract.drill.DrillIncidentDeclaredEvent;
import org.drcc.contract.drill.DrillPassedEvent;
import org.drcc.contract.drill.DrillReportStoredEvent;
import org.drcc.contract.drill.DrillStartedEvent;
import org.drcc.contract.drill.DrillStepRecordedEvent;
import org.drcc.kit.rules.RuleRefusedException;

/**
 * One exercise of a scenario: its steps as they happened, then passed or failed against the targets, then its report.
 * Its type is pinned: the event store keys its events by it, whatever package the class lives in.
 */
@Aggregate(type = "Drill")
public class Drill {

    @AggregateIdentifier
    private String drillId;
    private String scenario;
    private String actor;
    private String incidentId;
    private DrillStatus status;
    private String brokenStep;
    private boolean reported;

    protected Drill() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Drill(StartDrillCommand c) {
        apply(new DrillStartedEvent(c.drillId(), c.scenario().id(), c.database(), c.trigger(), c.actor(), c.requestedAt()));
    }

    @CommandHandler
    void handle(RecordDrillIncidentCommand c) {
        requireRunning("declare its incident");
        if (incidentId != null) {
            throw new RuleRefusedException("drill", "drill " + drillId + " already has incident " + incidentId);
        }
        apply(new DrillIncidentDeclaredEvent(drillId, scenario, c.incidentId(), actor, c.at()));
    }

    @CommandHandler
    void handle(RecordDrillStepCommand c) {
        requireRunning("record a step");
        apply(new DrillStepRecordedEvent(drillId, scenario, c.step(), c.ok() ? "OK" : "FAILED", c.detail(),
                c.startedAt(), c.endedAt(), actor, c.endedAt()));
    }

    @CommandHandler
    void handle(FinishDrillCommand c) {
        requireRunning("finish");
        Measurement m = c.measurement() == null ? Measurement.NONE : c.measurement();
        String reason = c.failure() != null ? c.failure()
                : brokenStep != null ? "step '" + brokenStep + "' failed" : m.missedTargets();
        if (reason == null) {
            apply(new DrillPassedEvent(drillId, scenario, incidentId, m.backupId(), m.restorePoint(), m.rto(),
                    m.rtoTarget(), m.rpo(), m.rpoTarget(), actor, c.at()));
        } else {
            apply(new DrillFailedEvent(drillId, scenario, incidentId, reason, m.rto(), m.rtoTarget(), m.rpo(),
                    m.rpoTarget(), c.pendingCleanup(), actor, c.at()));
        }
    }

    @CommandHandler
    void handle(RecordDrillReportCommand c) {
        if (status == DrillStatus.RUNNING) {
            throw new RuleRefusedException("drill", "drill " + drillId + " is still running: its report comes when it ends");
        }
        if (reported) {
            throw new RuleRefusedException("drill", "drill " + drillId + " already has its report");
        }
        apply(new DrillReportStoredEvent(drillId, scenario, c.bucket(), c.objectKey(), c.sha256(), c.retainUntil(),
                actor, c.at()));
    }

    private void requireRunning(String what) {
        if (status != DrillStatus.RUNNING) {
            throw new RuleRefusedException("drill", "drill " + drillId + " is " + status + ": it can no longer " + what);
        }
    }

    @EventSourcingHandler
    void on(DrillStartedEvent e) {
        drillId = e.drillId();
        scenario = e.scenario();
        actor = e.actor();
        status = DrillStatus.RUNNING;
    }

    @EventSourcingHandler
    void on(DrillIncidentDeclaredEvent e) {
        incidentId = e.incidentId();
    }

    @EventSourcingHandler
    void on(DrillStepRecordedEvent e) {
        if ("FAILED".equals(e.outcome()) && brokenStep == null) {
            brokenStep = e.step();
        }
    }

    @EventSourcingHandler
    void on(DrillPassedEvent e) {
        status = DrillStatus.PASSED;
    }

    @EventSourcingHandler
    void on(DrillFailedEvent e) {
        status = DrillStatus.FAILED;
    }

    @EventSourcingHandler
    void on(DrillReportStoredEvent e) {
        reported = true;
    }
}
