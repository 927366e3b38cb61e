package org.drcc.metrics.query;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.drcc.metrics.figures.BackupFigures;
import org.drcc.metrics.figures.BackupRules;
import org.drcc.metrics.figures.Figures;
import org.drcc.metrics.figures.IncidentRecovery;
import org.drcc.metrics.figures.Period;
import org.drcc.metrics.figures.PeriodFigures;
import org.drcc.metrics.figures.Rate;
import org.drcc.metrics.figures.Sla;
import org.drcc.metrics.figures.SlaFigures;
import org.springframework.stereotype.Service;

/**
 * The figures, computed at each request from the facts by the pure definitions of {@link Figures} (incidents, and drills
 * for the test success), {@link BackupRules} (backups and notifications) and {@link Sla} (the SLA and its error budget).
 */
@Service
public class MetricsQueries {

    private final IncidentFacts facts;
    private final BackupFacts operations;
    private final MaintenanceWindows maintenance;
    private final PlanSla sla;
    private final DrillFacts drills;
    private final Clock clock;

    MetricsQueries(IncidentFacts facts, BackupFacts operations, MaintenanceWindows maintenance, PlanSla sla,
                   DrillFacts drills, Clock clock) {
        this.facts = facts;
        this.operations = operations;
        this.maintenance = maintenance;
        this.sla = sla;
        this.drills = drills;
        this.clock = clock;
    }

    /**
     * The SLA over the period and the year's error budget, from every incident's outage and maintenance window, against
     * the plan's SLA; empty until incident-service has stated it.
     */
    public Optional<SlaFigures> sla(Period period) {
        return sla.target().map(target -> Sla.of(facts.all(), maintenance.all(), period, target, clock.instant()));
    }

    public PeriodFigures figures(Period period) {
        return Figures.of(facts.declaredBetween(period.from(), period.to()),
                drills.finishedBetween(period.from(), period.to()), period, clock.instant());
    }

    public Optional<IncidentRecovery> recovery(String incidentId) {
        return facts.find(incidentId).map(f -> IncidentRecovery.of(f, clock.instant()));
    }

    public BackupFigures backups(Period period) {
        var backups = operations.backups();
        return new BackupFigures(BackupRules.success(backups, period), BackupRules.verification(backups, period),
                BackupRules.newestGood(backups, operations.rpos(), clock.instant()));
    }

    public Map<String, Rate> notificationDeadlinesMet(Period period) {
        return BackupRules.deadlinesMet(operations.notifications(), period);
    }
}
